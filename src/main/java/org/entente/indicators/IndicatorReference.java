package org.entente.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.entente.indicators.Indicator.Direction;
import org.entente.indicators.Indicator.Kind;
import org.entente.shared.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads the reference indicators bundled beside the charter definitions ({@code
 * charters/*.indicators.yaml}, each naming its CSV companion file) once the application is ready,
 * that is after the definitions have loaded at start-up; a second load changes nothing.
 *
 * <p>The CSV has the columns {@code indicator, area, unit, year, value, kind, source_url,
 * publisher, note}. Every row is stored as a public value with its publisher and source; a row
 * whose name or note calls it a scenario is a third-party scenario, not an official figure. The
 * mapping groups CSV names into indicators; a name it does not list is an indicator of its own.
 * Where two rows give one indicator a value of the same kind and year from different sources, both
 * are kept and the first in the file's order is used (the file lists the better source first; the
 * figures other sources give are otherwise kept in the rows' notes, see indicators-sources.md).
 */
@Component
@ConditionalOnProperty(name = "entente.definitions.load-on-start", matchIfMissing = true)
class IndicatorReference {

  private static final Logger log = LoggerFactory.getLogger(IndicatorReference.class);

  /** One indicator of the reference data, with its values in the file's order. */
  record Entry(
      String key,
      LocalizedText name,
      String unit,
      Direction direction,
      String area,
      List<String> commitments,
      String dataSource,
      List<CheckedValue> values) {}

  /** A charter's reference indicators. */
  record Reference(String charterKey, String file, List<Entry> indicators) {}

  private final Indicators indicators;

  IndicatorReference(Indicators indicators) {
    this.indicators = indicators;
  }

  @EventListener(ApplicationReadyEvent.class)
  void loadAll() {
    try {
      Resource[] mappings =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:charters/*.indicators.yaml");
      for (Resource mapping : mappings) {
        try {
          Reference reference = read(mapping);
          Indicators.ReferenceReport r = indicators.loadReference(reference);
          log.info(
              "Reference indicators {} of '{}': {} indicators, {} values; {} records created, {} corrected",
              mapping.getFilename(),
              r.charterKey(),
              r.indicators(),
              r.values(),
              r.created(),
              r.corrected());
        } catch (RuntimeException e) {
          log.error("Reference indicators {} refused: {}", mapping.getFilename(), e.getMessage());
        }
      }
    } catch (IOException e) {
      log.error("Reference indicators not found: {}", e.getMessage());
    }
  }

  /** Reads a mapping and the CSV file it names, from beside it. */
  static Reference read(Resource mapping) throws IOException {
    Map<String, Object> yaml;
    try (InputStream in = mapping.getInputStream()) {
      yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
    String csvName = (String) yaml.get("csv");
    String csv;
    try (InputStream in = mapping.createRelative(csvName).getInputStream()) {
      csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return read((String) yaml.get("charter"), csvName, yaml, csv);
  }

  @SuppressWarnings("unchecked")
  static Reference read(String charterKey, String file, Map<String, Object> yaml, String csv)
      throws IOException {
    Map<String, String> areas = (Map<String, String>) yaml.getOrDefault("areas", Map.of());
    Map<String, String> namesAz = (Map<String, String>) yaml.getOrDefault("names-az", Map.of());
    Map<String, Map<String, Object>> byRow = new LinkedHashMap<>();
    for (Map<String, Object> m :
        (List<Map<String, Object>>) yaml.getOrDefault("indicators", List.of())) {
      for (String row : (List<String>) m.get("rows")) {
        if (byRow.put(row, m) != null) {
          throw new IllegalStateException("'" + row + "' is mapped twice");
        }
      }
    }
    Map<String, Builder> built = new LinkedHashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .get()
            .parse(new StringReader(csv))) {
      for (CSVRecord r : parser) {
        String name = r.get("indicator");
        seen.add(name);
        Map<String, Object> m = byRow.get(name);
        String key = m == null ? slug(name) : (String) m.get("key");
        Builder b = built.get(key);
        if (b == null) {
          b =
              Builder.of(
                  key,
                  name,
                  m,
                  namesAz.get(name),
                  r.get("unit"),
                  areas.getOrDefault(r.get("area"), null));
          built.put(key, b);
        }
        String unit = r.get("unit");
        if (!unit.equals(b.unit) && !b.units.contains(unit)) {
          throw new IllegalStateException(
              "line " + (r.getRecordNumber() + 1) + ": unit '" + unit + "' is not " + b.unit);
        }
        b.values.add(value(name, r));
        b.publishers.add(r.get("publisher"));
      }
    }
    for (String row : byRow.keySet()) {
      if (!seen.contains(row)) {
        throw new IllegalStateException("no row of the CSV is named '" + row + "'");
      }
    }
    List<Entry> entries = new ArrayList<>();
    for (Builder b : built.values()) {
      String dataSource = String.join("; ", b.publishers);
      entries.add(
          new Entry(
              b.key,
              b.name,
              b.unit,
              b.direction,
              b.area,
              b.commitments,
              dataSource.length() > 1000 ? dataSource.substring(0, 997) + "..." : dataSource,
              b.values));
    }
    return new Reference(charterKey, file, entries);
  }

  /**
   * A row's value, public with its publisher and source: a third-party scenario (not official) when
   * the row's name or note calls it one.
   */
  private static CheckedValue value(String name, CSVRecord r) {
    String year = r.get("year");
    String note = r.get("note");
    boolean scenario = (name + " " + note).toLowerCase(Locale.ROOT).contains("scenario");
    return new CheckedValue(
        Kind.valueOf(r.get("kind").toUpperCase(Locale.ROOT)),
        year.isBlank() ? null : Integer.valueOf(year),
        null,
        new BigDecimal(r.get("value")),
        r.get("source_url").isBlank() ? null : r.get("source_url"),
        r.get("publisher"),
        note.isBlank() ? null : LocalizedText.of("en", note),
        !scenario,
        false,
        null);
  }

  private static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return s.length() > 100 ? s.substring(0, 100).replaceAll("-$", "") : s;
  }

  private static final class Builder {
    final String key;
    final LocalizedText name;
    final String unit;
    final Direction direction;
    final String area;
    final List<String> commitments;
    final List<String> units;
    final List<CheckedValue> values = new ArrayList<>();
    final java.util.Set<String> publishers = new java.util.LinkedHashSet<>();

    /**
     * The indicator a row starts, as its mapping (null when it has none) describes it; its name in
     * Azerbaijani is the mapping's {@code name-az}, else the file's {@code names-az} for the row.
     */
    @SuppressWarnings("unchecked")
    static Builder of(
        String key, String name, Map<String, Object> m, String nameAz, String unit, String area) {
      List<String> commitments =
          m == null ? List.of() : (List<String>) m.getOrDefault("commitments", List.of());
      String az = m != null && m.get("name-az") != null ? (String) m.get("name-az") : nameAz;
      LocalizedText text =
          az != null
              ? LocalizedText.ofMap(Map.of("en", name, "az", az))
              : LocalizedText.of("en", name);
      Direction direction =
          Direction.fromCode("direction", m == null ? "higher" : (String) m.get("direction"));
      return new Builder(
          key,
          text,
          unit,
          direction,
          area,
          commitments,
          m == null ? List.of() : (List<String>) m.getOrDefault("units", List.of()));
    }

    Builder(
        String key,
        LocalizedText name,
        String unit,
        Direction direction,
        String area,
        List<String> commitments,
        List<String> units) {
      this.key = key;
      this.name = name;
      this.unit = unit;
      this.direction = direction;
      this.area = area;
      this.commitments = commitments;
      this.units = units;
    }
  }
}

package org.entente.opendata;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.charter.CharterIndex;
import org.entente.charter.Charters;
import org.entente.exchange.CharterKeys;
import org.entente.exchange.Column;
import org.entente.exchange.Kind;
import org.entente.exchange.Reader;
import org.entente.exchange.RecordExchange;
import org.entente.exchange.RecordTable;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.springframework.stereotype.Component;

/**
 * A charter's records as rows of their tables, for the export and the import: a restore, not an
 * API, so every field is carried as stored (ids, versions, times), and what an instance makes for
 * itself is referred to by its key (working groups, dialogue platforms and commitments come from
 * the charter's definition, with ids of their own in each instance). Each module that owns records
 * reads its own tables as the viewer may see them and writes what is imported into them, through
 * its {@link RecordExchange}; this class holds the format. A reference to a row the viewer may not
 * see is left out, not even its id is carried.
 */
@Component
class RecordTables {

  /** The format name and version of an export. */
  static final String FORMAT = "entente-export/1";

  /** A table with the module that carries it. */
  record Carried(RecordTable table, RecordExchange module) {

    String name() {
      return table.name();
    }
  }

  private final List<Carried> tables;
  private final Charters charters;
  private final RecordImport importer;
  private final Audit audit;
  private final Clock clock;

  RecordTables(
      List<RecordExchange> modules,
      Charters charters,
      RecordImport importer,
      Audit audit,
      Clock clock) {
    List<Carried> carried = new ArrayList<>();
    for (RecordExchange module : modules) {
      module.tables().forEach(table -> carried.add(new Carried(table, module)));
    }
    this.tables = List.copyOf(carried);
    this.charters = charters;
    this.importer = importer;
    this.audit = audit;
    this.clock = clock;
  }

  /** The tables an export carries, in the order they are imported. */
  List<Carried> tables() {
    return tables;
  }

  /** The charter's records the viewer may see, by table. */
  Map<String, Object> export(String charterKey, Viewer viewer) {
    UUID charterId = charters.idOf(CharterKey.of(charterKey)).orElseThrow();
    CharterIndex index = charters.index(charterId).orElseThrow();
    Map<UUID, String> commitments = index.commitmentKeys(viewer);
    CharterKeys charterKeys = new CharterKeys(charterId, index.bodyKeys(), commitments);
    Set<String> areas = index.areaKeys(viewer);
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    Map<String, Set<String>> ids = new HashMap<>();
    for (Carried carried : tables) {
      RecordTable table = carried.table();
      List<Map<String, Object>> kept = new ArrayList<>();
      for (Map<String, Object> row : carried.module().rows(table, charterKeys, Reader.of(viewer))) {
        if (keep(table, row, ids) && linksShown(table, row, commitments, areas)) {
          kept.add(row);
          if (row.get("id") instanceof String id) {
            ids.computeIfAbsent(table.name(), t -> new HashSet<>()).add(id);
          }
        }
      }
      rows.put(table.name(), kept);
    }
    auditRestricted(charterId, index.restrictedGroupKeys(), rows);
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("format", FORMAT);
    export.put("charter", charterKey);
    export.put("exportedAt", Instant.now(clock).toString());
    export.put("tables", rows);
    return export;
  }

  /**
   * Imports an export, all or nothing, in the caller's transaction.
   *
   * @return the rows imported by table, and under {@code kept} the records this instance had
   *     already (e.g. indicators loaded with the charter's reference data), left as they are
   */
  Map<String, Integer> importRows(Map<String, Object> export) {
    return importer.importRows(export, tables);
  }

  /**
   * Whether a row goes into the export: a row that needs a row the export does not carry does not;
   * a reference it may do without is emptied.
   */
  private static boolean keep(
      RecordTable table, Map<String, Object> row, Map<String, Set<String>> ids) {
    for (Column col : table.columns()) {
      if (col.ref() == null || row.get(col.name()) == null) {
        continue;
      }
      if (col.ref().equals(table.name())) {
        continue; // within the same table, e.g. a value superseded by another of its indicator
      }
      boolean carried = ids.getOrDefault(col.ref(), Set.of()).contains(row.get(col.name()));
      if (!carried) {
        if (col.required()) {
          return false;
        }
        row.put(col.name(), null);
      }
    }
    return true;
  }

  /**
   * Whether a row goes into the export as far as its links to commitments and areas go: a link to
   * one the viewer may not see (stored before links had to follow visibility) is emptied, and a row
   * that is nothing but such a link is left out, so the export never names a hidden record.
   */
  private static boolean linksShown(
      RecordTable table,
      Map<String, Object> row,
      Map<UUID, String> commitments,
      Set<String> areas) {
    for (Column col : table.columns()) {
      Object value = row.get(col.name());
      boolean hidden =
          switch (col.name()) {
            case "commitment_key" -> value != null && !commitments.containsValue(value);
            case "area_key" -> value != null && !areas.contains(value);
            default -> col.kind() == Kind.COMMITMENT && value == null;
          };
      if (hidden) {
        if (col.required()) {
          return false;
        }
        row.put(col.name(), null);
      }
    }
    return true;
  }

  /** An export that holds non-public records of a restricted group is a read to record. */
  private void auditRestricted(
      UUID charterId, Set<String> restricted, Map<String, List<Map<String, Object>>> rows) {
    int count = 0;
    for (Carried carried : tables) {
      if (!carried.table().ofGroup()) {
        continue;
      }
      for (Map<String, Object> row : rows.get(carried.name())) {
        if (restricted.contains(row.get("group_id"))
            && !"PUBLIC".equals(row.get("classification"))) {
          count++;
        }
      }
    }
    if (count > 0) {
      audit.recordRead("charter-export", charterId.toString(), Map.of("restrictedRecords", count));
    }
  }
}

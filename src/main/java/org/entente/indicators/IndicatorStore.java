package org.entente.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.indicators.Indicator.Direction;
import org.entente.indicators.Indicator.Kind;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.LocalizedText;
import org.entente.shared.TextQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the indicators module: its tables {@code indicator}, {@code indicator_commitment} and
 * {@code indicator_value}, and no other module's. Reads of indicators a viewer asks for apply the
 * one visibility condition ({@link Viewer#condition(String)}).
 */
@Repository
class IndicatorStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  IndicatorStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- indicators

  /** The charter's indicators the viewer may see, by area and key. */
  List<Indicator> inCharter(UUID charterId, CharterKey charterKey, Viewer viewer) {
    return jdbc.sql(
            "select * from indicator i where i.charter_id = :charter and "
                + Viewer.condition("i")
                + " order by i.area_key, i.code")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(row(charterKey))
        .list();
  }

  /** The charter's indicators the viewer may see that measure one of its commitments, by key. */
  List<Indicator> measuring(
      UUID charterId, CharterKey charterKey, String commitment, Viewer viewer) {
    return jdbc.sql(
            "select * from indicator i where i.charter_id = :charter and i.id in (select"
                + " indicator_id from indicator_commitment where commitment_key = :commitment)"
                + " and "
                + Viewer.condition("i")
                + " order by i.code")
        .param("charter", charterId)
        .param("commitment", commitment)
        .params(viewer.parameters())
        .query(row(charterKey))
        .list();
  }

  /** The charter's indicators the viewer may see that match a search, at most 200. */
  List<Indicator> matching(
      UUID charterId, CharterKey charterKey, TextQuery.Condition match, Viewer viewer) {
    return jdbc.sql(
            "select * from indicator i where i.charter_id = :charter and "
                + Viewer.condition("i")
                + " and "
                + match.sql()
                + " order by i.area_key, i.code limit 200")
        .param("charter", charterId)
        .params(viewer.parameters())
        .params(match.params())
        .query(row(charterKey))
        .list();
  }

  /** The charter's indicator with this key, if the viewer may see it. */
  Optional<Indicator> byKey(UUID charterId, CharterKey charterKey, String key, Viewer viewer) {
    return jdbc.sql(
            "select * from indicator i where i.charter_id = :charter and i.code = :code and "
                + Viewer.condition("i"))
        .param("charter", charterId)
        .param("code", key)
        .params(viewer.parameters())
        .query(row(charterKey))
        .optional();
  }

  /** The charter's indicator with this key, whoever may see it: for loading reference data. */
  Optional<Indicator> byKey(UUID charterId, CharterKey charterKey, String key) {
    return jdbc.sql("select * from indicator where charter_id = ? and code = ?")
        .params(charterId, key)
        .query(row(charterKey))
        .optional();
  }

  /** The indicator with this id, if the viewer may see it, without its charter's key. */
  Optional<Indicator> visible(UUID id, Viewer viewer) {
    return jdbc.sql("select * from indicator i where i.id = :id and " + Viewer.condition("i"))
        .param("id", id)
        .params(viewer.parameters())
        .query(row(null))
        .optional();
  }

  /** Whether the charter has an indicator with this key, whoever may see it. */
  boolean exists(UUID charterId, String key) {
    return jdbc.sql("select count(*) from indicator where charter_id = ? and code = ?")
            .params(charterId, key)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Stores a new indicator (its id, version 0), where its texts' translations stand ({@link
   * IndicatorTranslationSources}, as JSON) and the keys of the commitments it measures.
   */
  void insert(Indicator indicator, Set<String> commitments, String translationSources) {
    OffsetDateTime now = now();
    jdbc.sql(
            "insert into indicator (id, charter_id, code, name, unit, direction, area_key,"
                + " owner_organization, definition, data_source, classification, origin_party,"
                + " group_id, translation_sources, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            indicator.id(),
            indicator.charterId(),
            indicator.code(),
            indicator.name().toJson(),
            indicator.unit().toJson(),
            indicator.direction().name(),
            indicator.area(),
            indicator.ownerOrganization(),
            json(indicator.definition()),
            json(indicator.dataSource()),
            indicator.classification().name(),
            indicator.originParty(),
            indicator.groupId(),
            translationSources,
            now,
            now)
        .update();
    for (String c : commitments) {
      jdbc.sql("insert into indicator_commitment (indicator_id, commitment_key) values (?, ?)")
          .params(indicator.id(), c)
          .update();
    }
  }

  /** The keys of the commitments each indicator measures, in key order. */
  Map<UUID, List<String>> commitmentKeys(List<UUID> ids) {
    Map<UUID, List<String>> keys = new HashMap<>();
    jdbc.sql(
            "select indicator_id, commitment_key from indicator_commitment"
                + " where indicator_id in (:ids) order by commitment_key")
        .param("ids", ids)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    keys.computeIfAbsent(
                            rs.getObject("indicator_id", UUID.class), k -> new ArrayList<>())
                        .add(rs.getString("commitment_key")));
    return keys;
  }

  // ---------------------------------------------------------------- translations

  /** An indicator with where the translations of its texts stand (null: made before V37). */
  record Translating(Indicator indicator, String sources) {}

  /** The charter's indicators the viewer may see, each with its translations' state, by key. */
  List<Translating> translatable(UUID charterId, CharterKey charterKey, Viewer viewer) {
    return jdbc.sql(
            "select * from indicator i where i.charter_id = :charter and "
                + Viewer.condition("i")
                + " order by i.code")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                new Translating(indicator(rs, charterKey), rs.getString("translation_sources")))
        .list();
  }

  /** Where the translations of an indicator's texts stand, as stored (null before V37). */
  String translationSources(UUID id) {
    return jdbc.sql("select translation_sources from indicator where id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /**
   * Stores an indicator's texts after one translation was saved, made against a version.
   *
   * @throws ConflictException when it changed since that version
   */
  void saveTranslation(Indicator changed, String sources, long version) {
    int updated =
        jdbc.sql(
                "update indicator set name = ?, unit = ?, definition = ?, translation_sources = ?,"
                    + " version = version + 1, updated_at = ? where id = ? and version = ?")
            .params(
                changed.name().toJson(),
                changed.unit().toJson(),
                json(changed.definition()),
                sources,
                now(),
                changed.id(),
                version)
            .update();
    if (updated == 0) {
      throw new ConflictException("indicator", version + 1);
    }
  }

  private static String json(LocalizedText text) {
    return text == null || text.isEmpty() ? null : text.toJson();
  }

  private static LocalizedText texts(String json) {
    return json == null ? null : LocalizedText.fromJson(json);
  }

  // ---------------------------------------------------------------- values

  /** The values of each indicator, superseded ones included, oldest period first. */
  Map<UUID, List<IndicatorValue>> values(List<UUID> ids) {
    Map<UUID, List<IndicatorValue>> values = new HashMap<>();
    jdbc.sql(
            "select * from indicator_value where indicator_id in (:ids)"
                + " order by period_year nulls last, period_date nulls first, created_at, id")
        .param("ids", ids)
        .query(IndicatorStore::value)
        .list()
        .forEach(v -> values.computeIfAbsent(v.indicatorId(), k -> new ArrayList<>()).add(v));
    return values;
  }

  /** An indicator's values, superseded ones included. */
  List<IndicatorValue> values(UUID indicatorId) {
    return jdbc.sql("select * from indicator_value where indicator_id = ?")
        .param(indicatorId)
        .query(IndicatorStore::value)
        .list();
  }

  /**
   * Stores a checked value: the used one of its kind and year unless another source's is (or, for a
   * correction, as used as the value it corrects, which it supersedes); the indicator's version
   * goes up by one.
   *
   * @return the new value's id
   */
  UUID store(Indicator indicator, CheckedValue c) {
    UUID id = UUID.randomUUID();
    boolean used;
    if (c.corrects() != null) {
      used =
          jdbc.sql("select used from indicator_value where id = ?")
              .param(c.corrects())
              .query(Boolean.class)
              .single();
    } else {
      String sameYear = c.year() == null ? "period_year is null" : "period_year = ?";
      List<Object> params =
          c.year() == null
              ? List.of(indicator.id(), c.kind().name())
              : List.of(indicator.id(), c.kind().name(), c.year());
      boolean taken =
          jdbc.sql(
                      "select count(*) from indicator_value where indicator_id = ? and kind = ?"
                          + " and used and superseded_by is null and "
                          + sameYear)
                  .params(params)
                  .query(Long.class)
                  .single()
              > 0;
      used = !taken || c.use();
      if (taken && c.use()) {
        jdbc.sql(
                "update indicator_value set used = false where indicator_id = ? and kind = ? and "
                    + sameYear)
            .params(params)
            .update();
      }
    }
    insertValue(id, indicator.id(), c, used);
    if (c.corrects() != null) {
      jdbc.sql("update indicator_value set superseded_by = ?, used = false where id = ?")
          .params(id, c.corrects())
          .update();
    }
    jdbc.sql("update indicator set version = version + 1, updated_at = ? where id = ?")
        .params(now(), indicator.id())
        .update();
    return id;
  }

  private void insertValue(UUID id, UUID indicatorId, CheckedValue c, boolean used) {
    jdbc.sql(
            "insert into indicator_value (id, indicator_id, kind, period_year, period_date, amount,"
                + " source_url, publisher, note, official, used, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            indicatorId,
            c.kind().name(),
            c.year(),
            c.date(),
            c.amount(),
            c.sourceUrl(),
            c.publisher(),
            json(c.note()),
            c.official(),
            used,
            now())
        .update();
  }

  // ---------------------------------------------------------------- rows

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static RowMapper<Indicator> row(CharterKey charterKey) {
    return (rs, n) -> indicator(rs, charterKey);
  }

  private static Indicator indicator(ResultSet rs, CharterKey charterKey) throws SQLException {
    return new Indicator(
        rs.getObject("id", UUID.class),
        rs.getObject("charter_id", UUID.class),
        charterKey == null ? null : charterKey.value(),
        rs.getString("code"),
        LocalizedText.fromJson(rs.getString("name")),
        LocalizedText.fromJson(rs.getString("unit")),
        Direction.valueOf(rs.getString("direction")),
        rs.getString("area_key"),
        rs.getString("owner_organization"),
        texts(rs.getString("definition")),
        texts(rs.getString("data_source")),
        Classification.valueOf(rs.getString("classification")),
        rs.getString("origin_party"),
        rs.getObject("group_id", UUID.class),
        rs.getLong("version"));
  }

  private static IndicatorValue value(ResultSet rs, int n) throws SQLException {
    return new IndicatorValue(
        rs.getObject("id", UUID.class),
        rs.getObject("indicator_id", UUID.class),
        Kind.valueOf(rs.getString("kind")),
        rs.getObject("period_year", Integer.class),
        rs.getObject("period_date", LocalDate.class),
        rs.getBigDecimal("amount"),
        rs.getString("source_url"),
        rs.getString("publisher"),
        texts(rs.getString("note")),
        rs.getBoolean("official"),
        rs.getBoolean("used"),
        rs.getObject("superseded_by", UUID.class),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}

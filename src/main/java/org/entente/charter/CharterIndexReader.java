package org.entente.charter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.CharterIndex.Entry;
import org.entente.identity.Viewer;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads every charter's {@link CharterIndex} in one statement. */
final class CharterIndexReader {

  private static final String COLUMNS =
      " id, charter_id, code, retired, classification, origin_party, group_id, position";

  private static final List<String> KINDS =
      List.of(
          CharterIndex.WORKING_GROUP,
          CharterIndex.DIALOGUE_PLATFORM,
          CharterIndex.COMMITMENT,
          CharterIndex.AREA);

  private final JdbcClient jdbc;

  CharterIndexReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What one charter's rows make, gathered while they are read. */
  private static final class Gathered {
    private String key;
    private final Map<String, List<Entry>> byKind = new HashMap<>();
    private final Map<String, ZoneId> zones = new HashMap<>();
    private List<String> languages = List.of();

    Gathered() {
      KINDS.forEach(kind -> byKind.put(kind, new ArrayList<>()));
    }

    CharterIndex index(UUID charterId) {
      return new CharterIndex(
          charterId,
          key,
          byKind.get(CharterIndex.WORKING_GROUP),
          byKind.get(CharterIndex.DIALOGUE_PLATFORM),
          byKind.get(CharterIndex.COMMITMENT),
          byKind.get(CharterIndex.AREA),
          zones,
          languages);
    }
  }

  /** Every charter's index, by the charter's id. */
  CharterIndex.All all() {
    Map<UUID, Gathered> charters = new LinkedHashMap<>();
    jdbc.sql(
            "select 'charter' as kind, id, id as charter_id, code, false as retired,"
                + " classification, origin_party, group_id, 0 as position, null as name,"
                + " false as restricted, null as time_zone, languages from charter"
                + part(CharterIndex.WORKING_GROUP, "working_group", "name", "restricted")
                + part(CharterIndex.DIALOGUE_PLATFORM, "dialogue_platform", "name", "false")
                + part(CharterIndex.COMMITMENT, "commitment", "title", "false")
                + part(CharterIndex.AREA, "area", "name", "false")
                + " union all select 'party', id, charter_id, code, retired, classification,"
                + " origin_party, group_id, position, null, false, time_zone, null from party"
                + " where retired = false and time_zone is not null"
                + " order by kind, position")
        .query(
            (RowCallbackHandler)
                rs -> {
                  String kind = rs.getString("kind");
                  UUID charterId = rs.getObject("charter_id", UUID.class);
                  Gathered charter = charters.computeIfAbsent(charterId, id -> new Gathered());
                  switch (kind) {
                    case "charter" -> {
                      charter.key = rs.getString("code");
                      charter.languages = languages(rs.getString("languages"));
                    }
                    case "party" ->
                        charter.zones.put(
                            rs.getString("code"), ZoneId.of(rs.getString("time_zone")));
                    default -> charter.byKind.get(kind).add(entry(kind, rs));
                  }
                });
    Map<UUID, CharterIndex> indexes = new LinkedHashMap<>();
    charters.forEach(
        (id, gathered) -> {
          if (gathered.key != null) {
            indexes.put(id, gathered.index(id));
          }
        });
    return new CharterIndex.All(indexes);
  }

  private static Entry entry(String kind, ResultSet rs) throws SQLException {
    return new Entry(
        rs.getObject("id", UUID.class),
        rs.getObject("charter_id", UUID.class),
        kind,
        rs.getString("code"),
        LocalizedText.fromJson(rs.getString("name")),
        rs.getBoolean("restricted"),
        rs.getBoolean("retired"),
        new Viewer.Audience(
            Classification.valueOf(rs.getString("classification")),
            rs.getString("origin_party"),
            rs.getObject("group_id", UUID.class)));
  }

  private static String part(String kind, String table, String name, String restricted) {
    return " union all select '"
        + kind
        + "',"
        + COLUMNS
        + ", "
        + name
        + ", "
        + restricted
        + ", null, null from "
        + table;
  }

  /**
   * The declared languages of the languages column ({@link StoredLanguages}: the languages joined
   * by commas, with their working-translation and quotation marks).
   */
  private static List<String> languages(String column) {
    return column == null || column.isBlank()
        ? List.of()
        : StoredLanguages.decode(column, null).languages();
  }
}

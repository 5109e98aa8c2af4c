package org.entente.charter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.charter.CharterIndex.Entry;
import org.entente.identity.Viewer;
import org.entente.shared.Classification;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads a charter's {@link CharterIndex} in one statement. */
final class CharterIndexReader {

  private static final String COLUMNS =
      " id, charter_id, code, retired, classification, origin_party, group_id, position";

  private final JdbcClient jdbc;

  CharterIndexReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The charter key for its id, whoever may see it. */
  Optional<String> keyOf(UUID charterId) {
    return jdbc.sql("select code from charter where id = ?")
        .param(charterId)
        .query(String.class)
        .optional();
  }

  /** The index of the charter with this id, or empty when there is none. */
  Optional<CharterIndex> index(UUID charterId) {
    Map<String, List<Entry>> byKind = new LinkedHashMap<>();
    for (String kind :
        List.of(
            CharterIndex.WORKING_GROUP,
            CharterIndex.DIALOGUE_PLATFORM,
            CharterIndex.COMMITMENT,
            CharterIndex.AREA)) {
      byKind.put(kind, new ArrayList<>());
    }
    String[] charterKey = {null};
    jdbc.sql(
            "select 'charter' as kind, id, id as charter_id, code, false as retired,"
                + " classification, origin_party, group_id, 0 as position, false as restricted"
                + " from charter where id = :charter"
                + part(CharterIndex.WORKING_GROUP, "working_group", "restricted")
                + part(CharterIndex.DIALOGUE_PLATFORM, "dialogue_platform", "false")
                + part(CharterIndex.COMMITMENT, "commitment", "false")
                + part(CharterIndex.AREA, "area", "false")
                + " order by kind, position")
        .param("charter", charterId)
        .query(
            (RowCallbackHandler)
                rs -> {
                  String kind = rs.getString("kind");
                  if ("charter".equals(kind)) {
                    charterKey[0] = rs.getString("code");
                    return;
                  }
                  byKind
                      .get(kind)
                      .add(
                          new Entry(
                              rs.getObject("id", UUID.class),
                              rs.getObject("charter_id", UUID.class),
                              kind,
                              rs.getString("code"),
                              rs.getBoolean("restricted"),
                              rs.getBoolean("retired"),
                              new Viewer.Audience(
                                  Classification.valueOf(rs.getString("classification")),
                                  rs.getString("origin_party"),
                                  rs.getObject("group_id", UUID.class))));
                });
    if (charterKey[0] == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CharterIndex(
            charterId,
            charterKey[0],
            byKind.get(CharterIndex.WORKING_GROUP),
            byKind.get(CharterIndex.DIALOGUE_PLATFORM),
            byKind.get(CharterIndex.COMMITMENT),
            byKind.get(CharterIndex.AREA)));
  }

  /**
   * The charter of a working group or dialogue platform, found by the body's id, whoever may see
   * it.
   */
  Optional<UUID> charterOfBody(UUID bodyId) {
    return jdbc
        .sql(
            "select charter_id from working_group where id = :id"
                + " union all select charter_id from dialogue_platform where id = :id")
        .param("id", bodyId)
        .query(UUID.class)
        .list()
        .stream()
        .findFirst();
  }

  private static String part(String kind, String table, String restricted) {
    return " union all select '"
        + kind
        + "',"
        + COLUMNS
        + ", "
        + restricted
        + " from "
        + table
        + " where charter_id = :charter";
  }
}

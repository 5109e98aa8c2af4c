package org.entente.charter;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The keys of what an instance makes for itself from a charter's definition (working groups,
 * dialogue platforms, commitments, areas), by their ids in this instance: records refer to them by
 * id in their tables and by key when they leave an instance (the export and import).
 */
@Component
public class CharterKeyIndex {

  private final JdbcClient jdbc;

  CharterKeyIndex(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every working group's and dialogue platform's key, by id. */
  public Map<UUID, String> groupKeys(UUID charterId) {
    Map<UUID, String> keys = new HashMap<>();
    for (String table : List.of("working_group", "dialogue_platform")) {
      jdbc.sql("select id, code from " + table + " where charter_id = ?")
          .param(charterId)
          .query((rs, n) -> keys.put(rs.getObject("id", UUID.class), rs.getString("code")))
          .list();
    }
    return keys;
  }

  /** Every commitment's key, by id: what an import resolves keys against. */
  public Map<UUID, String> commitmentKeys(UUID charterId) {
    Map<UUID, String> keys = new HashMap<>();
    jdbc.sql("select id, code from commitment where charter_id = ?")
        .param(charterId)
        .query((rs, n) -> keys.put(rs.getObject("id", UUID.class), rs.getString("code")))
        .list();
    return keys;
  }

  /** The key of each commitment the viewer may see, by id. */
  public Map<UUID, String> commitmentKeys(UUID charterId, Viewer viewer) {
    Map<UUID, String> keys = new HashMap<>();
    jdbc.sql(
            "select id, code from commitment where charter_id = :charter and " + Viewer.condition())
        .param("charter", charterId)
        .params(viewer.parameters())
        .query((rs, n) -> keys.put(rs.getObject("id", UUID.class), rs.getString("code")))
        .list();
    return keys;
  }

  /** The keys of the areas the viewer may see. */
  public Set<String> areaKeys(UUID charterId, Viewer viewer) {
    return new HashSet<>(
        jdbc.sql("select code from area where charter_id = :charter and " + Viewer.condition())
            .param("charter", charterId)
            .params(viewer.parameters())
            .query(String.class)
            .list());
  }

  /** The keys of the restricted working groups. */
  public Set<String> restrictedGroupKeys(UUID charterId) {
    return new HashSet<>(
        jdbc.sql("select code from working_group where charter_id = ? and restricted")
            .param(charterId)
            .query(String.class)
            .list());
  }
}

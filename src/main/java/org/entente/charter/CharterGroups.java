package org.entente.charter;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.identity.GroupDirectory;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The working groups and dialogue platforms of every charter, as identity needs them. */
@Component
class CharterGroups implements GroupDirectory {

  private final JdbcClient jdbc;

  CharterGroups(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Group> groups() {
    return read("", Map.of());
  }

  @Override
  public List<Group> groups(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return read(" and %s.id in (:ids)", Map.of("ids", List.copyOf(ids)));
  }

  private List<Group> read(String condition, Map<String, ?> params) {
    return jdbc.sql(
            "select g.id, c.code as charter, g.code, 'WORKING_GROUP' as kind, g.name, g.restricted,"
                + " g.position, g.classification, g.origin_party from working_group g join charter c on c.id = g.charter_id"
                + " where g.retired = false"
                + condition.formatted("g")
                + " union all select p.id, c.code, p.code, 'DIALOGUE_PLATFORM', p.name, false,"
                + " p.position, p.classification, p.origin_party from dialogue_platform p join charter c on c.id = p.charter_id"
                + " where p.retired = false"
                + condition.formatted("p")
                + " order by 2, 4 desc, 7")
        .params(params)
        .query(
            (rs, n) -> {
              LocalizedText names = LocalizedText.fromJson(rs.getString(5));
              return new Group(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  Kind.valueOf(rs.getString(4)),
                  names.text(),
                  rs.getBoolean(6),
                  Classification.valueOf(rs.getString(8)),
                  rs.getString(9),
                  names);
            })
        .list();
  }
}

package org.entente.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the directory module: its one table {@code organization}, and no other module's. */
@Repository
class OrganizationStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  OrganizationStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What a list asks for: a part of the name (in either language), a party, a type; or none. */
  record Filter(String text, String party, String type) {}

  /** The charter's organizations that match the filter, by name. */
  List<OrganizationView> matching(UUID charterId, String charterKey, Filter filter) {
    StringBuilder sql = new StringBuilder("select * from organization where charter_id = :charter");
    var statement = new java.util.LinkedHashMap<String, Object>();
    statement.put("charter", charterId);
    if (filter.text() != null) {
      sql.append(
          " and (name_folded like :text escape '\\' or lower(second_name) like :text escape '\\')");
      statement.put("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
    }
    if (filter.party() != null) {
      sql.append(" and party = :party");
      statement.put("party", filter.party());
    }
    if (filter.type() != null) {
      sql.append(" and iati_type = :type");
      statement.put("type", filter.type());
    }
    sql.append(" order by name_folded, id");
    return jdbc.sql(sql.toString()).params(statement).query((rs, n) -> view(rs, charterKey)).list();
  }

  /** The charter's organization with this id. */
  Optional<OrganizationView> find(UUID charterId, String charterKey, UUID id) {
    return jdbc.sql("select * from organization where charter_id = ? and id = ?")
        .params(charterId, id)
        .query((rs, n) -> view(rs, charterKey))
        .optional();
  }

  /** The id of the charter's organization with this name whatever its case, if any. */
  Optional<UUID> named(UUID charterId, String name) {
    return jdbc.sql("select id from organization where charter_id = ? and name_folded = ?")
        .params(charterId, Organization.nameKey(name))
        .query(UUID.class)
        .optional();
  }

  /** Whether the charter's directory holds an organization by this name, in either language. */
  boolean knows(UUID charterId, String name) {
    String key = Organization.nameKey(name);
    return jdbc.sql(
                "select count(*) from organization where charter_id = ? and (name_folded = ? or"
                    + " lower(second_name) = ?)")
            .params(charterId, key, key)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The names of the charter's organizations, in either language, by name. */
  List<String> names(UUID charterId) {
    return jdbc
        .sql("select name, second_name from organization where charter_id = ? order by name_folded")
        .param(charterId)
        .query(
            (rs, n) ->
                rs.getString("second_name") == null
                    ? List.of(rs.getString("name"))
                    : List.of(rs.getString("name"), rs.getString("second_name")))
        .list()
        .stream()
        .flatMap(List::stream)
        .distinct()
        .toList();
  }

  /** Stores a new organization at version 0. */
  void insert(Organization o) {
    OffsetDateTime now = now();
    jdbc.sql(
            "insert into organization (id, charter_id, name, name_folded, second_name, party,"
                + " iati_type, iati_identifier, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?,"
                + " ?, ?, 0, ?, ?)")
        .params(
            o.id(),
            o.charterId(),
            o.name(),
            Organization.nameKey(o.name()),
            o.secondName(),
            o.party(),
            o.type(),
            o.identifier(),
            now,
            now)
        .update();
  }

  /** Stores the change if the organization is still at its version; false when it is not. */
  boolean update(Organization o) {
    return jdbc.sql(
                "update organization set name = ?, name_folded = ?, second_name = ?, party = ?,"
                    + " iati_type = ?, iati_identifier = ?, version = version + 1, updated_at = ? where id"
                    + " = ? and version = ?")
            .params(
                o.name(),
                Organization.nameKey(o.name()),
                o.secondName(),
                o.party(),
                o.type(),
                o.identifier(),
                now(),
                o.id(),
                o.version())
            .update()
        == 1;
  }

  /** The organization as its row stores it, for the rules. */
  Optional<Organization> load(UUID charterId, UUID id) {
    return jdbc.sql("select * from organization where charter_id = ? and id = ?")
        .params(charterId, id)
        .query(
            (rs, n) ->
                new Organization(
                    rs.getObject("id", UUID.class),
                    rs.getObject("charter_id", UUID.class),
                    rs.getString("name"),
                    rs.getString("second_name"),
                    rs.getString("party"),
                    rs.getString("iati_type"),
                    rs.getString("iati_identifier"),
                    rs.getLong("version")))
        .optional();
  }

  private static OrganizationView view(ResultSet rs, String charterKey) throws SQLException {
    return new OrganizationView(
        rs.getObject("id", UUID.class),
        charterKey,
        rs.getString("name"),
        rs.getString("second_name"),
        rs.getString("party"),
        rs.getString("iati_type"),
        rs.getString("iati_identifier"),
        rs.getLong("version"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}

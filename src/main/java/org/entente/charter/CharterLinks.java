package org.entente.charter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.identity.Viewer;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the records of other modules that link to the charter's records resolve those links with, by
 * id: a commitment's key, title and audience, a working group's key and its charter's. Retired
 * records answer too, as a stored link to one is still shown. Each call is at most one statement,
 * whatever the number of ids. Decides nothing about who may see the link: the caller checks the
 * audience.
 */
@Component
public class CharterLinks {

  /** How many groups' keys are remembered at most; beyond it, all are let go. */
  private static final int MAX_GROUPS = 10_000;

  private final JdbcClient jdbc;
  private final Map<UUID, GroupKeys> groupKeys = new ConcurrentHashMap<>();

  CharterLinks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A commitment a record links to, with who may see it. */
  public record CommitmentLink(
      UUID id, String key, LocalizedText title, Viewer.Audience audience) {}

  /** The keys of a working group and of its charter. */
  public record GroupKeys(UUID groupId, String charterKey, String groupKey) {}

  /** The commitments with these ids, by id; an unknown id is left out. */
  public Map<UUID, CommitmentLink> commitments(Collection<UUID> ids) {
    Map<UUID, CommitmentLink> links = new HashMap<>();
    if (ids.isEmpty()) {
      return links;
    }
    jdbc.sql(
            "select id, code, title, classification, origin_party, group_id from commitment"
                + " where id in (:ids)")
        .param("ids", List.copyOf(ids))
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              links.put(
                  id,
                  new CommitmentLink(
                      id,
                      rs.getString("code"),
                      LocalizedText.fromJson(rs.getString("title")),
                      new Viewer.Audience(
                          Classification.valueOf(rs.getString("classification")),
                          rs.getString("origin_party"),
                          rs.getObject("group_id", UUID.class))));
            });
    return links;
  }

  /**
   * The working groups with these ids, with their charters' keys, by id. A group's id and keys
   * never change (records are synchronized by key, and one that leaves is retired, not renamed), so
   * the keys once read are remembered: a group asked about again costs no statement.
   */
  public Map<UUID, GroupKeys> groups(Collection<UUID> ids) {
    Map<UUID, GroupKeys> keys = new HashMap<>();
    List<UUID> unknown = new ArrayList<>();
    for (UUID id : ids) {
      GroupKeys known = groupKeys.get(id);
      if (known == null) {
        unknown.add(id);
      } else {
        keys.put(id, known);
      }
    }
    if (unknown.isEmpty()) {
      return keys;
    }
    if (groupKeys.size() > MAX_GROUPS) {
      groupKeys.clear();
    }
    jdbc.sql(
            "select g.id, c.code as charter, g.code from working_group g"
                + " join charter c on c.id = g.charter_id where g.id in (:ids)")
        .param("ids", unknown)
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              GroupKeys read = new GroupKeys(id, rs.getString("charter"), rs.getString("code"));
              keys.put(id, read);
              groupKeys.put(id, read);
            });
    return keys;
  }
}

package org.entente.charter;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.audit.RecordChanges;
import org.entente.shared.LocalizedText;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The names by which other modules' records refer to the charter's records: each charter's key,
 * each working group's and dialogue platform's key, name and whether it is restricted, and each
 * party's time zone, by id, whoever asks. Records of other modules that name a charter or a group
 * by id (a meeting, an action item) show these with what the viewer may see of them. Read in one
 * statement and kept until a record changes (decision 0020).
 */
@Component
public class CharterDirectory {

  /**
   * A working group or dialogue platform as records that name it show it.
   *
   * @param key its key, e.g. {@code wg-energy}
   * @param restricted a group whose non-public records are recorded when read (security and
   *     defense); never a platform
   */
  public record Body(UUID id, UUID charterId, String key, LocalizedText name, boolean restricted) {}

  /** The charters, groups, platforms and parties' zones, as of one state of the records. */
  public record Names(
      Map<UUID, String> charterKeys,
      Map<String, UUID> charterIds,
      Map<UUID, Body> bodies,
      Map<String, Map<String, ZoneId>> partyZones) {

    public Names {
      charterKeys = Map.copyOf(charterKeys);
      charterIds = Map.copyOf(charterIds);
      bodies = Map.copyOf(bodies);
      partyZones = Map.copyOf(partyZones);
    }

    /** The key of the charter with this id. */
    public Optional<String> charterKey(UUID charterId) {
      return Optional.ofNullable(charterKeys.get(charterId));
    }

    /** The id of the charter with this key. */
    public Optional<UUID> charterId(String charterKey) {
      return Optional.ofNullable(charterIds.get(charterKey));
    }

    /** The working group or dialogue platform with this id. */
    public Optional<Body> body(UUID id) {
      return id == null ? Optional.empty() : Optional.ofNullable(bodies.get(id));
    }

    /**
     * The time zone a party's officials see a charter's times in, when its definition gives one.
     */
    public Optional<ZoneId> partyZone(String charterKey, String party) {
      if (party == null) {
        return Optional.empty();
      }
      return Optional.ofNullable(partyZones.getOrDefault(charterKey, Map.of()).get(party));
    }
  }

  /** Where a request keeps the names it was given, so that it asks for them once. */
  private static final String IN_REQUEST = CharterDirectory.class.getName() + ".names";

  private final JdbcClient jdbc;
  private final RecordChanges changes;
  private final RecordChanges.Kept<Boolean, Names> kept;

  CharterDirectory(JdbcClient jdbc, RecordChanges changes) {
    this.jdbc = jdbc;
    this.changes = changes;
    this.kept = changes.kept(1);
  }

  /**
   * The names as the records stand now. Within one web request they are asked for once (one
   * statement while no record changed); a transaction that writes reads them anew.
   */
  public Names names() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return kept.get(Boolean.TRUE, this::read);
    }
    if (!changes.keepable()) {
      request.removeAttribute(IN_REQUEST, RequestAttributes.SCOPE_REQUEST);
      return read();
    }
    if (request.getAttribute(IN_REQUEST, RequestAttributes.SCOPE_REQUEST) instanceof Names names) {
      return names;
    }
    Names names = kept.get(Boolean.TRUE, this::read);
    request.setAttribute(IN_REQUEST, names, RequestAttributes.SCOPE_REQUEST);
    return names;
  }

  private Names read() {
    Map<UUID, String> charterKeys = new HashMap<>();
    Map<String, UUID> charterIds = new HashMap<>();
    Map<UUID, Body> bodies = new HashMap<>();
    Map<String, Map<String, ZoneId>> zones = new HashMap<>();
    jdbc.sql(
            "select 'C' as kind, id, id as charter_id, code, null as name, false as restricted,"
                + " null as time_zone from charter"
                + " union all select 'G', id, charter_id, code, name, restricted, null"
                + " from working_group"
                + " union all select 'D', id, charter_id, code, name, false, null"
                + " from dialogue_platform"
                + " union all select 'P', id, charter_id, code, null, false, time_zone from party"
                + " where retired = false and time_zone is not null")
        .query(
            (RowCallbackHandler)
                rs -> {
                  UUID id = rs.getObject("id", UUID.class);
                  UUID charter = rs.getObject("charter_id", UUID.class);
                  String code = rs.getString("code");
                  switch (rs.getString("kind")) {
                    case "C" -> {
                      charterKeys.put(id, code);
                      charterIds.put(code, id);
                    }
                    case "P" ->
                        zones
                            .computeIfAbsent(charter.toString(), k -> new HashMap<>())
                            .put(code, ZoneId.of(rs.getString("time_zone")));
                    default ->
                        bodies.put(
                            id,
                            new Body(
                                id,
                                charter,
                                code,
                                LocalizedText.fromJson(rs.getString("name")),
                                rs.getBoolean("restricted")));
                  }
                });
    Map<String, Map<String, ZoneId>> byKey = new HashMap<>();
    zones.forEach(
        (charter, z) -> byKey.put(charterKeys.get(UUID.fromString(charter)), Map.copyOf(z)));
    return new Names(charterKeys, charterIds, bodies, byKey);
  }
}

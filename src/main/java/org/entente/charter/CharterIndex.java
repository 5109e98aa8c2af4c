package org.entente.charter;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.entente.identity.Viewer;
import org.entente.shared.LocalizedText;

/**
 * A charter's records by id and key, whoever may see them, retired ones too: the one read model the
 * charter module gives modules that keep their own records of a charter (a project of a working
 * group, a meeting of a dialogue platform, an indicator of a commitment, an export's keys) to turn
 * ids into keys and names and back and to check a link against the linked record's audience,
 * without reading the charter's tables themselves. Every charter's index is read in one statement
 * and kept until a record changes ({@link Charters#indexes()}).
 *
 * <p>Never shown to anyone as it is: a caller checks an entry's {@link Entry#audience()} with
 * {@link Viewer#canSee} where a viewer asks, or takes the lookups that take a {@link Viewer}, which
 * answer only what that viewer may see.
 *
 * @param charterId the charter's id
 * @param charterKey the charter's key
 * @param workingGroups its working groups, in the charter's order
 * @param platforms its dialogue platforms, in the charter's order
 * @param commitments its commitments, in the charter's order
 * @param areas its areas of cooperation, in the charter's order
 * @param partyZones the time zone each party's officials see the charter's times in, by the party's
 *     key, where the definition gives one
 */
public record CharterIndex(
    UUID charterId,
    String charterKey,
    List<Entry> workingGroups,
    List<Entry> platforms,
    List<Entry> commitments,
    List<Entry> areas,
    Map<String, ZoneId> partyZones) {

  /** The kinds of record an {@link Entry} names. */
  public static final String WORKING_GROUP = "working-group";

  public static final String DIALOGUE_PLATFORM = "dialogue-platform";
  public static final String COMMITMENT = "commitment";
  public static final String AREA = "area";

  public CharterIndex {
    workingGroups = List.copyOf(workingGroups);
    platforms = List.copyOf(platforms);
    commitments = List.copyOf(commitments);
    areas = List.copyOf(areas);
    partyZones = Map.copyOf(partyZones);
  }

  /**
   * One record of a charter.
   *
   * @param kind {@link #WORKING_GROUP}, {@link #DIALOGUE_PLATFORM}, {@link #COMMITMENT} or {@link
   *     #AREA}
   * @param key its key, e.g. {@code wg-energy}
   * @param name its name (a commitment's title)
   * @param restricted a working group whose non-public records are recorded when read (security and
   *     defense); false for the other kinds
   * @param retired whether the record left the charter's definition
   * @param audience who may see the record
   */
  public record Entry(
      UUID id,
      UUID charterId,
      String kind,
      String key,
      LocalizedText name,
      boolean restricted,
      boolean retired,
      Viewer.Audience audience) {}

  /** A working group by its id. */
  public Optional<Entry> workingGroup(UUID id) {
    return byId(workingGroups, id);
  }

  /** A working group by its key. */
  public Optional<Entry> workingGroup(String key) {
    return byKey(workingGroups, key);
  }

  /** A dialogue platform by its id. */
  public Optional<Entry> platform(UUID id) {
    return byId(platforms, id);
  }

  /** A dialogue platform by its key. */
  public Optional<Entry> platform(String key) {
    return byKey(platforms, key);
  }

  /** A working group or a dialogue platform (a body meetings are held by) by its id. */
  public Optional<Entry> body(UUID id) {
    return workingGroup(id).or(() -> platform(id));
  }

  /** A commitment by its id. */
  public Optional<Entry> commitment(UUID id) {
    return byId(commitments, id);
  }

  /** A commitment by its key. */
  public Optional<Entry> commitment(String key) {
    return byKey(commitments, key);
  }

  /** The commitments with these ids, by id; an unknown id is left out. */
  public Map<UUID, Entry> commitments(Collection<UUID> ids) {
    Map<UUID, Entry> found = new HashMap<>();
    for (UUID id : ids) {
      commitment(id).ifPresent(c -> found.put(id, c));
    }
    return found;
  }

  /** Who may see a current (not retired) commitment, by its key. */
  public Optional<Viewer.Audience> currentCommitment(String key) {
    return commitment(key).filter(c -> !c.retired()).map(Entry::audience);
  }

  /** An area by its key. */
  public Optional<Entry> area(String key) {
    return byKey(areas, key);
  }

  /**
   * The time zone a party's officials see the charter's times in, when the definition gives one.
   */
  public Optional<ZoneId> partyZone(String party) {
    return party == null ? Optional.empty() : Optional.ofNullable(partyZones.get(party));
  }

  /** Every working group's key, by id, whoever may see them. */
  public Map<UUID, String> workingGroupKeys() {
    return keys(workingGroups.stream());
  }

  /** Every working group's and dialogue platform's key, by id, whoever may see them. */
  public Map<UUID, String> bodyKeys() {
    return keys(Stream.concat(workingGroups.stream(), platforms.stream()));
  }

  /** Every commitment's key, by id, whoever may see them: what an import resolves keys against. */
  public Map<UUID, String> commitmentKeys() {
    return keys(commitments.stream());
  }

  /** The key of each commitment the viewer may see, retired ones too, by id. */
  public Map<UUID, String> commitmentKeys(Viewer viewer) {
    return keys(commitments.stream().filter(c -> viewer.canSee(c.audience())));
  }

  /** The keys of the areas the viewer may see, retired ones too. */
  public Set<String> areaKeys(Viewer viewer) {
    Set<String> keys = new HashSet<>();
    areas.stream().filter(a -> viewer.canSee(a.audience())).forEach(a -> keys.add(a.key()));
    return keys;
  }

  /** The keys of the restricted working groups. */
  public Set<String> restrictedGroupKeys() {
    Set<String> keys = new HashSet<>();
    workingGroups.stream().filter(Entry::restricted).forEach(g -> keys.add(g.key()));
    return keys;
  }

  private static Map<UUID, String> keys(Stream<Entry> entries) {
    Map<UUID, String> keys = new HashMap<>();
    entries.forEach(e -> keys.put(e.id(), e.key()));
    return keys;
  }

  private static Optional<Entry> byId(List<Entry> entries, UUID id) {
    return entries.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  private static Optional<Entry> byKey(List<Entry> entries, String key) {
    return entries.stream().filter(e -> e.key().equals(key)).findFirst();
  }

  /**
   * Every charter's index, as of one state of the records: what records that name a charter or one
   * of its bodies by id (a meeting, an action item) are shown with, whatever their charter.
   *
   * @param charters each charter's index, by the charter's id
   */
  public record All(Map<UUID, CharterIndex> charters) {

    public All {
      charters = Map.copyOf(charters);
    }

    /** The index of the charter with this id. */
    public Optional<CharterIndex> charter(UUID charterId) {
      return charterId == null ? Optional.empty() : Optional.ofNullable(charters.get(charterId));
    }

    /** The index of the charter with this key. */
    public Optional<CharterIndex> charter(String charterKey) {
      return charters.values().stream().filter(c -> c.charterKey().equals(charterKey)).findFirst();
    }

    /** The key of the charter with this id. */
    public Optional<String> charterKey(UUID charterId) {
      return charter(charterId).map(CharterIndex::charterKey);
    }

    /** The id of the charter with this key. */
    public Optional<UUID> charterId(String charterKey) {
      return charter(charterKey).map(CharterIndex::charterId);
    }

    /** The working group or dialogue platform of any charter with this id. */
    public Optional<Entry> body(UUID id) {
      if (id == null) {
        return Optional.empty();
      }
      return charters.values().stream().flatMap(c -> c.body(id).stream()).findFirst();
    }

    /**
     * The time zone a party's officials see a charter's times in, when its definition gives one.
     */
    public Optional<ZoneId> partyZone(String charterKey, String party) {
      return charter(charterKey).flatMap(c -> c.partyZone(party));
    }
  }
}

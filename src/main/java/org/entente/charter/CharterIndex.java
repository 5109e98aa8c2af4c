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
 * <p>Lookups by id and key are hash lookups: a page of meetings or projects asks once per row.
 */
public final class CharterIndex {

  /** The kinds of record an {@link Entry} names. */
  public static final String WORKING_GROUP = "working-group";

  public static final String DIALOGUE_PLATFORM = "dialogue-platform";
  public static final String COMMITMENT = "commitment";
  public static final String AREA = "area";

  private final UUID charterId;
  private final String charterKey;
  private final List<Entry> workingGroups;
  private final List<Entry> platforms;
  private final List<Entry> commitments;
  private final List<Entry> areas;
  private final Map<String, ZoneId> partyZones;
  private final List<String> languages;

  /** Each kind's entries by id and by key: an index is read once and asked many times. */
  private final Lookup groupLookup;

  private final Lookup platformLookup;
  private final Lookup commitmentLookup;
  private final Lookup areaLookup;

  /**
   * An index of one charter.
   *
   * @param charterId the charter's id
   * @param charterKey the charter's key
   * @param workingGroups its working groups, in the charter's order
   * @param platforms its dialogue platforms, in the charter's order
   * @param commitments its commitments, in the charter's order
   * @param areas its areas of cooperation, in the charter's order
   * @param partyZones the time zone each party's officials see the charter's times in, by the
   *     party's key, where the definition gives one
   * @param languages the languages the charter declares ({@code charter.languages}), as written
   */
  public CharterIndex(
      UUID charterId,
      String charterKey,
      List<Entry> workingGroups,
      List<Entry> platforms,
      List<Entry> commitments,
      List<Entry> areas,
      Map<String, ZoneId> partyZones,
      List<String> languages) {
    this.charterId = charterId;
    this.charterKey = charterKey;
    this.workingGroups = List.copyOf(workingGroups);
    this.platforms = List.copyOf(platforms);
    this.commitments = List.copyOf(commitments);
    this.areas = List.copyOf(areas);
    this.partyZones = Map.copyOf(partyZones);
    this.languages = List.copyOf(languages);
    this.groupLookup = new Lookup(this.workingGroups);
    this.platformLookup = new Lookup(this.platforms);
    this.commitmentLookup = new Lookup(this.commitments);
    this.areaLookup = new Lookup(this.areas);
  }

  /** Entries by id and by key; the first of the charter's order where two share one. */
  private static final class Lookup {
    private final Map<UUID, Entry> byId = new HashMap<>();
    private final Map<String, Entry> byKey = new HashMap<>();

    Lookup(List<Entry> entries) {
      for (Entry e : entries) {
        byId.putIfAbsent(e.id(), e);
        byKey.putIfAbsent(e.key(), e);
      }
    }

    Optional<Entry> id(UUID id) {
      return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    Optional<Entry> key(String key) {
      return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
    }
  }

  public UUID charterId() {
    return charterId;
  }

  public String charterKey() {
    return charterKey;
  }

  public List<Entry> workingGroups() {
    return workingGroups;
  }

  /**
   * The languages the charter declares, as its definition writes them ({@code en}, {@code az}): the
   * languages its records' texts may be given in and its pages offered in.
   */
  public List<String> languages() {
    return languages;
  }

  public List<Entry> platforms() {
    return platforms;
  }

  public List<Entry> commitments() {
    return commitments;
  }

  public List<Entry> areas() {
    return areas;
  }

  public Map<String, ZoneId> partyZones() {
    return partyZones;
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
    return groupLookup.id(id);
  }

  /** A working group by its key. */
  public Optional<Entry> workingGroup(String key) {
    return groupLookup.key(key);
  }

  /** A dialogue platform by its id. */
  public Optional<Entry> platform(UUID id) {
    return platformLookup.id(id);
  }

  /** A dialogue platform by its key. */
  public Optional<Entry> platform(String key) {
    return platformLookup.key(key);
  }

  /** A working group or a dialogue platform (a body meetings are held by) by its id. */
  public Optional<Entry> body(UUID id) {
    return workingGroup(id).or(() -> platform(id));
  }

  /** A commitment by its id. */
  public Optional<Entry> commitment(UUID id) {
    return commitmentLookup.id(id);
  }

  /** A commitment by its key. */
  public Optional<Entry> commitment(String key) {
    return commitmentLookup.key(key);
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
    return areaLookup.key(key);
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

  /**
   * Every charter's index, as of one state of the records: what records that name a charter or one
   * of its bodies by id (a meeting, an action item) are shown with, whatever their charter.
   *
   * @param charters each charter's index, by the charter's id
   */
  public static final class All {
    private final Map<UUID, CharterIndex> charters;
    private final Map<String, CharterIndex> byKey = new HashMap<>();
    private final Map<UUID, Entry> bodies = new HashMap<>();
    private final List<String> languages;

    public All(Map<UUID, CharterIndex> charters) {
      this.charters = Map.copyOf(charters);
      java.util.Set<String> declared = new java.util.LinkedHashSet<>();
      this.charters.values().stream()
          .sorted(java.util.Comparator.comparing(CharterIndex::charterKey))
          .forEach(c -> declared.addAll(c.languages()));
      this.languages = List.copyOf(declared);
      for (CharterIndex c : this.charters.values()) {
        byKey.putIfAbsent(c.charterKey(), c);
        c.workingGroups().forEach(g -> bodies.putIfAbsent(g.id(), g));
      }
      for (CharterIndex c : this.charters.values()) {
        c.platforms().forEach(p -> bodies.putIfAbsent(p.id(), p));
      }
    }

    /** Each charter's index, by the charter's id. */
    public Map<UUID, CharterIndex> charters() {
      return charters;
    }

    /** The index of the charter with this id. */
    public Optional<CharterIndex> charter(UUID charterId) {
      return charterId == null ? Optional.empty() : Optional.ofNullable(charters.get(charterId));
    }

    /** The index of the charter with this key. */
    public Optional<CharterIndex> charter(String charterKey) {
      return charterKey == null ? Optional.empty() : Optional.ofNullable(byKey.get(charterKey));
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
      return id == null ? Optional.empty() : Optional.ofNullable(bodies.get(id));
    }

    /**
     * The languages any charter declares, each once, in the order of the charters' declarations:
     * the languages the interface offers besides English.
     */
    public List<String> languages() {
      return languages;
    }

    /**
     * The time zone a party's officials see a charter's times in, when its definition gives one.
     */
    public Optional<ZoneId> partyZone(String charterKey, String party) {
      return charter(charterKey).flatMap(c -> c.partyZone(party));
    }
  }
}

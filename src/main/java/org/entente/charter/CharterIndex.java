package org.entente.charter;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.entente.identity.Viewer;

/**
 * A charter's records by id and key, whoever may see them, retired ones too: what another module
 * that keeps its own records of a charter (a project of a working group, a meeting of a dialogue
 * platform, an indicator of a commitment) needs to turn ids into keys and back and to check a link
 * against the linked record's audience, without reading the charter's tables itself. Never shown to
 * anyone as it is: a caller filters it with {@link Viewer#canSee} where a viewer asks.
 *
 * @param charterId the charter's id
 * @param charterKey the charter's key
 * @param workingGroups its working groups, in the charter's order
 * @param platforms its dialogue platforms, in the charter's order
 * @param commitments its commitments, in the charter's order
 * @param areas its areas of cooperation, in the charter's order
 */
public record CharterIndex(
    UUID charterId,
    String charterKey,
    List<Entry> workingGroups,
    List<Entry> platforms,
    List<Entry> commitments,
    List<Entry> areas) {

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
  }

  /**
   * One record of a charter.
   *
   * @param kind {@link #WORKING_GROUP}, {@link #DIALOGUE_PLATFORM}, {@link #COMMITMENT} or {@link
   *     #AREA}
   * @param restricted whether a working group is restricted (false for the other kinds)
   * @param retired whether the record left the charter's definition
   * @param audience who may see the record
   */
  public record Entry(
      UUID id,
      UUID charterId,
      String kind,
      String key,
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

  /** An area by its key. */
  public Optional<Entry> area(String key) {
    return byKey(areas, key);
  }

  private static Optional<Entry> byId(List<Entry> entries, UUID id) {
    return entries.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  private static Optional<Entry> byKey(List<Entry> entries, String key) {
    return entries.stream().filter(e -> e.key().equals(key)).findFirst();
  }
}

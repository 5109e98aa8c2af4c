package org.entente.charter;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.entente.audit.RecordChanges;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.identity.Viewer;

/**
 * A charter's working groups and commitments, the list of charters and each charter's index, as
 * each kind of viewer sees them, kept until a record changes (decision 0020): every list, page and
 * check of a charter's groups and commitments starts here, and the records behind them change
 * rarely. Groups and commitments are kept apart, so that what asks for a group alone reads neither
 * commitments nor clauses; the commitments are built from the kept groups.
 */
final class CharterStructure {

  /** How many values each store keeps at most. */
  private static final int MAX_KEPT = 512;

  /**
   * What decides which records a viewer sees ({@link Viewer#parameters()}), with the charter asked
   * about (null for the list of charters): viewers alike in these share what is kept.
   */
  private record Seen(UUID charter, Set<UUID> groups, boolean official, String party) {
    static Seen of(UUID charter, Viewer viewer) {
      return new Seen(
          charter,
          viewer.groups(),
          viewer.official(),
          viewer.signedIn() && viewer.party() != null ? viewer.party() : "");
    }
  }

  private final RecordChanges changes;
  private final CharterReader reader;
  private final CharterIndexReader indexReader;
  private final RecordChanges.Kept<Seen, List<WorkingGroupView>> groups;
  private final RecordChanges.Kept<Seen, List<CommitmentView>> commitments;
  private final RecordChanges.Kept<Seen, List<CharterSummary>> lists;
  private final RecordChanges.Kept<UUID, Optional<CharterIndex>> indexes;

  CharterStructure(CharterReader reader, CharterIndexReader indexReader, RecordChanges changes) {
    this.changes = changes;
    this.reader = reader;
    this.indexReader = indexReader;
    this.groups = changes.kept(MAX_KEPT);
    this.commitments = changes.kept(MAX_KEPT);
    this.lists = changes.kept(MAX_KEPT);
    this.indexes = changes.kept(MAX_KEPT);
  }

  /** The charter's working groups the viewer may see, in the charter's order. */
  List<WorkingGroupView> groups(UUID charterId, Viewer viewer) {
    return groups.get(
        Seen.of(charterId, viewer), () -> List.copyOf(reader.workingGroups(charterId, viewer)));
  }

  /** The charter's commitments the viewer may see, in the charter's order. */
  List<CommitmentView> commitments(UUID charterId, Viewer viewer) {
    return both(charterId, viewer).commitments();
  }

  /** A charter's working groups and commitments, as far as one kind of viewer may see them. */
  record Both(List<WorkingGroupView> groups, List<CommitmentView> commitments) {}

  /**
   * The charter's working groups and commitments, both under the one record change asked for once:
   * the commitments built from the kept groups when they are not kept themselves.
   */
  Both both(UUID charterId, Viewer viewer) {
    if (!changes.keepable()) {
      List<WorkingGroupView> read = reader.workingGroups(charterId, viewer);
      return new Both(read, reader.commitments(charterId, read, viewer));
    }
    long change = changes.last();
    Seen seen = Seen.of(charterId, viewer);
    List<WorkingGroupView> kept =
        groups.get(seen, change, () -> List.copyOf(reader.workingGroups(charterId, viewer)));
    return new Both(
        kept,
        commitments.get(
            seen, change, () -> List.copyOf(reader.commitments(charterId, kept, viewer))));
  }

  /** All charters the viewer may see. */
  List<CharterSummary> charters(Viewer viewer) {
    return lists.get(Seen.of(null, viewer), () -> List.copyOf(reader.charters(viewer)));
  }

  /** The charter's index, whoever may see it. */
  Optional<CharterIndex> index(UUID charterId) {
    return indexes.get(charterId, () -> indexReader.index(charterId));
  }
}

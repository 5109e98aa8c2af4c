package org.entente.charter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.entente.audit.RecordChanges;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.identity.Viewer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A charter's working groups and commitments and the list of charters, as each kind of viewer sees
 * them, and every charter's index, whoever may see it, kept until a record changes (decision 0020):
 * every list, page and check of a charter's groups and commitments starts here, and the records
 * behind them change rarely. Groups and commitments are kept apart, so that what asks for a group
 * alone reads neither commitments nor clauses; the commitments are built from the kept groups.
 */
@org.springframework.stereotype.Component
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
  private final RecordChanges.Kept<Boolean, CharterIndex.All> indexes;
  private volatile CharterIndex.All lastRead = new CharterIndex.All(Map.of());

  /**
   * A bean of its own, not only part of {@link Charters}: {@link CharterLanguages} asks it for the
   * declared languages many times a page, which through {@link Charters} opened and committed a
   * read-only transaction each time (1.6 % of the suite's CPU in a profile, issue 17).
   */
  @org.springframework.beans.factory.annotation.Autowired
  CharterStructure(org.springframework.jdbc.core.simple.JdbcClient jdbc, RecordChanges changes) {
    this(new CharterReader(jdbc), new CharterIndexReader(jdbc), changes);
  }

  CharterStructure(CharterReader reader, CharterIndexReader indexReader, RecordChanges changes) {
    this.changes = changes;
    this.reader = reader;
    this.indexReader = indexReader;
    this.groups = changes.kept(MAX_KEPT);
    this.commitments = changes.kept(MAX_KEPT);
    this.lists = changes.kept(MAX_KEPT);
    this.indexes = changes.kept(1);
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

  /** Where a request keeps the indexes it was given, so that it asks for them once. */
  private static final String IN_REQUEST = CharterStructure.class.getName() + ".indexes";

  /**
   * Every charter's index, whoever may see it, as the records stand now. Within one web request it
   * is asked for once (one statement while no record changed); a transaction that writes reads it
   * anew.
   */
  CharterIndex.All indexes() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return read(indexes.get(Boolean.TRUE, indexReader::all));
    }
    if (!changes.keepable()) {
      request.removeAttribute(IN_REQUEST, RequestAttributes.SCOPE_REQUEST);
      return inWrite(request);
    }
    if (request.getAttribute(IN_REQUEST, RequestAttributes.SCOPE_REQUEST)
        instanceof CharterIndex.All all) {
      return all;
    }
    CharterIndex.All all = read(indexes.get(Boolean.TRUE, indexReader::all));
    request.setAttribute(IN_REQUEST, all, RequestAttributes.SCOPE_REQUEST);
    return all;
  }

  /** Where a request that writes keeps the indexes it read, until its transaction ends. */
  private static final String IN_WRITE = CharterStructure.class.getName() + ".indexesInWrite";

  /**
   * Indexes read in a transaction that writes, and how many appends to the trail there had been.
   */
  private record ReadInWrite(long appends, CharterIndex.All all) {}

  /**
   * The indexes in a transaction that writes: read anew once anything was appended to the trail
   * since they were last read in this request (every change to a record appends, decision 0020),
   * and never kept past the transaction, which may yet roll back. Before, every question in such a
   * request (each page language resolved while a form re-renders) read every charter's index.
   */
  private CharterIndex.All inWrite(RequestAttributes request) {
    long appended = changes.appends();
    if (request.getAttribute(IN_WRITE, RequestAttributes.SCOPE_REQUEST) instanceof ReadInWrite kept
        && kept.appends() == appended) {
      return kept.all();
    }
    CharterIndex.All all = read(indexReader.all());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      request.setAttribute(
          IN_WRITE, new ReadInWrite(appended, all), RequestAttributes.SCOPE_REQUEST);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              request.removeAttribute(IN_WRITE, RequestAttributes.SCOPE_REQUEST);
            }
          });
    }
    return all;
  }

  /**
   * A key found by an id in the indexes last read, with no statement, else in {@link #indexes()}:
   * for what never changes once a record is made (a record's id and key, the charter it belongs to;
   * records are synchronized by key, and one that leaves is retired, not renamed). Never for what a
   * record's audience, name or retirement decide.
   */
  Optional<String> key(Function<CharterIndex.All, Optional<String>> lookup) {
    Optional<String> known = lookup.apply(lastRead);
    return known.isPresent() ? known : lookup.apply(indexes());
  }

  private CharterIndex.All read(CharterIndex.All all) {
    lastRead = all;
    return all;
  }

  /** Lets go of the indexes the current request was given: its charter records are changing. */
  void forgetInRequest() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.removeAttribute(IN_REQUEST, RequestAttributes.SCOPE_REQUEST);
      request.removeAttribute(IN_WRITE, RequestAttributes.SCOPE_REQUEST);
    }
  }
}

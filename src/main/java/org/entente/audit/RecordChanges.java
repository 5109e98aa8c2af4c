package org.entente.audit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail's last record change, for readers that keep what they derive from the records
 * until a record changes. Every change appends to the trail in the change's own transaction, so
 * what is read after {@link #last()} was asked is at least as new as the change it names, and a
 * later change moves that number on. Reads and sign-ins change no record, so they do not move it.
 * Only the events appended since the last call are looked at: one statement while the trail's head
 * stands still, two when it moved.
 */
@Component
public class RecordChanges {

  private final Audit audit;

  /** The trail's head when last looked at, and the last record change up to it. */
  private record Mark(long head, long change) {}

  private final AtomicReference<Mark> mark = new AtomicReference<>();

  RecordChanges(Audit audit) {
    this.audit = audit;
  }

  /**
   * The sequence number of the trail's last record change, or -1 when there is none.
   *
   * @param head the sequence number of the trail's last event, as {@link Audit#lastChange()} gave
   *     it
   */
  public long last(long head) {
    if (!keepable()) {
      return audit.lastRecordChange(-1, head).orElse(-1);
    }
    Mark seen = mark.get();
    if (seen != null && seen.head() == head) {
      return seen.change();
    }
    boolean fromStart = seen == null || seen.head() > head;
    long change =
        audit
            .lastRecordChange(fromStart ? -1 : seen.head(), head)
            .orElse(fromStart ? -1 : seen.change());
    mark.set(new Mark(head, change));
    return change;
  }

  /**
   * Whether what is read now may be kept under {@link #last()}: outside a transaction or in a
   * read-only one. A transaction that writes may have appended events that it could still roll
   * back, and the numbers they took would then be taken again by other changes.
   */
  public boolean keepable() {
    return !TransactionSynchronizationManager.isActualTransactionActive()
        || TransactionSynchronizationManager.isCurrentTransactionReadOnly();
  }

  /** The sequence number of the trail's last record change, or -1 when there is none. */
  public long last() {
    return last(audit.lastChange().seq());
  }

  /**
   * A new store of values derived from the records, each kept until a record changes.
   *
   * @param max how many values are kept at most; when a new one would exceed it, all are let go
   */
  public <K, V> Kept<K, V> kept(int max) {
    return new Kept<>(this, max);
  }

  /**
   * Values derived from the records, each kept under the last record change it was read after.
   * Outside {@link #keepable()} transactions it neither keeps nor answers from what it keeps.
   */
  public static final class Kept<K, V> {

    private record Entry<V>(long change, V value) {}

    private final RecordChanges changes;
    private final int max;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    private Kept(RecordChanges changes, int max) {
      this.changes = changes;
      this.max = max;
    }

    /**
     * The value for the key: the kept one while no record changed since it was read, else a new one
     * from {@code read}, kept in its place.
     */
    public V get(K key, Supplier<V> read) {
      if (!changes.keepable()) {
        return read.get();
      }
      long change = changes.last();
      Entry<V> kept = entries.get(key);
      if (kept != null && kept.change() == change) {
        return kept.value();
      }
      V value = read.get();
      if (entries.size() >= max && !entries.containsKey(key)) {
        entries.clear();
      }
      entries.put(key, new Entry<>(change, value));
      return value;
    }
  }
}

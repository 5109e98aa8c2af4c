package org.entente.audit;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

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

  /** Public for tests of the modules that keep values: the application has one, as a bean. */
  public RecordChanges(Audit audit) {
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

  /** Where a web request keeps the last record change it was told, so that it asks once. */
  private static final String IN_REQUEST = RecordChanges.class.getName() + ".last";

  /**
   * How many times this application's trail was appended to, by any thread. Per application, not
   * per process: another application in the same JVM (the tests' shared contexts) appends to
   * another trail.
   */
  private final java.util.concurrent.atomic.AtomicLong appends =
      new java.util.concurrent.atomic.AtomicLong();

  /** The last record change a request was told, and how many appends there had been then. */
  private record Told(long appends, long change) {}

  /**
   * The sequence number of the trail's last record change, or -1 when there is none. Within one web
   * request that only reads it is asked for once, however many kept values the request reads, as
   * long as nothing was appended to the trail since, by this request or any other (every change
   * appends): what is read after a change is read anew.
   */
  public long last() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null || !keepable()) {
      return last(audit.lastChange().seq());
    }
    long appended = appends.get();
    if (request.getAttribute(IN_REQUEST, RequestAttributes.SCOPE_REQUEST) instanceof Told told
        && told.appends() == appended) {
      return told.change();
    }
    long change = last(audit.lastChange().seq());
    request.setAttribute(IN_REQUEST, new Told(appended, change), RequestAttributes.SCOPE_REQUEST);
    return change;
  }

  /**
   * How many times this application's trail was appended to so far, by any thread: a value read
   * while this number stays the same was read after the same changes (every change appends).
   */
  public long appends() {
    return appends.get();
  }

  /** Called by the trail before it appends: what requests were told may be out of date. */
  void appending() {
    appends.incrementAndGet();
  }

  /**
   * A new store of values derived from the records, each kept until a record changes: the one way
   * Entente keeps what it read (decision 0020).
   *
   * @param max how many values are kept at most; beyond, the least recently used go first
   */
  public <K, V> Kept<K, V> kept(long max) {
    return new Kept<>(this, max);
  }

  /**
   * Values derived from the records, each kept under the last record change it was read after.
   * Outside {@link #keepable()} transactions it neither keeps nor answers from what it keeps. At
   * most a set weight of values is kept (by default each weighs one), the least recently used
   * leaving first. A store may run a hook on every answer from what it kept (to record again a read
   * that the value stands for), and may let one reader at a time read a key, those who ask
   * meanwhile waiting for it and sharing what it read.
   */
  public static final class Kept<K, V> {

    private record Entry<V>(long change, V value, long weight) {}

    private final RecordChanges changes;
    private final long max;
    private ToLongFunction<V> weigher = value -> 1;
    private boolean weighed;
    private Consumer<V> onHit = value -> {};
    private boolean oneReadAtATime;
    private final Map<Object, Object> reading = new ConcurrentHashMap<>();

    /** The values, the least recently used first; guarded by itself. */
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(64, 0.75f, true);

    private long weight;

    private Kept(RecordChanges changes, long max) {
      this.changes = changes;
      this.max = max;
    }

    /**
     * Weighs each value (a rendered page by its bytes): at most {@code max} of that weight is kept,
     * and a value weighing more than an eighth of it is not kept at all. Set before first use.
     */
    public Kept<K, V> weighing(ToLongFunction<V> weigher) {
      this.weigher = weigher;
      this.weighed = true;
      return this;
    }

    /** Runs {@code hook} on each value answered from what was kept. Set before first use. */
    public Kept<K, V> onHit(Consumer<V> hook) {
      this.onHit = hook;
      return this;
    }

    /**
     * One read per key at a time: those who ask for a key being read wait for it and share what it
     * read, when no record changed meanwhile. Set before first use.
     */
    public Kept<K, V> oneReadAtATime() {
      this.oneReadAtATime = true;
      return this;
    }

    /**
     * The value for the key: the kept one while no record changed since it was read, else a new one
     * from {@code read}, kept in its place.
     */
    public V get(K key, Supplier<V> read) {
      if (!changes.keepable()) {
        return read.get();
      }
      return get(key, changes.last(), read);
    }

    /**
     * The value for the key, where the caller already asked for the last record change before it
     * read any record: the kept one when it was read after that same change, else a new one from
     * {@code read}, kept under it.
     */
    public V get(K key, long change, Supplier<V> read) {
      if (!changes.keepable()) {
        return read.get();
      }
      V kept = kept(key, change);
      if (kept != null) {
        return kept;
      }
      if (!oneReadAtATime) {
        return keep(key, change, read.get());
      }
      Object lock = reading.computeIfAbsent(key, k -> new Object());
      synchronized (lock) {
        try {
          kept = kept(key, change);
          return kept != null ? kept : keep(key, change, read.get());
        } finally {
          reading.remove(key, lock);
        }
      }
    }

    /**
     * The value kept for the key under this record change (the hook run on it), or null when there
     * is none; one kept under another change is let go.
     */
    public V kept(K key, long change) {
      if (!changes.keepable()) {
        return null;
      }
      Entry<V> entry;
      synchronized (entries) {
        entry = entries.get(key);
        if (entry == null) {
          return null;
        }
        if (entry.change() != change) {
          entries.remove(key);
          weight -= entry.weight();
          return null;
        }
      }
      onHit.accept(entry.value());
      return entry.value();
    }

    /**
     * Keeps a value read after the record change {@code change}, in place of any other for the key,
     * and gives it back. Outside {@link #keepable()} transactions it keeps nothing.
     */
    public V keep(K key, long change, V value) {
      long w = weigher.applyAsLong(value);
      if (!changes.keepable() || (weighed && (w <= 0 || w > max / 8))) {
        return value;
      }
      synchronized (entries) {
        Entry<V> before = entries.put(key, new Entry<>(change, value, w));
        weight += w - (before == null ? 0 : before.weight());
        Iterator<Entry<V>> eldest = entries.values().iterator();
        while (weight > max && eldest.hasNext()) {
          weight -= eldest.next().weight();
          eldest.remove();
        }
      }
      return value;
    }

    /** The weight of what is kept now (how many values, unless weighed). */
    public long weight() {
      synchronized (entries) {
        return weight;
      }
    }
  }
}

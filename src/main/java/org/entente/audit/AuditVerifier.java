package org.entente.audit;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the audit chain from the first event and names the first sequence number where it
 * breaks: an edited row (its hash no longer matches), a removed row (a gap, or a previous hash that
 * does not match), or a cut tail (the chain ends before the head). Then checks that the chain still
 * contains the latest signed checkpoint, the one kept outside the database ({@link CheckpointFile})
 * and the latest one recorded in it: a tail cut together with the head row moved back leaves a
 * chain that is consistent in itself, which only a checkpoint remembered elsewhere can tell.
 */
@Component
public class AuditVerifier {

  private final JdbcClient jdbc;
  private final CheckpointFile checkpointFile;
  private final KeyHistory keys;
  private final TransactionTemplate snapshot;

  @Autowired
  AuditVerifier(
      JdbcClient jdbc,
      CheckpointFile checkpointFile,
      KeyHistory keys,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.checkpointFile = checkpointFile;
    this.keys = keys;
    // One snapshot for the head, the events and the recorded checkpoints: events appended by
    // other writers while the chain is read are not half seen (READ COMMITTED would show events
    // past the head read first).
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /**
   * A verifier of a database alone, outside the application (the durability checks use it on a
   * database no application runs on): no checkpoint file, and the caller's transaction, if any.
   */
  AuditVerifier(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.checkpointFile = null;
    this.keys = null;
    this.snapshot = null;
  }

  private <T> T inSnapshot(java.util.function.Supplier<T> work) {
    return snapshot == null ? work.get() : snapshot.execute(s -> work.get());
  }

  /**
   * The outcome of a verification.
   *
   * @param intact true when every event checks and the chain reaches the head
   * @param checked how many events were read
   * @param firstBroken the first sequence number that does not check, or null when intact
   * @param problem what is wrong there, in words, or null
   * @param headSeq the head's sequence number
   * @param headHash the head's hash, as the head row holds it
   * @param verifiedSeq the last sequence number that checked (0 when none did)
   * @param verifiedHash the hash of the last event that checked (the head's hash when intact)
   */
  public record Verification(
      boolean intact,
      long checked,
      Long firstBroken,
      String problem,
      long headSeq,
      String headHash,
      long verifiedSeq,
      String verifiedHash) {}

  /** Rows per fetch from the database and per batch handed to the hashing thread. */
  static final int BATCH = 5000;

  private static final String EVENTS =
      "select seq, occurred_at, actor, party, action, record_type, record_id, outcome,"
          + " source_address, details, prev_hash, hash from audit_event order by seq";

  /**
   * Reads the events in order (this thread, in a read-only transaction, so that PostgreSQL streams
   * them with a cursor) and checks them on a second thread, which encodes each event as {@link
   * AuditHash} does into one reused buffer and digest.
   */
  public Verification verify() {
    // The file is read before the database's snapshot is taken: its checkpoint names events that
    // were committed before it was written, so the snapshot has them.
    Optional<Checkpoints.SignedCheckpoint> file;
    String unreadable = null;
    try {
      file = checkpointFile == null ? Optional.empty() : checkpointFile.read();
    } catch (CheckpointFile.UnreadableCheckpoint e) {
      file = Optional.empty();
      unreadable = e.getMessage();
    }
    Optional<Checkpoints.SignedCheckpoint> fromFile = file;
    String fileProblem = unreadable;
    return inSnapshot(
        () -> {
          Verification chain = chain();
          if (!chain.intact()) {
            return chain;
          }
          if (fileProblem != null) {
            return broken(chain, chain.headSeq() + 1, fileProblem);
          }
          Verification againstFile = fromFile.map(c -> againstTheFile(chain, c)).orElse(null);
          if (againstFile != null) {
            return againstFile;
          }
          return againstTheLatestRecorded(chain);
        });
  }

  /** Checks the chain against the checkpoint file's; null when it contains it. */
  private Verification againstTheFile(Verification chain, Checkpoints.SignedCheckpoint c) {
    String source = "the checkpoint file's (event " + c.seq() + ", signed " + c.signedAt() + ")";
    if (!SigningKey.verifies(c.publicKey(), Checkpoints.message(c), c.signature())) {
      return broken(chain, c.seq(), "the signature of " + source + " does not match it");
    }
    if (!keys.isThisDeployments(c.publicKey())) {
      return broken(
          chain,
          c.seq(),
          source
              + " was signed with a key that is not this deployment's, now or before a rotation"
              + " (entente.audit.previous-public-keys)");
    }
    return contains(chain, c, source);
  }

  /** Checks the chain against the latest checkpoint recorded in the database. */
  private Verification againstTheLatestRecorded(Verification chain) {
    Optional<Checkpoints.SignedCheckpoint> latest =
        jdbc.sql(
                "select seq, hash, signed_at, public_key, signature from audit_checkpoint"
                    + " order by recorded_order desc limit 1")
            .query(
                (rs, n) ->
                    new Checkpoints.SignedCheckpoint(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4),
                        rs.getString(5)))
            .optional();
    if (latest.isEmpty()) {
      return chain;
    }
    Checkpoints.SignedCheckpoint c = latest.get();
    String source =
        "the latest recorded checkpoint's (event " + c.seq() + ", signed " + c.signedAt() + ")";
    if (!SigningKey.verifies(c.publicKey(), Checkpoints.message(c), c.signature())) {
      return broken(chain, c.seq(), "the signature of " + source + " does not match it");
    }
    Verification v = contains(chain, c, source);
    return v == null ? chain : v;
  }

  /** Null when the chain (intact in itself) has the checkpoint's event with its hash. */
  private Verification contains(Verification chain, Checkpoints.SignedCheckpoint c, String source) {
    if (c.seq() > chain.headSeq()) {
      return broken(
          chain,
          chain.headSeq() + 1,
          "the chain ends at event "
              + chain.headSeq()
              + " but "
              + source
              + " names event "
              + c.seq()
              + ": events were removed and the head moved back");
    }
    String hash =
        c.seq() == 0
            ? AuditHash.GENESIS
            : jdbc.sql("select hash from audit_event where seq = ?")
                .param(c.seq())
                .query(String.class)
                .optional()
                .orElse(null);
    if (!c.hash().equals(hash)) {
      return broken(
          chain,
          c.seq(),
          "event " + c.seq() + " differs from " + source + " hash: history was rewritten");
    }
    return null;
  }

  private static Verification broken(Verification chain, long at, String problem) {
    return new Verification(
        false,
        chain.checked(),
        at,
        problem,
        chain.headSeq(),
        chain.headHash(),
        chain.verifiedSeq(),
        chain.verifiedHash());
  }

  /**
   * The chain in the database alone, from the first event to the head row: what it says about
   * itself, without the checkpoints.
   */
  Verification verifyChain() {
    return inSnapshot(this::chain);
  }

  private Verification chain() {
    Audit.ChainHead head =
        jdbc.sql("select seq, hash from audit_head where id = 1")
            .query((rs, n) -> new Audit.ChainHead(rs.getLong(1), rs.getString(2)))
            .single();
    Chain chain = new Chain();
    BlockingQueue<Row[]> queue = new ArrayBlockingQueue<>(8);
    Thread hasher = new Thread(() -> chain.consume(queue), "audit-verifier");
    hasher.setDaemon(true);
    hasher.start();
    try {
      jdbc.sql(EVENTS)
          .withFetchSize(BATCH)
          .query((ResultSetExtractor<Long>) rs -> readInBatches(rs, chain, queue, hasher));
    } finally {
      hand(queue, END, hasher);
      try {
        hasher.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while verifying the audit chain", e);
      }
    }
    if (chain.failure != null) {
      throw new IllegalStateException("the audit chain could not be checked", chain.failure);
    }
    return verdict(chain, head);
  }

  /** Reads the events in batches and hands each to the hashing thread; returns how many. */
  private static long readInBatches(
      ResultSet rs, Chain chain, BlockingQueue<Row[]> queue, Thread hasher) throws SQLException {
    Row[] batch = new Row[BATCH];
    int n = 0;
    long read = 0;
    while (!chain.stopped() && rs.next()) {
      batch[n++] =
          new Row(
              rs.getLong(1),
              rs.getObject(2, OffsetDateTime.class),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              rs.getString(9),
              rs.getString(10),
              rs.getString(11),
              rs.getString(12));
      read++;
      if (n == BATCH) {
        hand(queue, batch, hasher);
        batch = new Row[BATCH];
        n = 0;
      }
    }
    if (n > 0) {
      hand(queue, Arrays.copyOf(batch, n), hasher);
    }
    return read;
  }

  /** What the hashed chain says against the head row. */
  private static Verification verdict(Chain chain, Audit.ChainHead head) {
    long last = chain.last;
    String previous = chain.previous;
    long checked = chain.checked;
    if (chain.brokenAt != null) {
      return new Verification(
          false, checked, chain.brokenAt, chain.problem, head.seq(), head.hash(), last, previous);
    }
    if (last < head.seq()) {
      return new Verification(
          false,
          checked,
          last + 1,
          "the chain ends at "
              + last
              + " but its head is at "
              + head.seq()
              + ": events were removed",
          head.seq(),
          head.hash(),
          last,
          previous);
    }
    if (last > head.seq() || !previous.equals(head.hash())) {
      return new Verification(
          false,
          checked,
          head.seq() + 1 > last ? last : head.seq() + 1,
          "the head does not match the last event",
          head.seq(),
          head.hash(),
          last,
          previous);
    }
    return new Verification(true, checked, null, null, head.seq(), head.hash(), last, previous);
  }

  private static final Row[] END = new Row[0];

  /** Hands a batch to the hashing thread, waiting while it is behind. */
  private static void hand(BlockingQueue<Row[]> queue, Row[] batch, Thread hasher) {
    try {
      while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        if (!hasher.isAlive()) {
          throw new IllegalStateException("the audit chain's hashing thread stopped");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while verifying the audit chain", e);
    }
  }

  /** One event as read, its timestamp not yet converted. */
  private record Row(
      long seq,
      OffsetDateTime occurredAt,
      String actor,
      String party,
      String action,
      String recordType,
      String recordId,
      String outcome,
      String sourceAddress,
      String details,
      String prevHash,
      String hash) {}

  /**
   * The hashing thread's state: checks order, links and hashes, and after the first break only
   * drains the queue. Its fields are read by the reading thread after joining it.
   */
  private static final class Chain {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest digest = AuditHash.sha256();
    private final byte[] hash = new byte[32];
    private byte[] buffer = new byte[1024];
    private volatile boolean stop;

    long last; // the last sequence number that checked
    String previous = AuditHash.GENESIS;
    long checked;
    Long brokenAt;
    String problem;
    Throwable failure;

    boolean stopped() {
      return stop;
    }

    void consume(BlockingQueue<Row[]> queue) {
      try {
        for (Row[] batch = queue.take(); batch != END; batch = queue.take()) {
          if (stop) {
            continue;
          }
          try {
            for (Row row : batch) {
              if (!check(row)) {
                stop = true;
                break;
              }
            }
          } catch (RuntimeException | Error e) {
            failure = e;
            stop = true;
          }
        }
      } catch (InterruptedException e) {
        failure = e;
        stop = true;
      }
    }

    private boolean check(Row row) {
      checked++;
      long expected = last + 1;
      if (row.seq() != expected) {
        return broken(expected, "event " + expected + " is missing");
      }
      if (!row.prevHash().equals(previous)) {
        return broken(row.seq(), "its previous hash does not match the event before it");
      }
      int n = put(0, Long.toString(row.seq()));
      n = put(n, row.occurredAt().toInstant().toString());
      n = put(n, row.actor());
      n = put(n, row.party());
      n = put(n, row.action());
      n = put(n, row.recordType());
      n = put(n, row.recordId());
      n = put(n, row.outcome());
      n = put(n, row.sourceAddress());
      n = put(n, row.details());
      n = put(n, row.prevHash());
      digest.update(buffer, 0, n);
      try {
        digest.digest(hash, 0, hash.length);
      } catch (DigestException e) {
        throw new IllegalStateException(e);
      }
      if (!matches(row.hash())) {
        return broken(row.seq(), "its content does not match its hash: it was changed");
      }
      last = row.seq();
      previous = row.hash();
      return true;
    }

    private boolean broken(long at, String what) {
      brokenAt = at;
      problem = what;
      return false;
    }

    /**
     * Whether the stored hash is the lower-case hex of the computed one, as AuditHash writes it.
     */
    private boolean matches(String stored) {
      if (stored == null || stored.length() != 2 * hash.length) {
        return false;
      }
      for (int i = 0; i < hash.length; i++) {
        if (stored.charAt(2 * i) != HEX[(hash[i] >> 4) & 0xf]
            || stored.charAt(2 * i + 1) != HEX[hash[i] & 0xf]) {
          return false;
        }
      }
      return true;
    }

    /** Writes one field as AuditHash does: length in UTF-8 bytes, colon, value, semicolon; or -. */
    private int put(int n, String value) {
      if (value == null) {
        ensure(n + 1);
        buffer[n] = '-';
        return n + 1;
      }
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      String length = Integer.toString(bytes.length);
      ensure(n + length.length() + bytes.length + 2);
      for (int i = 0; i < length.length(); i++) {
        buffer[n++] = (byte) length.charAt(i);
      }
      buffer[n++] = ':';
      System.arraycopy(bytes, 0, buffer, n, bytes.length);
      n += bytes.length;
      buffer[n++] = ';';
      return n;
    }

    private void ensure(int size) {
      if (size > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(size, 2 * buffer.length));
      }
    }
  }
}

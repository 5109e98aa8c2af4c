package org.entente.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.shared.PageOf;
import org.entente.shared.Paging;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the audit trail and reads it. {@link #record} joins the caller's transaction, so an
 * event is stored if and only if the change it describes is.
 */
@Service
@Transactional(readOnly = true)
public class Audit {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_DETAILS = 4000;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final DataSource dataSource;
  private final ObjectProvider<RecordChanges> recordChanges;
  private volatile Boolean postgres;

  Audit(
      JdbcClient jdbc,
      Clock clock,
      DataSource dataSource,
      ObjectProvider<RecordChanges> recordChanges) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.dataSource = dataSource;
    this.recordChanges = recordChanges;
  }

  /**
   * Appends an event for the current actor and request, in the caller's transaction (or a new one
   * when there is none).
   *
   * @param action what happened, e.g. {@code event.recorded}
   * @param details small facts worth keeping; never secrets
   * @return the stored event
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public AuditEvent record(
      String action, String recordType, String recordId, Outcome outcome, Map<String, ?> details) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String actor =
        auth == null
            ? "system"
            : auth instanceof AnonymousAuthenticationToken ? "anonymous" : auth.getName();
    return append(
        actor, party(auth), action, recordType, recordId, outcome, sourceAddress(), details);
  }

  /**
   * Records that someone read a restricted record, in a transaction of its own: a read changes
   * nothing, and the request that reads may run in a read-only transaction.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public AuditEvent recordRead(String recordType, String recordId, Map<String, ?> details) {
    return record("record.read", recordType, recordId, Outcome.SUCCESS, details);
  }

  /** The actor's party, which identity gives a logged-in person as the authority PARTY_xx. */
  private static String party(Authentication auth) {
    if (auth == null) {
      return null;
    }
    return auth.getAuthorities().stream()
        .map(a -> a.getAuthority())
        .filter(a -> a.startsWith(PARTY_AUTHORITY))
        .map(a -> a.substring(PARTY_AUTHORITY.length()))
        .findFirst()
        .orElse(null);
  }

  /** The prefix of the authority that names a logged-in person's party. */
  public static final String PARTY_AUTHORITY = "PARTY_";

  /** Appends an event with every field given: for callers that know better than the request. */
  @Transactional(propagation = Propagation.REQUIRED)
  public AuditEvent append(
      String actor,
      String party,
      String action,
      String recordType,
      String recordId,
      Outcome outcome,
      String sourceAddress,
      Map<String, ?> details) {
    String detailJson =
        details == null || details.isEmpty() ? null : JSON.writeValueAsString(details);
    if (detailJson != null && detailJson.length() > MAX_DETAILS) {
      detailJson = detailJson.substring(0, MAX_DETAILS);
    }
    Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    recordChanges.ifAvailable(RecordChanges::appending);
    Stored stored =
        onPostgres()
            ? appendInOneStatement(
                at, actor, party, action, recordType, recordId, outcome, sourceAddress, detailJson)
            : appendUnderLock(
                at, actor, party, action, recordType, recordId, outcome, sourceAddress, detailJson);
    return new AuditEvent(
        stored.seq(),
        at,
        actor,
        party,
        action,
        recordType,
        recordId,
        outcome,
        sourceAddress,
        detailJson,
        stored.prevHash(),
        stored.hash());
  }

  /**
   * PostgreSQL: one round trip. Java encodes the fields it knows ({@link AuditHash#middle}); the
   * statement locks the head, adds the next sequence number before those bytes and the previous
   * hash after them in the same encoding, hashes them with sha256(), inserts the event and moves
   * the head. The row lock on audit_head keeps the chain gap-free under concurrent writers, as in
   * {@link #appendUnderLock}.
   */
  private Stored appendInOneStatement(
      Instant at,
      String actor,
      String party,
      String action,
      String recordType,
      String recordId,
      Outcome outcome,
      String sourceAddress,
      String detailJson) {
    byte[] middle =
        AuditHash.middle(
            at, actor, party, action, recordType, recordId, outcome, sourceAddress, detailJson);
    return jdbc.sql(
            "with h as (select seq + 1 as seq, hash as prev from audit_head where id = 1 for update),"
                + " e as (insert into audit_event (seq, occurred_at, actor, party, action,"
                + " record_type, record_id, outcome, source_address, details, prev_hash, hash)"
                + " select h.seq, ?, ?, ?, ?, ?, ?, ?, ?, ?, h.prev, encode(sha256("
                + "convert_to(octet_length(h.seq::text) || ':' || h.seq::text || ';', 'UTF8')"
                + " || ? || convert_to(octet_length(h.prev) || ':' || h.prev || ';', 'UTF8')),"
                + " 'hex') from h returning seq, prev_hash, hash)"
                + " update audit_head set seq = e.seq, hash = e.hash from e where audit_head.id = 1"
                + " returning e.seq, e.prev_hash, e.hash")
        .params(
            OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
            actor,
            party,
            action,
            recordType,
            recordId,
            outcome.name(),
            sourceAddress,
            detailJson,
            middle)
        .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .single();
  }

  /** Any database: lock the head, hash in Java, insert the event, move the head. */
  private Stored appendUnderLock(
      Instant at,
      String actor,
      String party,
      String action,
      String recordType,
      String recordId,
      Outcome outcome,
      String sourceAddress,
      String detailJson) {
    Head head =
        jdbc.sql("select seq, hash from audit_head where id = 1 for update")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
            .single();
    long seq = head.seq() + 1;
    String hash =
        AuditHash.of(
            seq,
            at,
            actor,
            party,
            action,
            recordType,
            recordId,
            outcome,
            sourceAddress,
            detailJson,
            head.hash());
    jdbc.sql(
            "insert into audit_event (seq, occurred_at, actor, party, action, record_type,"
                + " record_id, outcome, source_address, details, prev_hash, hash)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            seq,
            OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
            actor,
            party,
            action,
            recordType,
            recordId,
            outcome.name(),
            sourceAddress,
            detailJson,
            head.hash(),
            hash)
        .update();
    jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1").params(seq, hash).update();
    return new Stored(seq, head.hash(), hash);
  }

  /** Whether the database is PostgreSQL; asked once, on the first append. */
  private boolean onPostgres() {
    Boolean postgres = this.postgres;
    if (postgres == null) {
      String product;
      try {
        product =
            JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      } catch (MetaDataAccessException e) {
        throw new IllegalStateException("cannot tell which database holds the audit trail", e);
      }
      postgres = "PostgreSQL".equalsIgnoreCase(product);
      this.postgres = postgres;
    }
    return postgres;
  }

  /**
   * The last change anyone made, as far as the trail knows: its sequence number and when it was
   * recorded (null when the trail is empty). Every write appends an event, so a page built from
   * records is unchanged while this is; the public portal derives its ETag and Last-Modified from
   * it. Says nothing about what changed.
   */
  public LastChange lastChange() {
    return jdbc.sql(
            "select h.seq, e.occurred_at from audit_head h left join audit_event e on e.seq ="
                + " h.seq where h.id = 1")
        .query(
            (rs, n) -> {
              java.time.OffsetDateTime at =
                  rs.getObject("occurred_at", java.time.OffsetDateTime.class);
              return new LastChange(rs.getLong("seq"), at == null ? null : at.toInstant());
            })
        .single();
  }

  /** The sequence number and time of the last event of the trail. */
  public record LastChange(long seq, java.time.Instant at) {}

  /**
   * The last sequence number, after {@code after} and up to {@code upTo}, of an event that may have
   * changed a record: a successful one that is neither a read nor a sign-in. Lets a reader that
   * caches what it derives from the records tell a change from the events that change nothing,
   * looking only at the events appended since it last looked.
   *
   * @return the sequence number, or empty when there is no such event in the range
   */
  public java.util.OptionalLong lastRecordChange(long after, long upTo) {
    Long seq =
        jdbc.sql(
                "select max(seq) from audit_event where seq > :after and seq <= :upTo"
                    + " and outcome = 'SUCCESS' and action not in ('record.read',"
                    + " 'login.succeeded', 'login.failed', 'login.throttled')")
            .param("after", after)
            .param("upTo", upTo)
            .query(Long.class)
            .optional()
            .orElse(null);
    return seq == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(seq);
  }

  /** The head of the chain: the last sequence number and its hash (0 and zeros when empty). */
  public ChainHead head() {
    return jdbc.sql("select seq, hash from audit_head where id = 1")
        .query((rs, n) -> new ChainHead(rs.getLong("seq"), rs.getString("hash")))
        .single();
  }

  /**
   * Events, newest first.
   *
   * @param recordType only events about records of this type, or all when null
   * @param recordId only events about this record, or all when null
   * @param actor only events by this actor, or all when null
   */
  public PageOf<AuditEvent> events(
      String recordType, String recordId, String actor, Paging paging) {
    return events(recordType, recordId, actor, null, null, paging);
  }

  /** Events, newest first, also filtered by day (UTC, both ends included; null: open). */
  public PageOf<AuditEvent> events(
      String recordType,
      String recordId,
      String actor,
      java.time.LocalDate from,
      java.time.LocalDate to,
      Paging paging) {
    OffsetDateTime start = from == null ? null : from.atStartOfDay().atOffset(ZoneOffset.UTC);
    OffsetDateTime end = to == null ? null : to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    String where =
        " where (cast(? as varchar) is null or record_type = ?)"
            + " and (cast(? as varchar) is null or record_id = ?)"
            + " and (cast(? as varchar) is null or actor = ?)"
            + " and (cast(? as timestamp with time zone) is null or occurred_at >= ?)"
            + " and (cast(? as timestamp with time zone) is null or occurred_at < ?)";
    Object[] params = {
      recordType, recordType, recordId, recordId, actor, actor, start, start, end, end
    };
    boolean unfiltered =
        recordType == null && recordId == null && actor == null && start == null && end == null;
    // The trail is append-only and its sequence numbers are gap-free from 1 (each event takes the
    // head's number plus one under the head's lock; the chain check fails on any gap), so the whole
    // trail's length is the head's number: one row read instead of counting millions.
    long total =
        unfiltered
            ? head().seq()
            : jdbc.sql("select count(*) from audit_event" + where)
                .params(params)
                .query(Long.class)
                .single();
    List<AuditEvent> items =
        jdbc.sql(
                "select * from audit_event"
                    + where
                    + " order by seq desc limit "
                    + paging.size()
                    + " offset "
                    + (long) paging.page() * paging.size())
            .params(params)
            .query((rs, n) -> event(rs))
            .list();
    return new PageOf<>(items, paging.page(), paging.size(), total);
  }

  /**
   * One line of a record's history panel: who made the change and its details only for someone
   * signed in (null otherwise).
   */
  public record HistoryLine(Instant at, String action, String actor, String details) {}

  /**
   * What a record's history panel shows a reader: the last 20 changes to the records named (one
   * record, or the few a page stands for), newest first, of the changes this reader may see.
   *
   * <ul>
   *   <li>Only changes: reads, refusals, failures, sign-ins and sign-outs stay on the
   *       administrators' audit page.
   *   <li>A change made while the record was internal to a party (the last classification the trail
   *       gave the record, in the details of its events) is seen only by people of the party that
   *       made it: a record made public or bilateral later shows the others its history from then
   *       on.
   *   <li>Who made a change and its details are shown to people who are signed in; the public sees
   *       what changed and when.
   * </ul>
   *
   * @param recordIds the records' ids (nulls are left out)
   * @param signedIn whether the reader is signed in
   * @param party the reader's party, or null
   */
  public List<HistoryLine> history(
      String recordType, List<?> recordIds, boolean signedIn, String party) {
    List<String> ids = recordIds.stream().filter(i -> i != null).map(String::valueOf).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    List<AuditEvent> events =
        jdbc.sql(
                "select * from audit_event where record_type = :type and record_id in (:ids)"
                    + " and outcome = 'SUCCESS' and action not in ('record.read',"
                    + " 'login.succeeded', 'login.failed', 'login.throttled', 'logout')"
                    + " order by seq")
            .param("type", recordType)
            .param("ids", ids)
            .query((rs, n) -> event(rs))
            .list();
    Map<String, String> internalTo = new java.util.HashMap<>();
    java.util.Deque<HistoryLine> shown = new java.util.ArrayDeque<>();
    for (AuditEvent e : events) {
      String classification = detail(e.details(), "classification");
      if (classification != null) {
        internalTo.put(
            e.recordId(), "party-internal".equals(classification) ? String.valueOf(e.party()) : "");
      }
      String owner = internalTo.getOrDefault(e.recordId(), "");
      if (!owner.isEmpty() && !owner.equals(party)) {
        continue;
      }
      shown.addFirst(
          new HistoryLine(
              e.occurredAt(),
              e.action(),
              signedIn ? e.actor() + (e.party() == null ? "" : " (" + e.party() + ")") : null,
              signedIn ? e.details() : null));
    }
    return shown.stream().limit(20).toList();
  }

  /** One text field of an event's details, or null (also when they cannot be read). */
  private static String detail(String details, String field) {
    if (details == null || !details.contains("\"" + field + "\"")) {
      return null;
    }
    try {
      var value = JSON.readTree(details).get(field);
      return value == null || !value.isString() ? null : value.asString();
    } catch (RuntimeException e) {
      return null; // details cut at their longest are no JSON: they name no classification
    }
  }

  static AuditEvent event(ResultSet rs) throws SQLException {
    return new AuditEvent(
        rs.getLong("seq"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("party"),
        rs.getString("action"),
        rs.getString("record_type"),
        rs.getString("record_id"),
        Outcome.valueOf(rs.getString("outcome")),
        rs.getString("source_address"),
        rs.getString("details"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }

  private static String sourceAddress() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      HttpServletRequest request = servlet.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }

  /** The last sequence number and hash of the chain. */
  public record ChainHead(long seq, String hash) {}

  private record Head(long seq, String hash) {}

  private record Stored(long seq, String prevHash, String hash) {}
}

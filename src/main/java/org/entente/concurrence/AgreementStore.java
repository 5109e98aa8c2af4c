package org.entente.concurrence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.entente.concurrence.Agreement.AgreedVersion;
import org.entente.concurrence.Agreement.Approval;
import org.entente.concurrence.Agreement.State;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The concurrence module's SQL: an agreement's row, its approvals, its agreed versions and the
 * content of each version.
 */
@Repository
class AgreementStore {

  private final JdbcClient jdbc;

  AgreementStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An agreement as stored, with what it is about and who may see it. */
  record Stored(
      UUID id,
      UUID charterId,
      UUID groupId,
      String type,
      String key,
      Classification classification,
      String originParty,
      long version,
      Agreement agreement) {}

  /** An agreement's row, without its approvals and agreed versions. */
  private record Row(
      UUID id,
      UUID charterId,
      UUID groupId,
      List<String> parties,
      State state,
      int number,
      String fingerprint,
      String disputedBy,
      String disputeReason,
      Classification classification,
      String originParty,
      long version) {}

  /** Stores a new agreement on a subject; its first version's content is stored apart. */
  UUID insert(Concurrence.Subject subject, Agreement agreement, Instant now) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into agreement (id, charter_id, subject_type, subject_key, parties, state,"
                + " current_number, fingerprint, group_id, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            subject.charterId(),
            subject.type(),
            subject.key(),
            String.join(",", agreement.parties()),
            agreement.state().name(),
            agreement.version(),
            agreement.fingerprint(),
            subject.groupId(),
            utc(now),
            utc(now))
        .update();
    return id;
  }

  Optional<Stored> load(String type, String key, boolean forUpdate) {
    Optional<Row> row =
        jdbc.sql(
                "select * from agreement where subject_type = ? and subject_key = ?"
                    + (forUpdate ? " for update" : ""))
            .params(type, key)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("charter_id", UUID.class),
                        rs.getObject("group_id", UUID.class),
                        Arrays.asList(rs.getString("parties").split(",")),
                        State.valueOf(rs.getString("state")),
                        rs.getInt("current_number"),
                        rs.getString("fingerprint"),
                        rs.getString("disputed_by"),
                        rs.getString("dispute_reason"),
                        Classification.valueOf(rs.getString("classification")),
                        rs.getString("origin_party"),
                        rs.getLong("version")))
            .optional();
    return row.map(r -> stored(r, type, key));
  }

  private Stored stored(Row r, String type, String key) {
    List<Approval> approvals = approvals(r.id());
    List<AgreedVersion> agreed = new ArrayList<>();
    jdbc.sql("select * from agreement_agreed where agreement_id = ? order by number")
        .param(r.id())
        .query(
            (RowCallbackHandler)
                rs -> {
                  int number = rs.getInt("number");
                  agreed.add(
                      new AgreedVersion(
                          number,
                          rs.getString("fingerprint"),
                          rs.getObject("agreed_at", OffsetDateTime.class).toInstant(),
                          approvals.stream().filter(a -> a.version() == number).toList()));
                });
    Agreement agreement =
        Agreement.restore(
            r.parties(),
            r.state(),
            r.number(),
            r.fingerprint(),
            approvals,
            agreed,
            r.disputedBy(),
            r.disputeReason(),
            r.number() > 1 ? fingerprint(r.id(), r.number() - 1).orElse(null) : null);
    return new Stored(
        r.id(),
        r.charterId(),
        r.groupId(),
        type,
        key,
        r.classification(),
        r.originParty(),
        r.version(),
        agreement);
  }

  private List<Approval> approvals(UUID agreementId) {
    return jdbc.sql("select * from agreement_approval where agreement_id = ? order by position")
        .param(agreementId)
        .query(
            (rs, n) ->
                new Approval(
                    rs.getString("party"),
                    rs.getInt("number"),
                    rs.getString("fingerprint"),
                    rs.getString("approved_by"),
                    rs.getObject("approved_at", OffsetDateTime.class).toInstant(),
                    instant(rs.getObject("withdrawn_at", OffsetDateTime.class)),
                    rs.getString("withdrawn_because")))
        .list();
  }

  /** Writes an agreement's state and its approvals back, checking nobody changed it meanwhile. */
  void save(Stored stored, Instant now) {
    Agreement a = stored.agreement();
    int updated =
        jdbc.sql(
                "update agreement set state = ?, current_number = ?, fingerprint = ?,"
                    + " disputed_by = ?, dispute_reason = ?, version = version + 1,"
                    + " updated_at = ? where id = ? and version = ?")
            .params(
                a.state().name(),
                a.version(),
                a.fingerprint(),
                a.disputedBy(),
                a.disputeReason(),
                utc(now),
                stored.id(),
                stored.version())
            .update();
    if (updated == 0) {
      throw new ConflictException("agreement", stored.version() + 1);
    }
    jdbc.sql("delete from agreement_approval where agreement_id = ?").param(stored.id()).update();
    int position = 0;
    for (Approval approval : a.approvals()) {
      jdbc.sql(
              "insert into agreement_approval (id, agreement_id, position, party, number,"
                  + " fingerprint, approved_by, approved_at, withdrawn_at, withdrawn_because)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              UUID.randomUUID(),
              stored.id(),
              position++,
              approval.party(),
              approval.version(),
              approval.fingerprint(),
              approval.approvedBy(),
              utc(approval.approvedAt()),
              approval.withdrawnAt() == null ? null : utc(approval.withdrawnAt()),
              approval.withdrawnBecause())
          .update();
    }
  }

  /** Records that a version was agreed, with its fingerprint. */
  void agreed(UUID agreementId, int number, String fingerprint, Instant at) {
    jdbc.sql(
            "insert into agreement_agreed (agreement_id, number, fingerprint, agreed_at)"
                + " values (?, ?, ?, ?)")
        .params(agreementId, number, fingerprint, utc(at))
        .update();
  }

  void storeContent(
      UUID id, int number, String fingerprint, String content, String createdBy, Instant at) {
    jdbc.sql(
            "insert into agreement_content (agreement_id, number, fingerprint, content,"
                + " created_by, created_at) values (?, ?, ?, ?, ?, ?)")
        .params(id, number, fingerprint, content, createdBy, utc(at))
        .update();
  }

  /**
   * Stores a version's content, or when {@code replacing} gives a draft version nobody approved
   * other content: the first change to a reopened copy, so that the versions submitted stay
   * consecutive (see {@link Agreement#revisesInPlace}).
   */
  void storeContent(
      UUID id,
      int number,
      String fingerprint,
      String content,
      String createdBy,
      Instant at,
      boolean replacing) {
    if (!replacing) {
      storeContent(id, number, fingerprint, content, createdBy, at);
      return;
    }
    jdbc.sql(
            "update agreement_content set fingerprint = ?, content = ?, created_by = ?,"
                + " created_at = ? where agreement_id = ? and number = ?")
        .params(fingerprint, content, createdBy, utc(at), id, number)
        .update();
  }

  /** The fingerprint of one version of an agreement. */
  private Optional<String> fingerprint(UUID agreementId, int number) {
    return jdbc.sql(
            "select fingerprint from agreement_content where agreement_id = ? and number = ?")
        .params(agreementId, number)
        .query(String.class)
        .optional();
  }

  /** The content of one version of an agreement, as it was submitted. */
  Optional<String> content(UUID agreementId, int number) {
    return jdbc.sql("select content from agreement_content where agreement_id = ? and number = ?")
        .params(agreementId, number)
        .query(String.class)
        .optional();
  }

  /** The fingerprint and content of one version of the agreement on a subject. */
  <T> Optional<T> version(
      String type, String key, int number, java.util.function.BiFunction<String, String, T> as) {
    return jdbc.sql(
            "select c.fingerprint, c.content from agreement_content c join agreement a"
                + " on a.id = c.agreement_id where a.subject_type = ? and"
                + " a.subject_key = ? and c.number = ?")
        .params(type, key, number)
        .query((rs, n) -> as.apply(rs.getString("fingerprint"), rs.getString("content")))
        .optional();
  }

  /** The latest version of the agreement on a subject whose content is like the pattern. */
  <T> Optional<T> latest(
      String type, String key, String like, java.util.function.BiFunction<Integer, String, T> as) {
    return jdbc
        .sql(
            "select c.number, c.content from agreement_content c join agreement a"
                + " on a.id = c.agreement_id where a.subject_type = ? and"
                + " a.subject_key = ? and c.content like ? order by c.number desc")
        .params(type, key, like)
        .query((rs, n) -> as.apply(rs.getInt("number"), rs.getString("content")))
        .list()
        .stream()
        .findFirst();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}

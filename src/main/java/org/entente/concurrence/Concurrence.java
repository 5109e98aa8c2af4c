package org.entente.concurrence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.concurrence.Agreement.AgreedVersion;
import org.entente.concurrence.Agreement.Approval;
import org.entente.concurrence.Agreement.State;
import org.entente.identity.Viewer;
import org.entente.shared.ForbiddenException;
import org.entente.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The concurrence module's one service: stores agreements, and carries out each step with the rules
 * of {@link Agreement}. Who acts for a party is decided here from the viewer: a co-chair of the
 * subject's group, of that party.
 */
@Service
@Transactional(readOnly = true)
public class Concurrence {

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Audit audit;
  private final ApplicationEventPublisher events;

  Concurrence(JdbcClient jdbc, Clock clock, Audit audit, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
    this.events = events;
  }

  /**
   * What an agreement is about.
   *
   * @param type e.g. {@code project-list}
   * @param key unique within the type, e.g. the charter's and the group's keys
   * @param groupId the group whose co-chairs approve, and whose readers see it
   */
  public record Subject(String type, String key, UUID charterId, UUID groupId) {}

  /** An agreement as shown. */
  public record AgreementView(
      UUID id,
      String subjectType,
      String subjectKey,
      List<String> parties,
      State state,
      int currentVersion,
      String fingerprint,
      String disputedBy,
      String disputeReason,
      List<Approval> approvals,
      List<AgreedVersion> agreedVersions,
      long version) {}

  /** The SHA-256 of a version's canonical content, in hex. */
  public static String fingerprint(String canonicalContent) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonicalContent.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Submits the subject's current content: the first version of a new agreement, a new version when
   * the content changed (withdrawing earlier approvals), nothing when it did not.
   *
   * @throws ForbiddenException when the viewer may not write in the subject's group, or the current
   *     version is agreed or disputed
   */
  @Transactional
  public AgreementView submit(
      Subject subject, List<String> parties, String canonicalContent, Viewer viewer) {
    if (!viewer.mayWriteIn(subject.groupId())) {
      throw new ForbiddenException(null, "only members of the group draft its " + subject.type());
    }
    String fingerprint = fingerprint(canonicalContent);
    Instant now = Instant.now(clock);
    Optional<Stored> existing = load(subject.type(), subject.key(), true);
    if (existing.isEmpty()) {
      Agreement agreement = refuseWith(() -> Agreement.draft(parties, fingerprint));
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
              fingerprint,
              subject.groupId(),
              utc(now),
              utc(now))
          .update();
      storeContent(id, 1, fingerprint, canonicalContent, viewer, now);
      audit.record(
          "agreement.drafted",
          "agreement",
          id.toString(),
          Outcome.SUCCESS,
          Map.of("subject", subject.type() + " " + subject.key(), "fingerprint", fingerprint));
      return view(load(subject.type(), subject.key(), false).orElseThrow());
    }
    Stored stored = existing.get();
    if (stored.agreement().fingerprint().equals(fingerprint)) {
      return view(stored);
    }
    List<Approval> withdrawn = refuseWith(() -> stored.agreement().revise(fingerprint, now));
    storeContent(
        stored.id(), stored.agreement().version(), fingerprint, canonicalContent, viewer, now);
    save(stored, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("subject", subject.type() + " " + subject.key());
    details.put("version", stored.agreement().version());
    details.put("fingerprint", fingerprint);
    if (!withdrawn.isEmpty()) {
      details.put(
          "withdrawn", withdrawn.stream().map(a -> a.party() + " " + a.approvedBy()).toList());
    }
    audit.record(
        "agreement.revised", "agreement", stored.id().toString(), Outcome.SUCCESS, details);
    return view(load(subject.type(), subject.key(), false).orElseThrow());
  }

  /** The agreement on a subject, if there is one the viewer may see. */
  public Optional<AgreementView> find(String type, String key, Viewer viewer) {
    return load(type, key, false)
        .filter(s -> viewer.canSee(s.classification(), s.originParty(), s.groupId()))
        .map(this::view);
  }

  /**
   * The viewer approves a version for their party.
   *
   * @throws NotFoundException when there is no such agreement the viewer may see
   * @throws ForbiddenException when the rules refuse: not a co-chair of their party for the group,
   *     an outdated version, a second approval, an agreed or disputed agreement
   */
  @Transactional
  public AgreementView approve(String type, String key, int version, Viewer viewer) {
    Stored stored = visible(type, key, viewer);
    Instant now = Instant.now(clock);
    String party = viewer.party() == null ? "none" : viewer.party();
    refuseWith(
        () -> {
          stored
              .agreement()
              .approve(party, version, viewer.username(), mayActFor(viewer, stored), now);
          return null;
        });
    save(stored, now);
    Agreement a = stored.agreement();
    if (a.state() == State.AGREED) {
      jdbc.sql(
              "insert into agreement_agreed (agreement_id, number, fingerprint, agreed_at)"
                  + " values (?, ?, ?, ?)")
          .params(stored.id(), a.version(), a.fingerprint(), utc(now))
          .update();
    }
    audit.record(
        "agreement.approved",
        "agreement",
        stored.id().toString(),
        Outcome.SUCCESS,
        Map.of(
            "subject",
            type + " " + key,
            "party",
            party,
            "version",
            version,
            "fingerprint",
            a.fingerprint(),
            "state",
            a.state().name()));
    if (a.state() == State.AGREED) {
      events.publishEvent(
          new AgreementReached(
              type, key, stored.charterId(), stored.groupId(), a.version(), a.fingerprint(), now));
    }
    return view(load(type, key, false).orElseThrow());
  }

  /** The viewer disputes the agreement for their party, with a reason. */
  @Transactional
  public AgreementView dispute(String type, String key, String reason, Viewer viewer) {
    Stored stored = visible(type, key, viewer);
    Instant now = Instant.now(clock);
    String party = viewer.party() == null ? "none" : viewer.party();
    refuseWith(() -> stored.agreement().dispute(party, reason, mayActFor(viewer, stored), now));
    save(stored, now);
    audit.record(
        "agreement.disputed",
        "agreement",
        stored.id().toString(),
        Outcome.SUCCESS,
        Map.of("subject", type + " " + key, "party", party, "reason", reason.strip()));
    return view(load(type, key, false).orElseThrow());
  }

  /** The viewer reopens a disputed or agreed agreement for their party: a new draft version. */
  @Transactional
  public AgreementView reopen(String type, String key, Viewer viewer) {
    Stored stored = visible(type, key, viewer);
    Instant now = Instant.now(clock);
    String party = viewer.party() == null ? "none" : viewer.party();
    int before = stored.agreement().version();
    refuseWith(
        () -> {
          stored.agreement().reopen(party, mayActFor(viewer, stored), now);
          return null;
        });
    String content =
        jdbc.sql("select content from agreement_content where agreement_id = ? and number = ?")
            .params(stored.id(), before)
            .query(String.class)
            .single();
    storeContent(
        stored.id(),
        stored.agreement().version(),
        stored.agreement().fingerprint(),
        content,
        viewer,
        now);
    save(stored, now);
    audit.record(
        "agreement.reopened",
        "agreement",
        stored.id().toString(),
        Outcome.SUCCESS,
        Map.of(
            "subject", type + " " + key, "party", party, "version", stored.agreement().version()));
    return view(load(type, key, false).orElseThrow());
  }

  /** The content of one version, as it was submitted. */
  public String content(String type, String key, int number, Viewer viewer) {
    Stored stored = visible(type, key, viewer);
    return jdbc.sql("select content from agreement_content where agreement_id = ? and number = ?")
        .params(stored.id(), number)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("version", String.valueOf(number)));
  }

  /** The subject type of the agreement to publish agreed versions of a subject of this type. */
  public static String publicationOf(String type) {
    return type + "-publication";
  }

  /**
   * Where the publication of a subject stands.
   *
   * @param proposedVersion the subject's version the current proposal would publish, or null
   * @param publishedVersion the subject's version both parties last agreed to publish, or null
   * @param agreement the agreement on publication, or null when nobody proposed one
   */
  public record PublicationView(
      Integer proposedVersion, Integer publishedVersion, AgreementView agreement) {}

  /**
   * A version both parties agreed to publish: its content is public from then on.
   *
   * @param version the subject's version
   * @param fingerprint its fingerprint
   * @param content its canonical content
   * @param publishedAt when the last co-chair approved its publication
   */
  public record Published(int version, String fingerprint, String content, Instant publishedAt) {}

  /**
   * A co-chair proposes to publish a version of a subject that both parties agreed. The proposal is
   * itself an agreement ({@link #publicationOf}), whose content names the version and its
   * fingerprint; proposing another version after a publication was agreed reopens it.
   *
   * @throws NotFoundException when there is no such subject the viewer may see
   * @throws ForbiddenException when the viewer is no co-chair of the group for their party, or the
   *     version is not one both parties agreed
   */
  @Transactional
  public PublicationView proposePublication(String type, String key, int version, Viewer viewer) {
    Stored subject = visible(type, key, viewer);
    if (!mayActFor(viewer, subject)) {
      throw new ForbiddenException(
          null, "only a co-chair of the group proposes publication for their party");
    }
    AgreedVersion agreed =
        subject.agreement().agreedVersions().stream()
            .filter(v -> v.version() == version)
            .findFirst()
            .orElseThrow(
                () ->
                    new ForbiddenException(
                        "version",
                        "only a version both parties agreed can be published; version "
                            + version
                            + " is not agreed"));
    String type2 = publicationOf(type);
    String content = publicationContent(type, key, version, agreed.fingerprint());
    Optional<Stored> existing = load(type2, key, true);
    if (existing.isPresent()
        && !existing.get().agreement().fingerprint().equals(fingerprint(content))
        && (existing.get().agreement().state() == State.AGREED
            || existing.get().agreement().state() == State.DISPUTED)) {
      reopen(type2, key, viewer);
    }
    submit(
        new Subject(type2, key, subject.charterId(), subject.groupId()),
        subject.agreement().parties(),
        content,
        viewer);
    return publication(type, key, viewer).orElseThrow();
  }

  /**
   * The viewer's party approves the publication of a version: the version the current proposal
   * names, and only that one.
   *
   * @throws NotFoundException when nobody proposed a publication the viewer may see
   * @throws ForbiddenException when the proposal names another version, or the rules refuse
   */
  @Transactional
  public PublicationView approvePublication(String type, String key, int version, Viewer viewer) {
    String type2 = publicationOf(type);
    Stored stored = visible(type2, key, viewer);
    int proposed = proposedVersion(stored);
    if (proposed != version) {
      throw new ForbiddenException(
          "version", "the proposal is to publish version " + proposed + ", not version " + version);
    }
    approve(type2, key, stored.agreement().version(), viewer);
    return publication(type, key, viewer).orElseThrow();
  }

  /** Where the publication of a subject stands, if the viewer may see the subject. */
  public Optional<PublicationView> publication(String type, String key, Viewer viewer) {
    if (find(type, key, viewer).isEmpty()) {
      return Optional.empty();
    }
    Optional<Stored> stored = load(publicationOf(type), key, false);
    return Optional.of(
        new PublicationView(
            stored.map(this::proposedVersion).orElse(null),
            published(type, key).map(Published::version).orElse(null),
            stored.map(this::view).orElse(null)));
  }

  /**
   * The version of a subject both parties last agreed to publish, with its content. Whoever asks
   * may know it: what both parties agreed to publish is public.
   */
  public Optional<Published> published(String type, String key) {
    return load(publicationOf(type), key, false)
        .flatMap(
            stored ->
                stored.agreement().agreedVersions().isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                        stored
                            .agreement()
                            .agreedVersions()
                            .get(stored.agreement().agreedVersions().size() - 1)))
        .flatMap(
            agreed -> {
              String proposal =
                  jdbc.sql(
                          "select c.content from agreement_content c join agreement a on a.id ="
                              + " c.agreement_id where a.subject_type = ? and a.subject_key = ?"
                              + " and c.number = ?")
                      .params(publicationOf(type), key, agreed.version())
                      .query(String.class)
                      .single();
              int version = JSON.readTree(proposal).get("version").asInt();
              return jdbc.sql(
                      "select c.fingerprint, c.content from agreement_content c join agreement a"
                          + " on a.id = c.agreement_id where a.subject_type = ? and"
                          + " a.subject_key = ? and c.number = ?")
                  .params(type, key, version)
                  .query(
                      (rs, n) ->
                          new Published(
                              version,
                              rs.getString("fingerprint"),
                              rs.getString("content"),
                              agreed.agreedAt()))
                  .optional();
            });
  }

  private int proposedVersion(Stored publication) {
    String content =
        jdbc.sql("select content from agreement_content where agreement_id = ? and number = ?")
            .params(publication.id(), publication.agreement().version())
            .query(String.class)
            .single();
    return JSON.readTree(content).get("version").asInt();
  }

  /** The canonical content of a publication proposal: which version of what, by fingerprint. */
  static String publicationContent(String type, String key, int version, String fingerprint) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("publish", type);
    content.put("key", key);
    content.put("version", version);
    content.put("fingerprint", fingerprint);
    return JSON.writeValueAsString(content);
  }

  /** A co-chair of the subject's group, of their own party. */
  private static boolean mayActFor(Viewer viewer, Stored stored) {
    return viewer.party() != null
        && !viewer.operator()
        && viewer.coChairOf().contains(stored.groupId())
        && viewer.groups().contains(stored.groupId());
  }

  private Stored visible(String type, String key, Viewer viewer) {
    return load(type, key, true)
        .filter(s -> viewer.canSee(s.classification(), s.originParty(), s.groupId()))
        .orElseThrow(() -> new NotFoundException(type, key));
  }

  private static <T> T refuseWith(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (AgreementException e) {
      throw new ForbiddenException(e.field(), e.getMessage());
    }
  }

  private void storeContent(
      UUID id, int number, String fingerprint, String content, Viewer viewer, Instant at) {
    jdbc.sql(
            "insert into agreement_content (agreement_id, number, fingerprint, content,"
                + " created_by, created_at) values (?, ?, ?, ?, ?, ?)")
        .params(id, number, fingerprint, content, viewer.username(), utc(at))
        .update();
  }

  private record Stored(
      UUID id,
      UUID charterId,
      UUID groupId,
      String type,
      String key,
      org.entente.shared.Classification classification,
      String originParty,
      long version,
      Agreement agreement) {}

  private Optional<Stored> load(String type, String key, boolean forUpdate) {
    record Row(
        UUID id,
        UUID charterId,
        UUID groupId,
        List<String> parties,
        State state,
        int number,
        String fingerprint,
        String disputedBy,
        String disputeReason,
        org.entente.shared.Classification classification,
        String originParty,
        long version) {}
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
                        org.entente.shared.Classification.valueOf(rs.getString("classification")),
                        rs.getString("origin_party"),
                        rs.getLong("version")))
            .optional();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Row r = row.get();
    List<Approval> approvals =
        jdbc.sql("select * from agreement_approval where agreement_id = ? order by position")
            .param(r.id())
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
    List<AgreedVersion> agreed = new ArrayList<>();
    jdbc.sql("select * from agreement_agreed where agreement_id = ? order by number")
        .param(r.id())
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
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
            r.disputeReason());
    return Optional.of(
        new Stored(
            r.id(),
            r.charterId(),
            r.groupId(),
            type,
            key,
            r.classification(),
            r.originParty(),
            r.version(),
            agreement));
  }

  /** Writes an agreement's state and its approvals back, checking nobody changed it meanwhile. */
  private void save(Stored stored, Instant now) {
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
      throw new org.entente.shared.ConflictException("agreement", stored.version() + 1);
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

  private AgreementView view(Stored s) {
    Agreement a = s.agreement();
    return new AgreementView(
        s.id(),
        s.type(),
        s.key(),
        a.parties(),
        a.state(),
        a.version(),
        a.fingerprint(),
        a.disputedBy(),
        a.disputeReason(),
        a.approvals(),
        a.agreedVersions(),
        s.version());
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}

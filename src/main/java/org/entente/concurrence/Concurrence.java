package org.entente.concurrence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
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
import org.entente.concurrence.AgreementStore.Stored;
import org.entente.identity.Viewer;
import org.entente.shared.ForbiddenException;
import org.entente.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The concurrence module's one service: stores agreements, and carries out each step with the rules
 * of {@link Agreement}. Who acts for a party is decided here from the viewer: a co-chair of the
 * subject's group, of that party.
 */
@Service
@Transactional(readOnly = true)
public class Concurrence {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AgreementStore store;
  private final AgreementSubjects subjects;
  private final Clock clock;
  private final Audit audit;
  private final ApplicationEventPublisher events;
  private final Withdrawals withdrawals;

  Concurrence(
      AgreementStore store,
      AgreementSubjects subjects,
      Clock clock,
      Audit audit,
      ApplicationEventPublisher events,
      Withdrawals withdrawals) {
    this.withdrawals = withdrawals;
    this.store = store;
    this.subjects = subjects;
    this.clock = clock;
    this.audit = audit;
    this.events = events;
  }

  /**
   * What an agreement is about: its type (e.g. {@code project-list}), its key (unique within the
   * type, e.g. the charter's and the group's keys), the charter, and the group whose co-chairs
   * approve and whose readers see it.
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
      long version) {

    /** Whether the current version waits for the approval of this party. */
    public boolean awaits(String party) {
      return (state == State.DRAFT || state == State.APPROVED_BY_ONE)
          && approvals.stream()
              .noneMatch(
                  p -> p.active() && p.version() == currentVersion && p.party().equals(party));
    }
  }

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
    boolean mayDraft =
        subjects
            .owning(subject.type())
            .map(s -> s.mayDraft(viewer, subject.groupId()))
            .orElseGet(() -> viewer.mayWriteIn(subject.groupId()));
    if (!mayDraft) {
      throw new ForbiddenException(null, "only members of the group draft its " + subject.type());
    }
    String fingerprint = fingerprint(canonicalContent);
    Instant now = Instant.now(clock);
    Optional<Stored> existing = store.load(subject.type(), subject.key(), true);
    if (existing.isEmpty()) {
      Agreement agreement = refuseWith(() -> Agreement.draft(parties, fingerprint));
      UUID id = store.insert(subject, agreement, now);
      store.storeContent(id, 1, fingerprint, canonicalContent, viewer.username(), now);
      audit.record(
          "agreement.drafted",
          "agreement",
          id.toString(),
          Outcome.SUCCESS,
          Map.of("subject", subject.type() + " " + subject.key(), "fingerprint", fingerprint));
      return reloaded(subject.type(), subject.key());
    }
    Stored stored = existing.get();
    if (stored.agreement().fingerprint().equals(fingerprint)) {
      return view(stored);
    }
    boolean inPlace = stored.agreement().revisesInPlace();
    List<Approval> withdrawn = refuseWith(() -> stored.agreement().revise(fingerprint, now));
    store.storeContent(
        stored.id(),
        stored.agreement().version(),
        fingerprint,
        canonicalContent,
        viewer.username(),
        now,
        inPlace);
    store.save(stored, now);
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
    return reloaded(subject.type(), subject.key());
  }

  /** The agreement on a subject, if there is one the viewer may see. */
  public Optional<AgreementView> find(String type, String key, Viewer viewer) {
    return store
        .load(type, key, false)
        .filter(s -> viewer.canSee(s.classification(), s.originParty(), s.groupId()))
        .map(Concurrence::view);
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
    Stored stored = visible(type, key, viewer, true);
    Instant now = Instant.now(clock);
    String party = party(viewer);
    refuseWith(
        () -> {
          stored
              .agreement()
              .approve(party, version, viewer.username(), mayActFor(viewer, stored), now);
          return null;
        });
    store.save(stored, now);
    Agreement a = stored.agreement();
    if (a.state() == State.AGREED) {
      store.agreed(stored.id(), a.version(), a.fingerprint(), now);
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
    return reloaded(type, key);
  }

  /** The viewer disputes the agreement for their party, with a reason. */
  @Transactional
  public AgreementView dispute(String type, String key, String reason, Viewer viewer) {
    Stored stored = visible(type, key, viewer, true);
    Instant now = Instant.now(clock);
    String party = party(viewer);
    refuseWith(() -> stored.agreement().dispute(party, reason, mayActFor(viewer, stored), now));
    store.save(stored, now);
    audit.record(
        "agreement.disputed",
        "agreement",
        stored.id().toString(),
        Outcome.SUCCESS,
        Map.of("subject", type + " " + key, "party", party, "reason", reason.strip()));
    return reloaded(type, key);
  }

  /** The viewer reopens a disputed or agreed agreement for their party: a new draft version. */
  @Transactional
  public AgreementView reopen(String type, String key, Viewer viewer) {
    Stored stored = visible(type, key, viewer, true);
    Instant now = Instant.now(clock);
    String party = party(viewer);
    int before = stored.agreement().version();
    refuseWith(
        () -> {
          stored.agreement().reopen(party, mayActFor(viewer, stored), now);
          return null;
        });
    String content = store.content(stored.id(), before).orElseThrow();
    store.storeContent(
        stored.id(),
        stored.agreement().version(),
        stored.agreement().fingerprint(),
        content,
        viewer.username(),
        now);
    store.save(stored, now);
    audit.record(
        "agreement.reopened",
        "agreement",
        stored.id().toString(),
        Outcome.SUCCESS,
        Map.of(
            "subject", type + " " + key, "party", party, "version", stored.agreement().version()));
    return reloaded(type, key);
  }

  /** A version's content as submitted, read unlocked (as a read-only transaction may). */
  public String content(String type, String key, int number, Viewer viewer) {
    Stored stored = visible(type, key, viewer, false);
    return store
        .content(stored.id(), number)
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
  public record Published(int version, String fingerprint, String content, Instant publishedAt) {

    /** The keys of the records the version names: each item's {@code key} in its content. */
    public List<String> keys() {
      List<String> keys = new java.util.ArrayList<>();
      JSON.readTree(content).forEach(item -> keys.add(item.get("key").asString()));
      return keys;
    }

    /**
     * Refuses the publication when the subject (its canonical content now) changed since this
     * version was agreed, so the public sees exactly what was agreed.
     *
     * @param noun what the subject is called, e.g. "roadmap"
     * @throws ForbiddenException when the content now is not this version's
     */
    public void requireUnchanged(String noun, String canonicalNow) {
      if (!Concurrence.fingerprint(canonicalNow).equals(fingerprint)) {
        throw new ForbiddenException(
            "version",
            "the "
                + noun
                + " changed since version "
                + version
                + " was agreed: agree its new"
                + " version, then publish that");
      }
    }
  }

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
    Stored subject = visible(type, key, viewer, true);
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
    String content = PublicationContent.proposal(type, key, version, agreed.fingerprint());
    Optional<Stored> existing = store.load(type2, key, true);
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
    Stored stored = visible(type2, key, viewer, true);
    Integer proposed = proposedVersion(stored);
    if (proposed == null || proposed != version) {
      throw new ForbiddenException(
          "version",
          proposed == null
              ? "no version is proposed for publication: propose one first"
              : "the proposal is to publish version " + proposed + ", not version " + version);
    }
    approve(type2, key, stored.agreement().version(), viewer);
    return publication(type, key, viewer).orElseThrow();
  }

  /** Where the publication of a subject stands, if the viewer may see the subject. */
  public Optional<PublicationView> publication(String type, String key, Viewer viewer) {
    if (find(type, key, viewer).isEmpty()) {
      return Optional.empty();
    }
    Optional<Stored> stored = store.load(publicationOf(type), key, false);
    return Optional.of(
        new PublicationView(
            stored.map(this::proposedVersion).orElse(null),
            published(type, key).map(Published::version).orElse(null),
            stored.map(Concurrence::view).orElse(null)));
  }

  /**
   * The version of a subject both parties last agreed to publish, with its content. Whoever asks
   * may know it: what both parties agreed to publish is public. Nothing once a party withdrew it,
   * until both agree to publish it again.
   */
  public Optional<Published> published(String type, String key) {
    return store
        .load(publicationOf(type), key, false)
        .filter(stored -> withdrawals.withdrawn(type, key).isEmpty())
        .flatMap(stored -> stored.agreement().lastAgreed())
        .flatMap(
            agreed -> {
              int version =
                  store
                      .version(publicationOf(type), key, agreed.version(), (f, c) -> c)
                      .map(proposal -> JSON.readTree(proposal).get("version").asInt())
                      .orElseThrow();
              return store.version(
                  type,
                  key,
                  version,
                  (fingerprint, content) ->
                      new Published(version, fingerprint, content, agreed.agreedAt()));
            });
  }

  /** The version the current proposal names; null when the current version is a withdrawal. */
  private Integer proposedVersion(Stored publication) {
    return PublicationContent.proposed(
        store.content(publication.id(), publication.agreement().version()).orElseThrow());
  }

  /**
   * Whether the viewer acts for their party on this agreement: as the subject's type says, by
   * default a co-chair of the subject's group, of their own party.
   */
  private boolean mayActFor(Viewer viewer, Stored stored) {
    return subjects
        .owning(stored.type())
        .map(s -> s.mayAct(viewer, stored.groupId()))
        .orElseGet(() -> coChair(viewer, stored.groupId()));
  }

  /** A co-chair of the group, of their own party: who acts on a group's agreements. */
  public static boolean coChair(Viewer viewer, UUID groupId) {
    return viewer.party() != null
        && !viewer.operator()
        && viewer.coChairOf().contains(groupId)
        && viewer.groups().contains(groupId);
  }

  private static String party(Viewer viewer) {
    return viewer.party() == null ? "none" : viewer.party();
  }

  private Stored visible(String type, String key, Viewer viewer, boolean lock) {
    return store
        .load(type, key, lock)
        .filter(s -> viewer.canSee(s.classification(), s.originParty(), s.groupId()))
        .orElseThrow(() -> new NotFoundException(type, key));
  }

  private AgreementView reloaded(String type, String key) {
    return view(store.load(type, key, false).orElseThrow());
  }

  private static <T> T refuseWith(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (AgreementException e) {
      throw new ForbiddenException(e.field(), e.getMessage());
    }
  }

  private static AgreementView view(Stored s) {
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
}

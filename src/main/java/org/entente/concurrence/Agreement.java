package org.entente.concurrence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Two parties' agreement on a shared record, version by version. Each revision of the record's
 * content is a new numbered version with the fingerprint of its content. A party approves one
 * version; when every party approved the same version it is agreed, and that version never changes.
 * A revision after an approval withdraws it and says so; either party can dispute with a reason,
 * and reopen, which starts a new draft.
 *
 * <p>A version is named by its number; its fingerprint names its content. Reopening opens the next
 * number as a draft holding the content of the version reopened, so until it changes that draft has
 * the reopened version's fingerprint under another number and in another state (never {@code
 * AGREED}): nothing that reads a version by number and state takes it for the agreed one. The first
 * change to such a draft, while nobody approved it, becomes its content under the same number: the
 * versions submitted stay consecutive (agreed 1, reopened and changed 2), where before a reopening
 * used one number for the copy and the next change another.
 *
 * <p>The rules live here: the service loads an agreement, calls one of these methods, and stores
 * the result; a refused step throws {@link AgreementException} and changes nothing.
 */
public final class Agreement {

  /** Where an agreement stands. */
  public enum State {
    /** Being drafted: nobody approved the current version. */
    DRAFT,
    /** Some parties, not all, approved the current version. */
    APPROVED_BY_ONE,
    /** Every party approved the current version: it is immutable. */
    AGREED,
    /** A party disputed it, with a reason; it must be reopened to go on. */
    DISPUTED
  }

  /**
   * One party's approval of one version.
   *
   * @param withdrawnAt when it stopped counting, or null while it counts
   * @param withdrawnBecause why, in words for the approver
   */
  public record Approval(
      String party,
      int version,
      String fingerprint,
      String approvedBy,
      Instant approvedAt,
      Instant withdrawnAt,
      String withdrawnBecause) {

    public boolean active() {
      return withdrawnAt == null;
    }

    Approval withdrawn(Instant at, String because) {
      return new Approval(party, version, fingerprint, approvedBy, approvedAt, at, because);
    }
  }

  /** A version both parties approved, with who approved it and when. */
  public record AgreedVersion(
      int version, String fingerprint, Instant agreedAt, List<Approval> approvals) {}

  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

  private final List<String> parties;
  private State state;
  private int version;
  private String fingerprint;
  private final List<Approval> approvals;
  private final List<AgreedVersion> agreed;
  private String disputedBy;
  private String disputeReason;

  /**
   * The fingerprint of the version before the current one, when known; the current version is an
   * untouched reopened copy when it has the same fingerprint and nobody approved it.
   */
  private String previousFingerprint;

  private Agreement(
      List<String> parties,
      State state,
      int version,
      String fingerprint,
      List<Approval> approvals,
      List<AgreedVersion> agreed,
      String disputedBy,
      String disputeReason) {
    this.parties = List.copyOf(parties);
    this.state = state;
    this.version = version;
    this.fingerprint = fingerprint;
    this.approvals = new ArrayList<>(approvals);
    this.agreed = new ArrayList<>(agreed);
    this.disputedBy = disputedBy;
    this.disputeReason = disputeReason;
  }

  /**
   * A new agreement on a record's first version.
   *
   * @param parties the keys of the parties that must agree: two, different
   * @param fingerprint the SHA-256 (hex) of the first version's canonical content
   */
  public static Agreement draft(List<String> parties, String fingerprint) {
    if (parties == null
        || parties.size() != 2
        || parties.stream().anyMatch(Objects::isNull)
        || parties.get(0).equals(parties.get(1))) {
      throw new AgreementException("parties", "an agreement is between two different parties");
    }
    checkFingerprint(fingerprint);
    return new Agreement(parties, State.DRAFT, 1, fingerprint, List.of(), List.of(), null, null);
  }

  /** An agreement as it was stored. */
  public static Agreement restore(
      List<String> parties,
      State state,
      int version,
      String fingerprint,
      List<Approval> approvals,
      List<AgreedVersion> agreed,
      String disputedBy,
      String disputeReason) {
    return restore(
        parties, state, version, fingerprint, approvals, agreed, disputedBy, disputeReason, null);
  }

  /**
   * An agreement as it was stored, knowing the fingerprint of the version before the current one.
   */
  public static Agreement restore(
      List<String> parties,
      State state,
      int version,
      String fingerprint,
      List<Approval> approvals,
      List<AgreedVersion> agreed,
      String disputedBy,
      String disputeReason,
      String previousFingerprint) {
    Agreement a =
        new Agreement(
            parties, state, version, fingerprint, approvals, agreed, disputedBy, disputeReason);
    a.previousFingerprint = previousFingerprint;
    return a;
  }

  /**
   * A new version of the record's content. Approvals of the earlier version are withdrawn, and the
   * returned list says whose, so that they can be told. A draft opened by {@link #reopen} that
   * nobody approved takes the new content under its own number instead ({@link #revisesInPlace}).
   *
   * @throws AgreementException when the current version is agreed (reopen it first) or disputed
   */
  public List<Approval> revise(String newFingerprint, Instant at) {
    checkFingerprint(newFingerprint);
    if (state == State.AGREED) {
      throw new AgreementException(
          "version", "version " + version + " is agreed and cannot change; reopen it first");
    }
    if (state == State.DISPUTED) {
      throw new AgreementException(
          "state", "it is disputed (" + disputeReason + "); reopen it before changing it");
    }
    if (revisesInPlace()) {
      fingerprint = newFingerprint;
      return List.of();
    }
    List<Approval> withdrawn =
        withdrawActive(
            at,
            "version "
                + version
                + " you approved was changed into version "
                + (version + 1)
                + "; your approval was withdrawn");
    version++;
    previousFingerprint = fingerprint;
    fingerprint = newFingerprint;
    state = State.DRAFT;
    return withdrawn;
  }

  /**
   * Whether the next revision changes the current version's content under its number: the current
   * version is a draft that copies the one before (same fingerprint, as reopening makes it), and
   * nobody approved it.
   */
  public boolean revisesInPlace() {
    return state == State.DRAFT
        && version > 1
        && fingerprint.equals(previousFingerprint)
        && approvals.stream().noneMatch(a -> a.version() == version);
  }

  /**
   * A party approves a version.
   *
   * @param mayApproveForParty whether the approver may approve for that party: its co-chair of the
   *     group, or someone they delegated to; the caller decides, this refuses when not
   * @throws AgreementException when the party is not one of the two, the approver may not approve
   *     for it, the version is not the current one, the party already approved it, or the agreement
   *     is agreed or disputed
   */
  public void approve(
      String party, int approvedVersion, String approver, boolean mayApproveForParty, Instant at) {
    if (!parties.contains(party)) {
      throw new AgreementException(
          "party", "only " + String.join(" and ", parties) + " approve this");
    }
    if (!mayApproveForParty) {
      throw new AgreementException(
          "party", "only a co-chair of " + party + ", or their delegate, approves for " + party);
    }
    if (state == State.AGREED) {
      throw new AgreementException("state", "version " + version + " is already agreed");
    }
    if (state == State.DISPUTED) {
      throw new AgreementException(
          "state", "it is disputed (" + disputeReason + "); reopen it before approving");
    }
    if (approvedVersion != version) {
      throw new AgreementException(
          "version",
          "version " + approvedVersion + " is outdated: the current version is " + version);
    }
    if (activeApproval(party).isPresent()) {
      throw new AgreementException("party", party + " already approved version " + version);
    }
    approvals.add(new Approval(party, version, fingerprint, approver, at, null, null));
    if (parties.stream().allMatch(p -> activeApproval(p).isPresent())) {
      state = State.AGREED;
      agreed.add(
          new AgreedVersion(
              version,
              fingerprint,
              at,
              approvals.stream().filter(a -> a.active() && a.version() == version).toList()));
    } else {
      state = State.APPROVED_BY_ONE;
    }
  }

  /**
   * A party disputes the agreement, with a reason. Approvals that counted are withdrawn.
   *
   * @throws AgreementException when the party is not one of the two, may not act for it, or gives
   *     no reason, or it is already disputed
   */
  public List<Approval> dispute(String party, String reason, boolean mayActForParty, Instant at) {
    if (!parties.contains(party)) {
      throw new AgreementException(
          "party", "only " + String.join(" and ", parties) + " dispute this");
    }
    if (!mayActForParty) {
      throw new AgreementException(
          "party", "only a co-chair of " + party + ", or their delegate, disputes for " + party);
    }
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      throw new AgreementException("reason", "a dispute needs a reason of 1 to 2000 characters");
    }
    if (state == State.DISPUTED) {
      throw new AgreementException("state", "it is already disputed by " + disputedBy);
    }
    List<Approval> withdrawn =
        withdrawActive(at, party + " disputed version " + version + ": " + reason.strip());
    state = State.DISPUTED;
    disputedBy = party;
    disputeReason = reason.strip();
    return withdrawn;
  }

  /**
   * A party reopens a disputed or agreed agreement: a new draft version with the same content,
   * which both must approve again. Agreed versions stay as they were.
   */
  public void reopen(String party, boolean mayActForParty, Instant at) {
    if (!parties.contains(party)) {
      throw new AgreementException(
          "party", "only " + String.join(" and ", parties) + " reopen this");
    }
    if (!mayActForParty) {
      throw new AgreementException(
          "party", "only a co-chair of " + party + ", or their delegate, reopens for " + party);
    }
    if (state != State.DISPUTED && state != State.AGREED) {
      throw new AgreementException("state", "only a disputed or agreed version is reopened");
    }
    withdrawActive(at, party + " reopened version " + version);
    version++;
    previousFingerprint = fingerprint;
    state = State.DRAFT;
    disputedBy = null;
    disputeReason = null;
  }

  /**
   * A party replaces the current version, whatever its state, by a new draft version (a withdrawal
   * of what was published): approvals that counted for a version not agreed are withdrawn; agreed
   * versions stay as they were, and both must approve a later version again.
   */
  public void replace(String party, boolean mayActForParty, String newFingerprint, Instant at) {
    if (!parties.contains(party)) {
      throw new AgreementException(
          "party", "only " + String.join(" and ", parties) + " withdraw this");
    }
    if (!mayActForParty) {
      throw new AgreementException(
          "party", "only a co-chair of " + party + ", or their delegate, withdraws for " + party);
    }
    checkFingerprint(newFingerprint);
    withdrawActive(at, party + " withdrew the publication");
    version++;
    previousFingerprint = fingerprint;
    fingerprint = newFingerprint;
    state = State.DRAFT;
    disputedBy = null;
    disputeReason = null;
  }

  private List<Approval> withdrawActive(Instant at, String because) {
    List<Approval> withdrawn = new ArrayList<>();
    for (int i = 0; i < approvals.size(); i++) {
      Approval a = approvals.get(i);
      // an agreed version's approvals stay as they were, whatever later versions become
      if (a.active() && agreed.stream().noneMatch(v -> v.version() == a.version())) {
        Approval w = a.withdrawn(at, because);
        approvals.set(i, w);
        withdrawn.add(w);
      }
    }
    return withdrawn;
  }

  private Optional<Approval> activeApproval(String party) {
    return approvals.stream()
        .filter(a -> a.active() && a.party().equals(party) && a.version() == version)
        .findFirst();
  }

  private static void checkFingerprint(String fingerprint) {
    if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
      throw new AgreementException(
          "fingerprint", "a version's fingerprint is the SHA-256 of its content, in hex");
    }
  }

  public List<String> parties() {
    return parties;
  }

  public State state() {
    return state;
  }

  public int version() {
    return version;
  }

  public String fingerprint() {
    return fingerprint;
  }

  /** Every approval ever given, withdrawn ones included, oldest first. */
  public List<Approval> approvals() {
    return List.copyOf(approvals);
  }

  /** The versions both parties agreed, oldest first. */
  public List<AgreedVersion> agreedVersions() {
    return List.copyOf(agreed);
  }

  /** The latest agreed version, if any. */
  public Optional<AgreedVersion> lastAgreed() {
    return agreed.isEmpty() ? Optional.empty() : Optional.of(agreed.get(agreed.size() - 1));
  }

  public String disputedBy() {
    return disputedBy;
  }

  public String disputeReason() {
    return disputeReason;
  }
}

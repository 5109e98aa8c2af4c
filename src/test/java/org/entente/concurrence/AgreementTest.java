package org.entente.concurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.entente.concurrence.Agreement.State;
import org.junit.jupiter.api.Test;

class AgreementTest {

  static final String V1 = "1".repeat(64);
  static final String V2 = "2".repeat(64);
  static final Instant T1 = Instant.parse("2026-04-01T10:00:00Z");
  static final Instant T2 = Instant.parse("2026-04-02T10:00:00Z");
  static final Instant T3 = Instant.parse("2026-04-03T10:00:00Z");

  private static Agreement draft() {
    return Agreement.draft(List.of("US", "AZ"), V1);
  }

  @Test
  void bothPartiesApprovingTheSameVersionAgreeIt() {
    Agreement a = draft();
    a.approve("US", 1, "us.cochair", true, T1);
    assertThat(a.state()).isEqualTo(State.APPROVED_BY_ONE);
    a.approve("AZ", 1, "az.cochair", true, T2);
    assertThat(a.state()).isEqualTo(State.AGREED);
    assertThat(a.lastAgreed())
        .hasValueSatisfying(
            v -> {
              assertThat(v.version()).isEqualTo(1);
              assertThat(v.fingerprint()).isEqualTo(V1);
              assertThat(v.agreedAt()).isEqualTo(T2);
              assertThat(v.approvals())
                  .extracting(Agreement.Approval::approvedBy)
                  .containsExactly("us.cochair", "az.cochair");
            });
  }

  @Test
  void aChangeAfterAnApprovalWithdrawsItAndSaysSo() {
    Agreement a = draft();
    a.approve("US", 1, "us.cochair", true, T1);
    List<Agreement.Approval> withdrawn = a.revise(V2, T2);
    assertThat(withdrawn)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.approvedBy()).isEqualTo("us.cochair");
              assertThat(w.withdrawnAt()).isEqualTo(T2);
              assertThat(w.withdrawnBecause()).contains("version 1", "version 2", "withdrawn");
            });
    assertThat(a.state()).isEqualTo(State.DRAFT);
    assertThat(a.version()).isEqualTo(2);
    a.approve("AZ", 2, "az.cochair", true, T3);
    assertThat(a.state())
        .as("the U.S. approval of version 1 does not count for 2")
        .isEqualTo(State.APPROVED_BY_ONE);
  }

  @Test
  void rejectsSecondApprovalBySameParty() {
    Agreement a = draft();
    a.approve("US", 1, "us.cochair", true, T1);
    assertThatThrownBy(() -> a.approve("US", 1, "us.deputy", true, T2))
        .isInstanceOf(AgreementException.class)
        .hasMessageContaining("US already approved version 1");
    assertThat(a.approvals()).hasSize(1);
  }

  @Test
  void rejectsApprovalOfAnOutdatedVersion() {
    Agreement a = draft();
    a.revise(V2, T1);
    assertThatThrownBy(() -> a.approve("AZ", 1, "az.cochair", true, T2))
        .isInstanceOf(AgreementException.class)
        .hasMessageContaining("version 1 is outdated: the current version is 2");
    assertThat(a.state()).isEqualTo(State.DRAFT);
  }

  @Test
  void rejectsApprovalByAnotherPartyOrSomeoneNotEntitled() {
    Agreement a = draft();
    assertThatThrownBy(() -> a.approve("FR", 1, "someone", true, T1))
        .isInstanceOf(AgreementException.class)
        .hasMessageContaining("only US and AZ");
    assertThatThrownBy(() -> a.approve("US", 1, "us.member", false, T1))
        .isInstanceOf(AgreementException.class)
        .hasMessageContaining("only a co-chair of US");
    assertThat(a.approvals()).isEmpty();
  }

  @Test
  void anAgreedVersionNeverChanges() {
    Agreement a = draft();
    a.approve("US", 1, "us.cochair", true, T1);
    a.approve("AZ", 1, "az.cochair", true, T1);
    assertThatThrownBy(() -> a.revise(V2, T2))
        .isInstanceOf(AgreementException.class)
        .hasMessageContaining("agreed and cannot change");
    assertThat(a.fingerprint()).isEqualTo(V1);
    assertThatThrownBy(() -> a.approve("US", 1, "us.cochair", true, T2))
        .hasMessageContaining("already agreed");
  }

  @Test
  void aDisputeNeedsAReasonAndReopeningStartsANewDraftKeepingWhatWasAgreed() {
    Agreement a = draft();
    a.approve("US", 1, "us.cochair", true, T1);
    a.approve("AZ", 1, "az.cochair", true, T1);
    assertThatThrownBy(() -> a.dispute("AZ", " ", true, T2)).hasMessageContaining("reason");
    a.dispute("AZ", "The TRIPP project's budget is wrong", true, T2);
    assertThat(a.state()).isEqualTo(State.DISPUTED);
    assertThat(a.disputeReason()).isEqualTo("The TRIPP project's budget is wrong");
    assertThatThrownBy(() -> a.revise(V2, T2)).hasMessageContaining("reopen it");
    assertThatThrownBy(() -> a.approve("US", 1, "us.cochair", true, T2))
        .hasMessageContaining("disputed");
    a.reopen("US", true, T3);
    assertThat(a.state()).isEqualTo(State.DRAFT);
    assertThat(a.version()).isEqualTo(2);
    a.revise(V2, T3);
    assertThat(a.version())
        .as("the reopened draft takes the change: no number skipped")
        .isEqualTo(2);
    assertThat(a.agreedVersions())
        .singleElement()
        .satisfies(v -> assertThat(v.fingerprint()).isEqualTo(V1));
  }

  @Test
  void reopeningAnAgreedVersionOpensTheNextNumberAndItsFirstChangeKeepsThatNumber() {
    Agreement a = draft();
    a.approve("US", 1, "us.cochair", true, T1);
    a.approve("AZ", 1, "az.cochair", true, T1);
    a.reopen("AZ", true, T2);
    assertThat(a.state()).isEqualTo(State.DRAFT);
    assertThat(a.version()).as("never mistakable for the agreed version 1").isEqualTo(2);
    assertThat(a.revisesInPlace()).isTrue();
    assertThat(a.revise(V2, T2)).isEmpty();
    assertThat(a.version()).isEqualTo(2);
    assertThat(a.fingerprint()).isEqualTo(V2);
    assertThat(a.revisesInPlace()).isFalse();
    a.revise("3".repeat(64), T3);
    assertThat(a.version()).as("later changes are new versions again").isEqualTo(3);
    a.approve("US", 3, "us.cochair", true, T3);
    a.approve("AZ", 3, "az.cochair", true, T3);
    assertThat(a.agreedVersions())
        .extracting(Agreement.AgreedVersion::version, Agreement.AgreedVersion::fingerprint)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, V1),
            org.assertj.core.groups.Tuple.tuple(3, "3".repeat(64)));
  }

  @Test
  void aReopenedDraftSomeoneApprovedChangesIntoANewVersion() {
    Agreement a = draft();
    a.approve("US", 1, "us.cochair", true, T1);
    a.approve("AZ", 1, "az.cochair", true, T1);
    a.reopen("US", true, T2);
    a.approve("US", 2, "us.cochair", true, T2);
    assertThat(a.revisesInPlace()).isFalse();
    assertThat(a.revise(V2, T3))
        .singleElement()
        .satisfies(w -> assertThat(w.version()).isEqualTo(2));
    assertThat(a.version()).isEqualTo(3);
  }

  @Test
  void aStoredReopenedCopyIsKnownByThePreviousVersionsFingerprint() {
    Agreement reopened =
        Agreement.restore(
            List.of("US", "AZ"), State.DRAFT, 2, V1, List.of(), List.of(), null, null, V1);
    reopened.revise(V2, T1);
    assertThat(reopened.version()).isEqualTo(2);
    Agreement revised =
        Agreement.restore(
            List.of("US", "AZ"), State.DRAFT, 2, V2, List.of(), List.of(), null, null, V1);
    revised.revise("3".repeat(64), T1);
    assertThat(revised.version()).isEqualTo(3);
  }

  @Test
  void aDisputeWithdrawsAnApprovalThatCounted() {
    Agreement a = draft();
    a.approve("US", 1, "us.cochair", true, T1);
    List<Agreement.Approval> withdrawn = a.dispute("AZ", "Not ready", true, T2);
    assertThat(withdrawn)
        .singleElement()
        .satisfies(w -> assertThat(w.withdrawnBecause()).contains("AZ disputed", "Not ready"));
  }

  @Test
  void anAgreementIsBetweenTwoDifferentPartiesOnAFingerprintedVersion() {
    assertThatThrownBy(() -> Agreement.draft(List.of("US", "US"), V1))
        .isInstanceOf(AgreementException.class);
    assertThatThrownBy(() -> Agreement.draft(List.of("US"), V1))
        .isInstanceOf(AgreementException.class);
    assertThatThrownBy(() -> Agreement.draft(List.of("US", "AZ"), "not a hash"))
        .isInstanceOf(AgreementException.class);
  }
}

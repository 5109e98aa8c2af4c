package org.entente.meetings;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.entente.charter.CharterIndex;
import org.entente.concurrence.Withdrawals;
import org.entente.concurrence.Withdrawals.Withdrawn;
import org.entente.shared.CharterKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The correction notices of joint statements a party withdrew after both published them: what
 * stands in their place on the public side, for anyone, until both parties publish them again. They
 * name the meeting's body and day, as its published statement did, and the party that withdrew it
 * (never who personally).
 */
@Service
@Transactional(readOnly = true)
public class StatementWithdrawals {

  private final StatementStore statements;
  private final MeetingReads reads;
  private final Withdrawals withdrawals;

  StatementWithdrawals(StatementStore statements, MeetingReads reads, Withdrawals withdrawals) {
    this.statements = statements;
    this.reads = reads;
    this.withdrawals = withdrawals;
  }

  /**
   * A withdrawn joint statement's correction notice.
   *
   * @param bodyName the framework, group or platform whose meeting it was of
   * @param heldOn the day the meeting started, in its own zone
   * @param party the party that withdrew it
   * @param withdrawnOn the day (UTC) it was withdrawn
   */
  public record WithdrawnStatement(
      UUID meetingId,
      String charterKey,
      String bodyName,
      LocalDate heldOn,
      String party,
      LocalDate withdrawnOn) {}

  /** The charter's withdrawn statements, newest meeting first. */
  public List<WithdrawnStatement> withdrawn(CharterKey charterKey) {
    CharterIndex.All names = reads.names();
    return names
        .charterId(charterKey.value())
        .map(
            charter ->
                statements.unpublished(charter, names).stream()
                    .flatMap(m -> notice(m, names).stream())
                    .toList())
        .orElse(List.of());
  }

  /** The correction notice of one meeting's statement, if it was withdrawn. */
  public Optional<WithdrawnStatement> withdrawn(UUID meetingId) {
    CharterIndex.All names = reads.names();
    return statements.unpublishedOf(meetingId, names).flatMap(m -> notice(m, names));
  }

  private Optional<WithdrawnStatement> notice(Meeting m, CharterIndex.All names) {
    Optional<Withdrawn> w = withdrawals.withdrawn(Meetings.JOINT_STATEMENT, m.id().toString());
    return w.map(
        withdrawn ->
            new WithdrawnStatement(
                m.id(),
                m.charterKey(),
                MeetingReads.bodyName(m, names),
                m.day(),
                withdrawn.party(),
                withdrawn.withdrawnAt().atOffset(ZoneOffset.UTC).toLocalDate()));
  }
}

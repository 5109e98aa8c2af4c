package org.entente.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.entente.charter.LanguagesOfCharter;
import org.entente.meetings.ActionItem.Status;
import org.entente.meetings.MeetingInputs.ActionItemChange;
import org.entente.meetings.MeetingInputs.ActionItemInput;
import org.entente.shared.BadRequestException;
import org.entente.shared.ConflictException;
import org.junit.jupiter.api.Test;

/** An action item's rules: an owner and a due date, its statuses, and the milestone it becomes. */
class ActionItemTest {

  static final LocalDate DUE = LocalDate.parse("2027-03-31");

  static ActionItem.New of(String organization, String username, LocalDate due) {
    return ActionItem.of(
        new ActionItemInput("Publish the tender", organization, username, due),
        new LanguagesOfCharter(List.of("az", "en"), "en"),
        o -> o.equals("Azerbaijan Railways"),
        u -> u.equals("az.member"));
  }

  static String refusedField(Runnable r) {
    try {
      r.run();
    } catch (BadRequestException e) {
      return e.field();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void anItemNeedsAnOwnerAndADueDate() {
    assertThat(refusedField(() -> of(null, " ", DUE))).isEqualTo("owner");
    assertThat(refusedField(() -> of("Azerbaijan Railways", null, null))).isEqualTo("dueOn");
  }

  @Test
  void anOwnerMustBeAKnownOrganizationOrAccount() {
    assertThat(refusedField(() -> of("Nobody Inc.", null, DUE))).isEqualTo("ownerOrganization");
    assertThat(refusedField(() -> of(null, "stranger", DUE))).isEqualTo("ownerUsername");
  }

  @Test
  void theOwnersUserNameIsKeptInLowerCase() {
    ActionItem.New item = of(" Azerbaijan Railways ", "AZ.Member", DUE);
    assertThat(item.ownerUsername()).isEqualTo("az.member");
    assertThat(item.ownerOrganization()).isEqualTo("Azerbaijan Railways");
  }

  @Test
  void aChangeAgainstAnotherVersionIsAConflictAndAnUnknownStatusIsRefused() {
    assertThatThrownBy(
            () -> ActionItem.change(Status.OPEN, DUE, 2, new ActionItemChange(1L, "done", null)))
        .isInstanceOf(ConflictException.class);
    assertThat(
            refusedField(
                () ->
                    ActionItem.change(
                        Status.OPEN, DUE, 2, new ActionItemChange(2L, "finished", null))))
        .isEqualTo("status");
    assertThat(
            refusedField(
                () ->
                    ActionItem.change(
                        Status.OPEN, DUE, 2, new ActionItemChange(null, "done", null))))
        .isEqualTo("version");
  }

  @Test
  void aChangeKeepsTheDueDateItDoesNotName() {
    ActionItem.Changed changed =
        ActionItem.change(Status.OPEN, DUE, 2, new ActionItemChange(2L, " Done ", null));
    assertThat(changed.status()).isEqualTo(Status.DONE);
    assertThat(changed.dueOn()).isEqualTo(DUE);
  }

  @Test
  void onlyAnOpenItemPastItsDueDateIsOverdue() {
    LocalDate after = DUE.plusDays(1);
    assertThat(ActionItem.overdue(Status.OPEN, DUE, after)).isTrue();
    assertThat(ActionItem.overdue(Status.OPEN, DUE, DUE)).isFalse();
    assertThat(ActionItem.overdue(Status.DONE, DUE, after)).isFalse();
  }

  @Test
  void theMilestoneAnItemBecomesIsKeyedFromItsIdUnlessGivenAndStartsNoLaterThanItIsDue() {
    UUID id = UUID.fromString("1234abcd-0000-0000-0000-000000000000");
    assertThat(ActionItem.milestoneKey(id, " ")).isEqualTo("ai-1234abcd");
    assertThat(ActionItem.milestoneKey(id, " tender ")).isEqualTo("tender");
    assertThat(ActionItem.milestoneStart(DUE, DUE.plusDays(5))).isEqualTo(DUE);
    assertThat(ActionItem.milestoneStart(DUE, DUE.minusDays(5))).isEqualTo(DUE.minusDays(5));
  }
}

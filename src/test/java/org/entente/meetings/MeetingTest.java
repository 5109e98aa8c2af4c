package org.entente.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.meetings.Meeting.Attendance;
import org.entente.meetings.Meeting.Body;
import org.entente.meetings.Meeting.Status;
import org.entente.meetings.MeetingInputs.MeetingChange;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.junit.jupiter.api.Test;

/** The meeting aggregate's rules for a change, who may make it, and what may follow from it. */
class MeetingTest {

  static final UUID GROUP = UUID.randomUUID();
  static final ZoneId BAKU = ZoneId.of("Asia/Baku");
  static final Instant START = Instant.parse("2026-11-20T06:00:00Z");
  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  static final LanguagesOfCharter LANGUAGES = new LanguagesOfCharter(List.of("az", "en"), "en");

  static Meeting meeting(Body body, UUID group, Status status) {
    return new Meeting(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "az-us-2026",
        body,
        group,
        LocalizedText.of("en", "Annual meeting"),
        START,
        START.plusSeconds(3 * 3600),
        BAKU,
        "Baku",
        false,
        status,
        LocalizedText.of("en", "<p>Opened</p>"),
        Classification.BILATERAL,
        null,
        3);
  }

  static Meeting planned() {
    return meeting(Body.WORKING_GROUP, GROUP, Status.PLANNED);
  }

  static MeetingChange change(Long version, String status, String minutes) {
    return new MeetingChange(version, null, null, null, null, null, null, status, minutes);
  }

  static Viewer member(UUID group) {
    return new Viewer(
        "az.member",
        "AZ",
        false,
        Set.of(Role.MEMBER),
        Set.of(group),
        Set.of(group),
        Set.of(),
        false);
  }

  @Test
  void aChangeWithoutTheVersionReadIsRefusedNamingTheVersion() {
    assertThatThrownBy(() -> planned().change(change(null, "held", null), LANGUAGES, NOW))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo("version"));
  }

  @Test
  void aChangeAgainstAnotherVersionIsAConflict() {
    assertThatThrownBy(() -> planned().change(change(2L, "held", null), LANGUAGES, NOW))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aChangeKeepsWhatItDoesNotName() {
    Meeting before = planned();
    Meeting after = before.change(change(3L, "held", null), LANGUAGES, NOW).meeting();
    assertThat(after.status()).isEqualTo(Status.HELD);
    assertThat(after.title()).isEqualTo(before.title());
    assertThat(after.place()).isEqualTo(before.place());
    assertThat(after.start()).isEqualTo(before.start());
    assertThat(after.minutes()).isEqualTo(before.minutes());
  }

  @Test
  void changingOnlyTheZoneKeepsTheMomentsItTakesPlace() {
    Meeting after =
        planned()
            .change(
                new MeetingChange(3L, null, null, null, "Europe/Paris", null, null, null, null),
                LANGUAGES,
                NOW)
            .meeting();
    assertThat(after.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(after.start()).isEqualTo(START);
    assertThat(after.end()).isEqualTo(START.plusSeconds(3 * 3600));
  }

  @Test
  void newTimesAreReadInTheMeetingsZone() {
    Meeting after =
        planned()
            .change(
                new MeetingChange(
                    3L,
                    null,
                    LocalDateTime.parse("2026-11-20T09:00"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                LANGUAGES,
                NOW)
            .meeting();
    assertThat(after.start()).isEqualTo(Instant.parse("2026-11-20T05:00:00Z"));
  }

  @Test
  void minutesAreSanitizedAndMarkedChanged() {
    Meeting.Changed changed =
        planned().change(change(3L, null, "<p>Agreed</p><script>x()</script>"), LANGUAGES, NOW);
    assertThat(changed.minutesChanged()).isTrue();
    assertThat(changed.meeting().minutes().values()).isEqualTo(Map.of("en", "<p>Agreed</p>"));
    assertThat(planned().change(change(3L, "held", null), LANGUAGES, NOW).minutesChanged())
        .isFalse();
  }

  @Test
  void minutesLongerThanTwoHundredThousandCharactersAreRefused() {
    assertThatThrownBy(
            () -> planned().change(change(3L, null, "x".repeat(200_001)), LANGUAGES, NOW))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo("minutes.en"));
  }

  @Test
  void aBlankTitleIsRefusedNamingItsTextLanguage() {
    assertThatThrownBy(
            () ->
                planned()
                    .change(
                        new MeetingChange(3L, " ", null, null, null, null, null, null, null),
                        LANGUAGES,
                        NOW))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo("title.en"));
  }

  @Test
  void aHeldMeetingCannotBePlannedAgain() {
    Meeting held = meeting(Body.WORKING_GROUP, GROUP, Status.HELD);
    assertThatThrownBy(() -> held.change(change(3L, "planned", null), LANGUAGES, NOW))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("cannot become");
  }

  @Test
  void aMeetingIsRecordedHeldOnceAndNeverForAPlatform() {
    Meeting group = planned();
    Meeting held = group.change(change(3L, "held", null), LANGUAGES, NOW).meeting();
    assertThat(held.becameHeldAfter(group)).isTrue();
    assertThat(held.becameHeldAfter(held)).isFalse();
    Meeting platform = meeting(Body.DIALOGUE_PLATFORM, GROUP, Status.PLANNED);
    assertThat(
            platform
                .change(change(3L, "held", null), LANGUAGES, NOW)
                .meeting()
                .becameHeldAfter(platform))
        .isFalse();
    Meeting framework = meeting(Body.FRAMEWORK, null, Status.PLANNED);
    assertThat(
            framework
                .change(change(3L, "held", null), LANGUAGES, NOW)
                .meeting()
                .becameHeldAfter(framework))
        .isTrue();
  }

  @Test
  void onlyAMemberOfItsGroupMayChangeAGroupsMeeting() {
    assertThat(planned().requireWritableBy(member(GROUP)).id()).isNotNull();
    assertThatThrownBy(() -> planned().requireWritableBy(member(UUID.randomUUID())))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> planned().requireWritableBy(Viewer.ANONYMOUS))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aFrameworkMeetingHasNoJointStatementYet() {
    assertThat(planned().statementGroup()).isEqualTo(GROUP);
    assertThatThrownBy(() -> meeting(Body.FRAMEWORK, null, Status.HELD).statementGroup())
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("not supported yet");
  }

  @Test
  void onlyAWorkingGroupsMeetingLeadsToRoadmapMilestones() {
    planned().requireRoadmap();
    assertThatThrownBy(() -> meeting(Body.DIALOGUE_PLATFORM, GROUP, Status.HELD).requireRoadmap())
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> meeting(Body.FRAMEWORK, null, Status.HELD).requireRoadmap())
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void attendanceIsInvitedUntilRecordedAndAnUnknownOneIsRefusedNamingTheField() {
    assertThat(Attendance.fromCode(" ", "attendance")).isEqualTo(Attendance.INVITED);
    assertThat(Attendance.fromCode("Attended", "attendance")).isEqualTo(Attendance.ATTENDED);
    assertThatThrownBy(() -> Attendance.fromCode("late", "participants[0].attendance"))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> assertThat(e.field()).isEqualTo("participants[0].attendance"));
  }

  @Test
  void aMeetingIsSeenByWhoeverMaySeeItsClassificationAndGroup() {
    Viewer.Audience audience = planned().audience();
    assertThat(audience.classification()).isEqualTo(Classification.BILATERAL);
    assertThat(audience.group()).isEqualTo(GROUP);
  }
}

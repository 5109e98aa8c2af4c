package org.entente.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import org.entente.meetings.Meeting.Status;
import org.entente.shared.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The meeting's own rules: its times in a zone, and how its status may move. */
class MeetingRulesTest {

  static final Instant PAST = Instant.parse("2026-11-20T06:00:00Z");
  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
    "PLANNED, HELD, true",
    "PLANNED, CANCELLED, true",
    "PLANNED, POSTPONED, true",
    "POSTPONED, PLANNED, true",
    "POSTPONED, CANCELLED, true",
    "POSTPONED, HELD, false",
    "HELD, PLANNED, false",
    "HELD, CANCELLED, false",
    "CANCELLED, PLANNED, false",
    "CANCELLED, HELD, false",
  })
  void aStatusMovesOnlyAlongItsTransitions(Status from, Status to, boolean allowed) {
    if (allowed) {
      assertThatCode(() -> Meeting.move(from, to, PAST, NOW)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> Meeting.move(from, to, PAST, NOW))
          .isInstanceOf(BadRequestException.class)
          .hasMessageContaining("cannot become");
    }
  }

  @Test
  void aMeetingThatHasNotStartedCannotBeHeld() {
    assertThatThrownBy(() -> Meeting.move(Status.PLANNED, Status.HELD, NOW.plusSeconds(60), NOW))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("has not started");
  }

  @Test
  void timesAreReadInTheirZone() {
    Meeting.Times times =
        Meeting.times(
            LocalDateTime.parse("2026-12-10T10:00"),
            LocalDateTime.parse("2026-12-10T12:00"),
            "Asia/Baku");
    assertThat(times.start()).isEqualTo(Instant.parse("2026-12-10T06:00:00Z"));
    assertThat(times.end()).isEqualTo(Instant.parse("2026-12-10T08:00:00Z"));
  }

  @ParameterizedTest(name = "{0} to {1} in {2} is refused on {3}")
  @CsvSource({
    "2026-12-10T12:00, 2026-12-10T10:00, Asia/Baku, endsAt",
    "2026-12-10T10:00, 2026-12-10T10:00, Asia/Baku, endsAt",
    "2026-12-10T10:00, 2026-12-30T10:00, Asia/Baku, endsAt",
    "2026-12-10T10:00, 2026-12-10T12:00, Mars/Olympus, timeZone",
    "2026-12-10T10:00, 2026-12-10T12:00, '', timeZone",
  })
  void badTimesAreRefusedNamingTheField(String start, String end, String zone, String field) {
    assertThatThrownBy(
            () -> Meeting.times(LocalDateTime.parse(start), LocalDateTime.parse(end), zone))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void minutesKeepTheirFormattingAndLoseTheirScripts() {
    String clean =
        Meeting.sanitize(
            "<h3>Opening</h3><p style=\"color:red\" onmouseover=\"x()\">Welcome <a"
                + " href=\"javascript:alert(1)\">here</a> and <a"
                + " href=\"https://example.org/report\">the report</a></p><script>x()</script>"
                + "<iframe src=\"https://evil.example\"></iframe>");
    assertThat(clean)
        .contains("<h3>Opening</h3>")
        .contains("https://example.org/report")
        .doesNotContain("script")
        .doesNotContain("javascript:")
        .doesNotContain("onmouseover")
        .doesNotContain("style=")
        .doesNotContain("iframe");
    assertThat(Meeting.sanitize("<script>only()</script>")).isNull();
  }
}

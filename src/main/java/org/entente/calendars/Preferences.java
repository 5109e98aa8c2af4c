package org.entente.calendars;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.calendars.CalendarViews.PreferenceChange;
import org.entente.shared.BadRequestException;
import org.entente.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's reminder settings (table {@code reminder_preference}); the defaults until changed. */
@Component
class Preferences {

  /** A person's reminder settings; version 0 until they change them. */
  record Preference(
      int daysAhead, boolean byEmail, boolean enabled, String language, long version) {}

  private final JdbcClient jdbc;
  private final Audit audit;

  Preferences(JdbcClient jdbc, Audit audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  Preference of(String username) {
    return jdbc.sql(
            "select days_ahead, by_email, enabled, language, version from reminder_preference"
                + " where username = ?")
        .param(username)
        .query(
            (rs, n) ->
                new Preference(
                    rs.getInt("days_ahead"),
                    rs.getBoolean("by_email"),
                    rs.getBoolean("enabled"),
                    rs.getString("language"),
                    rs.getLong("version")))
        .optional()
        .orElse(new Preference(Calendars.DEFAULT_DAYS_AHEAD, true, true, null, 0));
  }

  /**
   * Changes a person's settings; fields not given stay as they are.
   *
   * @param offered the codes of the languages a person may choose (the charters' languages); an
   *     empty language goes back to the one worked out from their party and charters
   * @throws BadRequestException for days ahead outside 0 to 90, or a language not offered
   * @throws ConflictException when a version is given and the settings changed since
   */
  void change(String username, PreferenceChange change, List<String> offered, OffsetDateTime now) {
    if (change == null) {
      throw new BadRequestException(null, "the reminder settings are required");
    }
    if (change.daysAhead() != null && (change.daysAhead() < 0 || change.daysAhead() > 90)) {
      throw new BadRequestException("daysAhead", "days ahead is a number from 0 to 90");
    }
    String language = language(change.language(), offered);
    Preference current = of(username);
    if (change.version() != null && change.version() != current.version()) {
      throw new ConflictException("reminder preferences", current.version());
    }
    Preference next =
        new Preference(
            change.daysAhead() == null ? current.daysAhead() : change.daysAhead(),
            change.byEmail() == null ? current.byEmail() : change.byEmail(),
            change.enabled() == null ? current.enabled() : change.enabled(),
            change.language() == null ? current.language() : language,
            current.version() + 1);
    int written =
        current.version() == 0
            ? jdbc.sql(
                    "insert into reminder_preference (username, days_ahead, by_email, enabled,"
                        + " language, version, updated_at) values (?, ?, ?, ?, ?, 1, ?)")
                .params(
                    username,
                    next.daysAhead(),
                    next.byEmail(),
                    next.enabled(),
                    next.language(),
                    now)
                .update()
            : jdbc.sql(
                    "update reminder_preference set days_ahead = ?, by_email = ?, enabled = ?,"
                        + " language = ?, version = version + 1, updated_at = ? where username = ?"
                        + " and version = ?")
                .params(
                    next.daysAhead(),
                    next.byEmail(),
                    next.enabled(),
                    next.language(),
                    now,
                    username,
                    current.version())
                .update();
    if (written != 1) {
      throw new ConflictException("reminder preferences", of(username).version());
    }
    audit.record(
        "reminder.preferences",
        "reminder_preference",
        username,
        Outcome.SUCCESS,
        Map.of(
            "daysAhead",
            next.daysAhead(),
            "byEmail",
            next.byEmail(),
            "enabled",
            next.enabled(),
            "language",
            next.language() == null ? "" : next.language()));
  }

  /**
   * The language chosen, as its code in lower case: null for an empty one (the one worked out from
   * the party and charters) and for none given (left as it is).
   *
   * @throws BadRequestException for a language that is not offered
   */
  private static String language(String given, List<String> offered) {
    if (given == null || given.isBlank()) {
      return null;
    }
    String code = given.strip().toLowerCase(Locale.ROOT);
    if (!offered.contains(code)) {
      throw new BadRequestException(
          "language",
          "the language is one of "
              + String.join(", ", offered)
              + ", or empty for the one of your party and charters");
    }
    return code;
  }
}

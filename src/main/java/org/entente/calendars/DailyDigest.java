package org.entente.calendars;

import java.time.LocalDate;
import java.util.Optional;
import org.entente.calendars.CalendarViews.Digest;
import org.entente.calendars.CalendarViews.RunReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily run of the reminders: a digest for every enabled account that has something due, made
 * at most once per person and day (the database holds one per user name and day, so two nodes or a
 * second run change nothing), and sent by e-mail when a mail server is configured ({@code
 * spring.mail.host}), the person wants it and their account has an address. A digest is stored
 * first, in its own transaction, and sent after: a mail server that fails loses no reminder.
 */
@Component
class DailyDigest {

  private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

  private final Calendars calendars;
  private final ObjectProvider<JavaMailSender> mail;
  private final String from;

  DailyDigest(
      Calendars calendars,
      ObjectProvider<JavaMailSender> mail,
      @Value("${entente.reminders.mail-from:entente@localhost}") String from) {
    this.calendars = calendars;
    this.mail = mail;
    this.from = from;
  }

  /** Runs on the schedule ({@code entente.reminders.cron}, by default 06:00 UTC every day). */
  @Scheduled(cron = "${entente.reminders.cron:0 0 6 * * *}", zone = "UTC")
  void scheduled() {
    RunReport report = run();
    log.info(
        "Reminders for {}: {} digests made, {} e-mailed, {} skipped",
        report.day(),
        report.made(),
        report.emailed(),
        report.skipped());
  }

  /** Makes today's digests; safe to run again the same day. */
  RunReport run() {
    LocalDate day = calendars.today();
    JavaMailSender sender = mail.getIfAvailable();
    int made = 0;
    int emailed = 0;
    int skipped = 0;
    for (String username : calendars.people()) {
      Optional<Digest> digest;
      try {
        digest = calendars.makeDigest(username, day);
      } catch (DuplicateKeyException e) {
        // another node made it in the meantime
        digest = Optional.empty();
      } catch (RuntimeException e) {
        log.warn("Could not make the digest of {} for {}", username, day, e);
        digest = Optional.empty();
      }
      if (digest.isEmpty()) {
        skipped++;
        continue;
      }
      made++;
      Digest d = digest.get();
      if (sender != null && d.byEmail() && d.email() != null) {
        try {
          SimpleMailMessage message = new SimpleMailMessage();
          message.setFrom(from);
          message.setTo(d.email());
          message.setSubject(d.subject());
          message.setText(d.body());
          sender.send(message);
          calendars.markEmailed(d.id());
          emailed++;
        } catch (MailException e) {
          // kept as a notification all the same; the e-mail is not tried again
          log.warn("Could not e-mail the digest of {} for {}: {}", username, day, e.getMessage());
        }
      }
    }
    return new RunReport(day, made, emailed, skipped);
  }
}

package org.entente.calendars;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import org.entente.meetings.MeetingViews.ActionItemView;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.roadmaps.RoadmapViews.DueMilestone;
import org.entente.shared.LocalizedText;
import org.entente.shared.Printable;

/**
 * Writes a calendar as iCalendar (RFC 5545) with ical4j: meetings as timed events in the zone the
 * viewer sees them in, with a VTIMEZONE for every zone used (from ical4j's bundled zone data, never
 * fetched: see {@code ical4j.properties}); action items and milestones as all-day events on their
 * due date, which every calendar program shows (many ignore VTODO).
 */
final class IcsFeed {

  static final String PRODUCT = "-//Entente//Calendars 1.0//EN";

  /** ical4j's bundled zone definitions, loaded once. */
  private static final TimeZoneRegistry ZONES =
      TimeZoneRegistryFactory.getInstance().createRegistry();

  private IcsFeed() {}

  /**
   * What the feed says in words, in its reader's language: {@code message} a sentence of the
   * bundles, {@code text} a record's text in that language (marked where it is in another).
   */
  record Words(BiFunction<String, Object[], String> message, Function<LocalizedText, String> text) {

    String say(String key, Object... arguments) {
      return message.apply(key, arguments);
    }
  }

  static String render(
      String name,
      List<MeetingView> meetings,
      List<ActionItemView> actionItems,
      List<DueMilestone> milestones,
      Instant now,
      Words words) {
    Calendar calendar = new Calendar().withProdId(PRODUCT).withDefaults().getFluentTarget();
    calendar.add(new XProperty("X-WR-CALNAME", Printable.text(name)));
    Set<ZoneId> zones = new LinkedHashSet<>();
    List<VEvent> events = new java.util.ArrayList<>();
    for (MeetingView m : meetings) {
      Temporal start = local(m.startsForViewer(), zones);
      Temporal end = local(m.endsForViewer(), zones);
      VEvent event = new VEvent(start, end, Printable.text(words.text().apply(m.title())));
      event.add(new Uid("meeting-" + m.id() + "@entente"));
      event.replace(new DtStamp(now));
      String place = m.place() == null ? (m.online() ? words.say("feed.online") : null) : m.place();
      if (place != null) {
        event.add(new Location(Printable.text(place)));
      }
      event.add(
          new Description(
              Printable.text(
                  words.say(
                      "feed.meeting.description",
                      m.bodyName(),
                      m.charterKey(),
                      words.say("meeting.status." + m.status()),
                      zone(m)))));
      event.add(
          new Status(
              switch (m.status()) {
                case "cancelled" -> "CANCELLED";
                case "postponed" -> "TENTATIVE";
                default -> "CONFIRMED";
              }));
      events.add(event);
    }
    for (ActionItemView a : actionItems) {
      events.add(
          allDay(
              "action-item-" + a.id(),
              words.say("feed.actionItem.summary", words.text().apply(a.title())),
              a.dueOn(),
              words.say(
                  "feed.actionItem.description",
                  words.text().apply(a.meetingTitle()),
                  a.charterKey()),
              now));
    }
    for (DueMilestone m : milestones) {
      events.add(
          allDay(
              "milestone-" + m.id(),
              words.say("feed.milestone.summary", words.text().apply(m.title())),
              m.plannedEnd(),
              words.say(
                  "feed.milestone.description",
                  words.text().apply(m.groupName()),
                  m.charterKey(),
                  words.say("milestoneEdit.status." + m.status())),
              now));
    }
    for (ZoneId zone : zones) {
      TimeZone tz = ZONES.getTimeZone(zone.getId());
      calendar.add(tz.getVTimeZone());
    }
    events.forEach(calendar::add);
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String zone(MeetingView m) {
    return m.shownIn().getId();
  }

  /**
   * A time in its zone when ical4j knows the zone (noting it for its VTIMEZONE), otherwise the same
   * instant in UTC, which needs none.
   */
  private static Temporal local(ZonedDateTime time, Set<ZoneId> zones) {
    ZoneId zone = time.getZone();
    if (!(zone instanceof ZoneOffset) && known(zone)) {
      zones.add(zone);
      return time;
    }
    return time.withZoneSameInstant(ZoneOffset.UTC).toInstant();
  }

  private static boolean known(ZoneId zone) {
    try {
      return ZONES.getTimeZone(zone.getId()) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static VEvent allDay(
      String uid, String summary, LocalDate day, String description, Instant now) {
    VEvent event = new VEvent(day, day.plusDays(1), Printable.text(summary));
    event.add(new Uid(uid + "@entente"));
    event.replace(new DtStamp(now));
    event.add(new Description(Printable.text(description)));
    return event;
  }
}

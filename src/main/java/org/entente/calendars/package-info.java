/**
 * Calendars and reminders: a person's own calendar (the meetings they may see, their due action
 * items, the due milestones of their groups) and a working group's calendar, as iCalendar feeds
 * behind a revocable secret URL, each request seeing what the person may see at that moment; and a
 * daily digest of charter deadlines, action items and milestones due soon or overdue, kept as an
 * in-app notification and sent by e-mail when a mail server is configured, with each person's
 * preferences. {@link org.entente.calendars.Calendars} is the module's one entry point.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Calendars and reminders",
    allowedDependencies = {
      "audit",
      "charter",
      "identity",
      "languages",
      "meetings",
      "obligations",
      "roadmaps",
      "shared"
    })
package org.entente.calendars;

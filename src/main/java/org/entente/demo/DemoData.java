package org.entente.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.concurrence.Agreements;
import org.entente.identity.Accounts;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.meetings.Meetings;
import org.entente.projects.Projects;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Loads the demo's illustrative dataset on top of the real default charter, through the modules'
 * services as the sample accounts themselves (so the audit trail names who did what), never by SQL:
 * the sample accounts ({@link DemoAccounts}), a project and roadmap per working group ({@link
 * DemoRoadmaps}), a held meeting ({@link DemoMeeting}), and that group's project list and roadmap
 * agreed and published by both co-chairs ({@link DemoPublication}). Every record it makes is
 * labelled "[Demo]" (English) and "[Nümunə]" (Azerbaijani). Loading again adds nothing: each record
 * is looked up by its key or title first. The sample accounts get new random passwords at every
 * start, printed once in the log.
 *
 * <p>It loads when the application is ready, before the application accepts requests ({@link
 * DemoReadiness} answers 503 until then); the demo makes its own accounts, so the demo profile
 * prints no first-start setup link ({@code application-demo.yaml}).
 */
@Component
@Profile(DemoData.PROFILE)
class DemoData {

  static final String PROFILE = "demo";

  /** The label of every demo record, in English. */
  static final String LABEL = "[Demo]";

  /** The label of every demo record, in Azerbaijani. */
  static final String LABEL_AZ = "[Nümunə]";

  static final String MEETING = LABEL + " Working group annual meeting (illustrative)";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  /** A sample account and the password it was given at this start. */
  record Credential(String role, String username, String password) {}

  /** What one load did. */
  record Report(String charter, int created, List<Credential> credentials) {}

  private final Charters charters;
  private final DemoAccounts samples;
  private final DemoRoadmaps roadmaps;
  private final DemoMeeting meeting;
  private final DemoPublication publication;
  private final String charter;
  private final String baseUrl;

  DemoData(
      Accounts accounts,
      Viewers viewers,
      Charters charters,
      Projects projects,
      Roadmaps roadmaps,
      Meetings meetings,
      Agreements agreements,
      Clock clock,
      @Value("${entente.default-charter:az-us-2026}") String charter,
      @Value("${entente.base-url:http://localhost:${server.port:8080}}") String baseUrl) {
    this.charters = charters;
    this.samples = new DemoAccounts(accounts, viewers);
    this.roadmaps = new DemoRoadmaps(charters, projects, roadmaps, samples, clock, charter);
    this.meeting = new DemoMeeting(meetings, agreements, projects, samples, clock, charter);
    this.publication = new DemoPublication(agreements, samples, charter);
    this.charter = charter;
    this.baseUrl = baseUrl;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    load();
  }

  /** Loads what is missing of the dataset, renews the sample passwords and prints them. */
  Report load() {
    int[] created = {0};
    if (charters.idOf(CharterKey.of(charter)).isEmpty()) {
      // the sample accounts all the same: the demo prints no setup link
      List<Credential> credentials = samples.ensure(charter, List.of(), created);
      log.warn("Demo: the charter '{}' is not loaded, so there is no demo data.", charter);
      print(credentials);
      return new Report(charter, created[0], List.copyOf(credentials));
    }
    List<WorkingGroupView> groups =
        charters.workingGroups(CharterKey.of(charter), null, Viewer.ANONYMOUS);
    List<Credential> credentials = samples.ensure(charter, groups, created);
    try {
      for (WorkingGroupView group : groups) {
        created[0] += roadmaps.roadmap(group);
      }
      created[0] += meeting.meeting(groups);
      WorkingGroupView published = DemoMeeting.group(groups);
      if (published != null) {
        created[0] += publication.publish(published);
      }
    } finally {
      SecurityContextHolder.clearContext();
    }
    print(credentials);
    return new Report(charter, created[0], List.copyOf(credentials));
  }

  private void print(List<Credential> credentials) {
    StringBuilder block = new StringBuilder();
    String rule = "=".repeat(96);
    block.append('\n').append(rule).append('\n');
    block.append("  ENTENTE DEMO: the data marked ").append(LABEL).append(" / ").append(LABEL_AZ);
    block.append(" is ILLUSTRATIVE, on top of the real charter ").append(charter).append('\n');
    block
        .append("  Sign in at ")
        .append(baseUrl)
        .append("/login with one of these sample accounts");
    block.append(" (new passwords at every start):\n\n");
    block.append(String.format("  %-52s %-24s %s%n", "role", "user name", "password"));
    for (Credential c : credentials) {
      block.append(String.format("  %-52s %-24s %s%n", c.role(), c.username(), c.password()));
    }
    block.append(rule).append('\n');
    log.warn("{}", block);
  }

  static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /** A demo text in both languages, each with its label. */
  static Map<String, String> text(String en, String az) {
    Map<String, String> text = new LinkedHashMap<>();
    text.put("en", LABEL + " " + en);
    text.put("az", LABEL_AZ + " " + az);
    return text;
  }
}

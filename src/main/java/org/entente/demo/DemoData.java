package org.entente.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.concurrence.Agreements;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.meetings.MeetingInputs.ActionItemInput;
import org.entente.meetings.MeetingInputs.AgendaItemInput;
import org.entente.meetings.MeetingInputs.DecisionInput;
import org.entente.meetings.MeetingInputs.MeetingChange;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.MeetingInputs.StatementDraft;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.Meetings;
import org.entente.projects.ProjectInput;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.roadmaps.MilestoneInput;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.Roadmaps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Loads the demo's illustrative dataset on top of the real default charter, through the modules'
 * services as the sample accounts themselves (so the audit trail names who did what), never by SQL.
 * Every record it makes is labelled "[Demo]" (English) and "[Nümunə]" (Azerbaijani). Loading again
 * adds nothing: each record is looked up by its key or title first. The sample accounts get new
 * random passwords at every start, printed once in the log.
 */
@Component
@Profile(DemoData.PROFILE)
class DemoData {

  static final String PROFILE = "demo";

  /** The label of every demo record, in English. */
  static final String LABEL = "[Demo]";

  /** The label of every demo record, in Azerbaijani. */
  static final String LABEL_AZ = "[Nümunə]";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  /** A sample account and the password it was given at this start. */
  record Credential(String role, String username, String password) {}

  /** What one load did. */
  record Report(String charter, int created, List<Credential> credentials) {}

  /** A sample account: what it stands for, and how it is made. */
  private record Sample(
      String role,
      String username,
      String displayName,
      String party,
      String organization,
      Role grant,
      boolean clearance,
      Predicate<WorkingGroupView> memberOf,
      boolean chairs) {}

  private final Accounts accounts;
  private final Viewers viewers;
  private final Charters charters;
  private final Projects projects;
  private final Roadmaps roadmaps;
  private final Meetings meetings;
  private final Agreements agreements;
  private final Clock clock;
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
    this.accounts = accounts;
    this.viewers = viewers;
    this.charters = charters;
    this.projects = projects;
    this.roadmaps = roadmaps;
    this.meetings = meetings;
    this.agreements = agreements;
    this.clock = clock;
    this.charter = charter;
    this.baseUrl = baseUrl;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    load();
  }

  /** Loads what is missing of the dataset, renews the sample passwords and prints them. */
  Report load() {
    if (charters.idOf(charter).isEmpty()) {
      log.warn("Demo: the charter '{}' is not loaded, so there is no demo data.", charter);
      return new Report(charter, 0, List.of());
    }
    int[] created = {0};
    List<WorkingGroupView> groups = charters.workingGroups(charter, null, Viewer.ANONYMOUS);
    List<Credential> credentials = new ArrayList<>();
    for (Sample sample : samples()) {
      String password = password();
      if (accounts.find(sample.username()).isPresent()) {
        accounts.resetPassword(sample.username(), password);
      } else {
        accounts.create(
            new Accounts.NewAccount(
                sample.username(),
                sample.displayName(),
                sample.party(),
                sample.organization(),
                EnumSet.of(sample.grant()),
                sample.clearance(),
                password,
                groups.stream()
                    .filter(sample.memberOf())
                    .map(g -> new MembershipInput(charter, g.key(), sample.chairs()))
                    .toList()));
        created[0]++;
      }
      credentials.add(new Credential(sample.role(), sample.username(), password));
    }
    try {
      for (WorkingGroupView group : groups) {
        created[0] += roadmap(group);
      }
      created[0] += meeting(groups);
    } finally {
      SecurityContextHolder.clearContext();
    }
    print(credentials);
    return new Report(charter, created[0], List.copyOf(credentials));
  }

  // ------------------------------------------------------------------ accounts

  private static List<Sample> samples() {
    Predicate<WorkingGroupView> none = g -> false;
    List<Sample> samples = new ArrayList<>();
    samples.add(
        new Sample(
            "Administrator",
            "demo.admin",
            LABEL + " Administrator",
            null,
            null,
            Role.ADMINISTRATOR,
            false,
            none,
            false));
    for (String party : List.of("AZ", "US")) {
      String p = party.toLowerCase(java.util.Locale.ROOT);
      String side = party.equals("AZ") ? "Azerbaijan" : "United States";
      samples.add(
          new Sample(
              "Account manager (coordinator), " + party,
              "demo." + p + ".coordinator",
              LABEL + " Coordinator, " + side,
              party,
              LABEL + " Foreign ministry, " + side,
              Role.COORDINATOR,
              false,
              none,
              false));
      samples.add(
          new Sample(
              "Security officer (gives clearance), " + party,
              "demo." + p + ".security",
              LABEL + " Security officer, " + side,
              party,
              LABEL + " Security service, " + side,
              Role.SECURITY_OFFICER,
              false,
              none,
              false));
      samples.add(
          new Sample(
              "Co-chair of every working group, " + party + ", cleared",
              "demo." + p + ".cochair",
              LABEL + " Co-chair, " + side,
              party,
              LABEL + " Foreign ministry, " + side,
              Role.CO_CHAIR,
              true,
              g -> true,
              true));
      samples.add(
          new Sample(
              "Secretariat member, " + party,
              "demo." + p + ".secretariat",
              LABEL + " Secretariat, " + side,
              party,
              LABEL + " Secretariat, " + side,
              Role.MEMBER,
              false,
              g -> !g.restricted(),
              false));
      samples.add(
          new Sample(
              "Official (observer, energy), " + party,
              "demo." + p + ".official",
              LABEL + " Official, " + side,
              party,
              LABEL + " Energy ministry, " + side,
              Role.OBSERVER,
              false,
              g -> g.key().contains("energy"),
              false));
    }
    samples.add(
        new Sample(
            "Invited company (contributor, connectivity)",
            "demo.company",
            LABEL + " Caspian Logistics",
            null,
            LABEL + " Caspian Logistics LLC",
            Role.CONTRIBUTOR,
            false,
            g -> g.key().contains("connectivity"),
            false));
    return samples;
  }

  private static String password() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
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

  // ------------------------------------------------------------------ projects and roadmaps

  /** Acts as a sample account: the services get its viewer, the audit trail its name. */
  private Viewer as(String username) {
    Viewer viewer = viewers.of(username).orElseThrow();
    List<SimpleGrantedAuthority> authorities = new ArrayList<>();
    viewer.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
    if (viewer.party() != null) {
      authorities.add(
          new SimpleGrantedAuthority(org.entente.audit.Audit.PARTY_AUTHORITY + viewer.party()));
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new UsernamePasswordAuthenticationToken(username, null, authorities));
    SecurityContextHolder.setContext(context);
    return viewer;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  private static Map<String, String> text(String en, String az) {
    Map<String, String> text = new LinkedHashMap<>();
    text.put("en", LABEL + " " + en);
    text.put("az", LABEL_AZ + " " + az);
    return text;
  }

  /** The sample project of each kind of group, in both languages. */
  private static Map<String, String> projectTitle(String groupKey) {
    if (groupKey.contains("security")) {
      return text(
          "Humanitarian demining training centre", "Humanitar minatəmizləmə üzrə təlim mərkəzi");
    }
    if (groupKey.contains("energy")) {
      return text(
          "Green energy corridor feasibility study",
          "Yaşıl enerji dəhlizinin texniki-iqtisadi əsaslandırılması");
    }
    if (groupKey.contains("connectivity") || groupKey.contains("digital")) {
      return text("Trans-Caspian fibre link", "Transxəzər fiber-optik rabitə xətti");
    }
    if (groupKey.contains("trade") || groupKey.contains("econom")) {
      return text("Single window for trade documents", "Ticarət sənədləri üçün vahid pəncərə");
    }
    return text("Joint pilot project", "Birgə pilot layihə");
  }

  /** A project and four milestones in a group: one done, one late, one soon, one later. */
  private int roadmap(WorkingGroupView group) {
    int created = 0;
    // the restricted group is for cleared people: its co-chairs are; its secretariat is not
    Viewer viewer = as(group.restricted() ? "demo.az.cochair" : "demo.az.secretariat");
    String key = "demo-" + group.key().replaceFirst("^wg-", "");
    List<ProjectView> existing = projects.list(charter, group.key(), viewer);
    if (existing.stream().noneMatch(p -> p.key().equals(key))) {
      projects.create(
          charter,
          group.key(),
          new ProjectInput(
              key,
              projectTitle(group.key()),
              text(
                  "An illustrative project: not a real commitment of either party.",
                  "Nümunə layihə: heç bir tərəfin real öhdəliyi deyil."),
              commitment(group, viewer),
              Map.of("AZ", LABEL + " Lead agency, Azerbaijan", "US", LABEL + " Lead agency, U.S."),
              List.of(),
              List.of(),
              null,
              null),
          viewer);
      created++;
    }
    LocalDate t = today();
    List<String> have =
        roadmaps.roadmap(charter, group.key(), viewer).milestones().stream()
            .map(MilestoneView::key)
            .toList();
    record Step(
        String suffix,
        String en,
        String az,
        LocalDate start,
        LocalDate end,
        String status,
        List<String> after) {}
    List<Step> steps =
        List.of(
            new Step(
                "scoping",
                "Scoping report agreed",
                "İlkin hesabat razılaşdırıldı",
                t.minusDays(200),
                t.minusDays(120),
                "done",
                List.of()),
            new Step(
                "design",
                "Detailed design",
                "Ətraflı layihələndirmə",
                t.minusDays(100),
                t.minusDays(10),
                "in-progress",
                List.of("scoping")),
            new Step(
                "pilot",
                "Pilot phase starts",
                "Pilot mərhələnin başlanması",
                t.plusDays(5),
                t.plusDays(20),
                "not-started",
                List.of("design")),
            new Step(
                "review",
                "Joint review of results",
                "Nəticələrin birgə nəzərdən keçirilməsi",
                t.plusDays(60),
                t.plusDays(120),
                "not-started",
                List.of("pilot")));
    for (Step s : steps) {
      String milestone = key + "-" + s.suffix();
      if (have.contains(milestone)) {
        continue;
      }
      boolean done = s.status().equals("done");
      roadmaps.add(
          charter,
          group.key(),
          new MilestoneInput(
              milestone,
              text(s.en(), s.az()),
              LABEL + " Lead agency, Azerbaijan",
              s.start(),
              s.end(),
              done || s.status().equals("in-progress") ? s.start() : null,
              done ? s.end() : null,
              s.status(),
              key,
              s.after().stream().map(a -> key + "-" + a).toList(),
              null,
              null),
          viewer);
      created++;
    }
    return created;
  }

  /** The commitment the group's sample project serves: one that names the fewest areas. */
  private List<String> commitment(WorkingGroupView group, Viewer viewer) {
    return charters.workingGroup(charter, group.key(), viewer).commitments().stream()
        .min(Comparator.comparingInt((CommitmentView c) -> c.areas().size()))
        .map(c -> List.of(c.key()))
        .orElse(List.of());
  }

  // ------------------------------------------------------------------ a held meeting

  static final String MEETING = LABEL + " Working group annual meeting (illustrative)";

  /**
   * A held meeting of the first group that is not restricted, with an agenda, decisions, action
   * items and a joint statement both co-chairs agreed to publish.
   */
  private int meeting(List<WorkingGroupView> groups) {
    WorkingGroupView group = groups.stream().filter(g -> !g.restricted()).findFirst().orElse(null);
    if (group == null) {
      return 0;
    }
    Viewer secretariat = as("demo.az.secretariat");
    LocalDate t = today();
    boolean there =
        meetings
            .meetings(
                charter,
                t.minusYears(5).atStartOfDay(ZoneOffset.UTC).toInstant(),
                t.plusYears(5).atStartOfDay(ZoneOffset.UTC).toInstant(),
                secretariat)
            .stream()
            .anyMatch(m -> m.title().equals(MEETING));
    if (there) {
      return 0;
    }
    LocalDate day = t.minusDays(14);
    MeetingView meeting =
        meetings.schedule(
            charter,
            new MeetingInput(
                "working-group",
                group.key(),
                MEETING,
                LocalDateTime.of(day, LocalTime.of(10, 0)),
                LocalDateTime.of(day, LocalTime.of(13, 0)),
                "Asia/Baku",
                LABEL + " Baku",
                false,
                null,
                List.of()),
            secretariat);
    String key = "demo-" + group.key().replaceFirst("^wg-", "");
    java.util.UUID project =
        projects.list(charter, group.key(), secretariat).stream()
            .filter(p -> p.key().equals(key))
            .map(ProjectView::id)
            .findFirst()
            .orElse(null);
    meeting =
        meetings.addAgendaItem(
            meeting.id(),
            new AgendaItemInput(LABEL + " Progress of the sample project", null, project, null),
            secretariat);
    java.util.UUID agendaItem = meeting.agenda().get(0).id();
    Viewer usChair = as("demo.us.cochair");
    meetings.addDecision(
        meeting.id(),
        new DecisionInput(
            LABEL + " The working group endorses the scoping report of the sample project.",
            agendaItem),
        usChair);
    meetings.addDecision(
        meeting.id(),
        new DecisionInput(LABEL + " The pilot phase starts as planned.", agendaItem),
        usChair);
    meetings.addActionItem(
        meeting.id(),
        new ActionItemInput(
            LABEL + " Share the draft data standard", null, "demo.us.secretariat", t.minusDays(3)),
        usChair);
    meetings.addActionItem(
        meeting.id(),
        new ActionItemInput(
            LABEL + " Circulate the pilot plan", null, "demo.az.secretariat", t.plusDays(10)),
        usChair);
    secretariat = as("demo.az.secretariat");
    long version = meetings.meeting(meeting.id(), secretariat).version();
    meetings.change(
        meeting.id(),
        new MeetingChange(
            version,
            null,
            null,
            null,
            null,
            null,
            null,
            "held",
            "<p>" + LABEL + " Illustrative minutes: both parties reviewed the sample project.</p>"),
        secretariat);
    Viewer azChair = as("demo.az.cochair");
    meetings.draftStatement(
        meeting.id(),
        new StatementDraft(
            LABEL
                + " Illustrative joint statement: the working group met, reviewed its sample"
                + " project and agreed on the next steps. This text is sample data, not a statement"
                + " of either government.",
            true,
            null),
        azChair);
    String statement = meeting.id().toString();
    agreements.submit(Meetings.JOINT_STATEMENT, charter, statement, azChair);
    agreements.approve(Meetings.JOINT_STATEMENT, charter, statement, 1, azChair);
    agreements.approve(Meetings.JOINT_STATEMENT, charter, statement, 1, as("demo.us.cochair"));
    return 1;
  }

  /** The user names of the sample accounts. */
  static Set<String> usernames() {
    Set<String> names = new java.util.LinkedHashSet<>();
    samples().forEach(s -> names.add(s.username()));
    return names;
  }
}

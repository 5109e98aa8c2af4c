package org.entente.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.entente.concurrence.Agreements;
import org.entente.concurrence.Agreements.Step;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.meetings.MeetingInputs.MeetingChange;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.MeetingInputs.StatementDraft;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.Meetings;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.obligations.Obligations;
import org.entente.projects.ProjectInput;
import org.entente.projects.Projects;
import org.entente.shared.CharterKey;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.MutableClock;
import org.entente.testing.People;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public side never contradicts the records, over generated histories of the energy group: its
 * co-chairs agree its project list, publish an agreed version, withdraw the published one (one
 * party, at once), reopen the list, hold meetings, publish a meeting's joint statement and reopen
 * it, on days a seeded generator picks (reopening a statement unpublishes it). After every step:
 *
 * <ul>
 *   <li>the project-list obligation is met on the day of the first agreement, for the co-chairs and
 *       in their report; for the public, on the public deadlines and in the public report, on that
 *       same day once a version is published, and not before;
 *   <li>a meeting held in the period counts in every figure of the period: the co-chairs' report
 *       and annual-meeting obligation count every held meeting; the public report, its group
 *       section and the public annual-meeting obligation count exactly those whose statement is
 *       published;
 *   <li>a published record is in every public list it belongs to: the published list's projects on
 *       the portal's group page, a published statement on the portal, in the public report and in
 *       the public statements API; an unpublished one in none.
 * </ul>
 *
 * A failing seed names itself in the test's name, so that it can be run again alone.
 */
@EntenteTest
@CleanAfterEachTest
class PublicConsistencyPropertyTest {

  static final CharterKey CHARTER = CharterKey.of(People.CHARTER);
  static final String ENERGY = "wg-energy";

  /** Steps per history: at most 25 days apart from 2026-02-20, so all within 2026. */
  static final int STEPS = 12;

  @Autowired People people;
  @Autowired Viewers viewers;
  @Autowired MockMvc mvc;
  @Autowired MutableClock clock;
  @Autowired Projects projects;
  @Autowired Meetings meetings;
  @Autowired Agreements agreements;
  @Autowired Obligations obligations;
  @Autowired Portal portal;

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 10).mapToObj(seed -> seed * 7919);
  }

  /** What the history did, as the test keeps it: the expected side of every check. */
  static final class History {
    final List<LocalDate> agreedOn = new ArrayList<>();
    final Map<Integer, Set<String>> keysOf = new LinkedHashMap<>();
    final Set<String> keys = new LinkedHashSet<>();
    Integer lastAgreed;
    boolean agreedNow;
    Integer published;
    boolean withdrawn;
    final List<Held> held = new ArrayList<>();
  }

  /** A held meeting and where its statement stands: none, published, reopened (unpublished). */
  static final class Held {
    final UUID id;
    final String title;
    final LocalDate day;
    String statement = "none";

    Held(UUID id, String title, LocalDate day) {
      this.id = id;
      this.title = title;
      this.day = day;
    }

    boolean published() {
      return statement.equals("published");
    }
  }

  enum Action {
    AGREE_LIST,
    PUBLISH_LIST,
    WITHDRAW_LIST,
    REOPEN_LIST,
    HOLD_MEETING,
    PUBLISH_STATEMENT,
    REOPEN_STATEMENT
  }

  Viewer us;
  Viewer az;
  String usToken;

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void thePublicSideSaysWhatThePublishedRecordsSay(long seed) throws Exception {
    usToken =
        people
            .person("us.energy")
            .party("US")
            .role(Role.CO_CHAIR)
            .chairs(People.CHARTER, ENERGY)
            .create();
    people
        .person("az.energy")
        .party("AZ")
        .role(Role.CO_CHAIR)
        .chairs(People.CHARTER, ENERGY)
        .createAccount();
    us = viewers.of("us.energy").orElseThrow();
    az = viewers.of("az.energy").orElseThrow();

    Random random = new Random(seed);
    History h = new History();
    LocalDate day = LocalDate.of(2026, 2, 20);
    List<String> done = new ArrayList<>();
    for (int i = 0; i < STEPS; i++) {
      day = day.plusDays(1 + random.nextInt(25));
      clock.set(day);
      List<Action> possible = Stream.of(Action.values()).filter(a -> possible(h, a)).toList();
      Action action = possible.get(random.nextInt(possible.size()));
      apply(action, h, day, i);
      done.add(day + " " + action);
      check(h, String.join(", ", done));
    }
  }

  /** Whether the action can be done now. */
  private static boolean possible(History h, Action action) {
    return switch (action) {
      case AGREE_LIST -> !h.agreedNow;
      case PUBLISH_LIST -> h.lastAgreed != null && !h.lastAgreed.equals(h.published);
      case WITHDRAW_LIST -> h.published != null;
      case REOPEN_LIST -> h.agreedNow;
      case HOLD_MEETING -> true;
      case PUBLISH_STATEMENT -> h.held.stream().anyMatch(m -> m.statement.equals("none"));
      case REOPEN_STATEMENT -> h.held.stream().anyMatch(Held::published);
    };
  }

  private void apply(Action action, History h, LocalDate day, int step) {
    switch (action) {
      case AGREE_LIST -> {
        String key = "energy-project-" + step;
        projects.create(
            CHARTER,
            ENERGY,
            new ProjectInput(
                key,
                Map.of("en", "Energy project " + step),
                null,
                List.of("oil-gas-electricity"),
                null,
                null,
                null,
                null,
                null),
            us);
        h.keys.add(key);
        int version =
            agreements.submit(Projects.PROJECT_LIST, CHARTER, ENERGY, us).currentVersion();
        agreements.approve(Projects.PROJECT_LIST, CHARTER, ENERGY, version, us);
        agreements.approve(Projects.PROJECT_LIST, CHARTER, ENERGY, version, az);
        h.agreedOn.add(day);
        h.keysOf.put(version, Set.copyOf(h.keys));
        h.lastAgreed = version;
        h.agreedNow = true;
      }
      case PUBLISH_LIST -> {
        step(Projects.PROJECT_LIST, ENERGY, Step.PUBLISH, h.lastAgreed, az);
        step(Projects.PROJECT_LIST, ENERGY, Step.APPROVE_PUBLICATION, h.lastAgreed, us);
        step(Projects.PROJECT_LIST, ENERGY, Step.APPROVE_PUBLICATION, h.lastAgreed, az);
        h.published = h.lastAgreed;
        h.withdrawn = false;
      }
      case WITHDRAW_LIST -> {
        agreements.step(
            Projects.PROJECT_LIST,
            CHARTER,
            ENERGY,
            Step.WITHDRAW,
            null,
            "published by mistake",
            step % 2 == 0 ? us : az);
        h.published = null;
        h.withdrawn = true;
      }
      case REOPEN_LIST -> {
        step(Projects.PROJECT_LIST, ENERGY, Step.REOPEN, null, az);
        h.agreedNow = false;
      }
      case HOLD_MEETING -> {
        String title = "Energy working group, meeting " + step;
        LocalDateTime start = day.minusDays(1).atTime(9, 0);
        MeetingView m =
            meetings.schedule(
                CHARTER,
                new MeetingInput(
                    "working-group",
                    ENERGY,
                    title,
                    start,
                    start.plusHours(3),
                    "UTC",
                    "Baku",
                    false,
                    null,
                    List.of()),
                az);
        meetings.change(
            m.id(),
            new MeetingChange(m.version(), null, null, null, null, null, null, "held", null),
            az);
        h.held.add(new Held(m.id(), title, start.toLocalDate()));
      }
      case PUBLISH_STATEMENT -> {
        Held m = h.held.stream().filter(x -> x.statement.equals("none")).findFirst().orElseThrow();
        meetings.draftStatement(
            m.id,
            StatementDraft.of(
                Map.of("en", "Statement of " + m.title, "az", "Bəyanat: " + m.title), true, null),
            az);
        String key = m.id.toString();
        int version = agreements.submit(Meetings.JOINT_STATEMENT, null, key, az).currentVersion();
        agreements.approve(Meetings.JOINT_STATEMENT, null, key, version, az);
        agreements.approve(Meetings.JOINT_STATEMENT, null, key, version, us);
        m.statement = "published";
      }
      case REOPEN_STATEMENT -> {
        Held m = h.held.stream().filter(Held::published).findFirst().orElseThrow();
        step(Meetings.JOINT_STATEMENT, m.id.toString(), Step.REOPEN, null, us);
        m.statement = "reopened";
      }
    }
  }

  private void step(String type, String key, Step step, Integer version, Viewer viewer) {
    agreements.step(
        type,
        type.equals(Meetings.JOINT_STATEMENT) ? null : CHARTER,
        key,
        step,
        version,
        null,
        viewer);
  }

  private void check(History h, String history) throws Exception {
    LocalDate agreed = h.agreedOn.isEmpty() ? null : h.agreedOn.get(0);
    LocalDate publiclyAgreed = h.published == null ? null : agreed;
    List<Held> publiclyHeld = h.held.stream().filter(Held::published).toList();

    // An obligation met by an agreement: met on the same day wherever it shows.
    assertThat(status(us, "wg-project-list").metOn()).as(history).isEqualTo(agreed);
    assertThat(status(Viewer.ANONYMOUS, "wg-project-list").metOn())
        .as(history)
        .isEqualTo(publiclyAgreed);
    String internal = report("internal");
    String open = report("public");
    assertThat(reportMetOn(internal, "wg-project-list")).as(history).isEqualTo(agreed);
    assertThat(reportMetOn(open, "wg-project-list")).as(history).isEqualTo(publiclyAgreed);

    // A meeting held in the period counts in every figure of the period.
    assertThat(status(us, "wg-meeting").lastMetOn()).as(history).isEqualTo(last(h.held));
    assertThat(status(Viewer.ANONYMOUS, "wg-meeting").lastMetOn())
        .as(history)
        .isEqualTo(last(publiclyHeld));
    assertThat((Integer) JsonPath.read(internal, "$.summary.meetingsHeld"))
        .as(history)
        .isEqualTo(h.held.size());
    assertThat((Integer) JsonPath.read(open, "$.summary.meetingsHeld"))
        .as(history)
        .isEqualTo(publiclyHeld.size());
    List<String> groupMeetings =
        JsonPath.read(open, "$.workingGroups[?(@.key == 'wg-energy')].meetings[*].title.en");
    assertThat(groupMeetings).as(history).containsExactlyInAnyOrderElementsOf(titles(publiclyHeld));

    // A published record is in every public list it belongs to, an unpublished one in none.
    List<String> inReport = JsonPath.read(open, "$.statements[*].meetingTitle.en");
    assertThat(inReport).as(history).containsExactlyInAnyOrderElementsOf(titles(publiclyHeld));
    assertThat(portal.statements(CHARTER))
        .extracting(s -> s.statement().meetingTitle().text())
        .as(history)
        .containsExactlyInAnyOrderElementsOf(titles(publiclyHeld));
    List<String> fromApi =
        JsonPath.read(
            anonymous(get("/api/charters/az-us-2026/statements")), "$[*].meetingTitle.en");
    assertThat(fromApi).as(history).containsExactlyInAnyOrderElementsOf(titles(publiclyHeld));
    Portal.Group group =
        portal.workingGroups(CHARTER).stream()
            .filter(g -> g.group().key().equals(ENERGY))
            .findFirst()
            .orElseThrow();
    assertThat(group.listVersion()).as(history).isEqualTo(h.published);
    assertThat(group.listWithdrawn() != null).as(history).isEqualTo(h.withdrawn);
    List<String> openData =
        JsonPath.read(
            anonymous(get("/api/charters/az-us-2026/open-data.json")),
            "$.projects[?(@.workingGroup == 'wg-energy')].key");
    assertThat(openData)
        .as(history)
        .containsExactlyInAnyOrderElementsOf(
            h.published == null ? Set.of() : h.keysOf.get(h.published));
    assertThat(group.projects())
        .extracting(p -> p.key())
        .as(history)
        .containsExactlyInAnyOrderElementsOf(
            h.published == null ? Set.of() : h.keysOf.get(h.published));
  }

  private static List<String> titles(List<Held> held) {
    return held.stream().map(m -> m.title).toList();
  }

  private static LocalDate last(List<Held> held) {
    return held.stream().map(m -> m.day).max(Comparator.naturalOrder()).orElse(null);
  }

  private ObligationStatus status(Viewer viewer, String rule) {
    List<ObligationStatus> found =
        (viewer == Viewer.ANONYMOUS
                ? portal.deadlines(CHARTER)
                : obligations.deadlines(CHARTER, null, null, "due", viewer))
            .obligations().stream()
                .filter(o -> o.rule().equals(rule) && o.subject().equals(ENERGY))
                .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  /** The met day of the energy group's deadline of this rule due in 2026, as a report says it. */
  private static LocalDate reportMetOn(String report, String rule) {
    List<Map<String, Object>> rows =
        JsonPath.read(
            report, "$.deadlines[?(@.rule == '" + rule + "' && @.subject == '" + ENERGY + "')]");
    assertThat(rows).hasSize(1);
    Object metOn = rows.get(0).get("metOn");
    return metOn == null ? null : LocalDate.parse((String) metOn);
  }

  private String report(String version) throws Exception {
    MockHttpServletRequestBuilder request =
        get("/api/charters/az-us-2026/report").param("year", "2026").param("version", version);
    if (version.equals("internal")) {
      request.header("Authorization", "Bearer " + usToken);
    }
    String json = anonymous(request);
    assertThat((String) JsonPath.read(json, "$.version")).isEqualTo(version);
    return json;
  }

  private String anonymous(MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return response.getContentAsString();
  }
}

package org.entente.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.testing.People;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The walks of {@link ApiPageParityTest}, one per API route that has a form: the same change made
 * through the API and through the form, and what each left compared.
 */
final class ParityScenarios {

  static final String C = People.CHARTER;

  /** The group the API changes. */
  static final String GROUP = "wg-connectivity-digital";

  /** The group the form changes, where a change to one group's record must not meet the other. */
  static final String OTHER_GROUP = "wg-energy";

  private ParityScenarios() {}

  /** One walk. */
  @FunctionalInterface
  interface Scenario {
    void walk(Parity p, World world) throws Exception;
  }

  /**
   * What the walks share besides the person: the person's twin (same party, roles and groups, with
   * a token and a session of their own) makes the form's change to what is the person's own, such
   * as their calendars and reminder settings.
   */
  record World(MockMvc mvc, People people, Parity twin) {}

  /** Every walk, by the API route it walks. */
  static Map<String, Scenario> all() {
    Map<String, Scenario> all = new LinkedHashMap<>();
    all.put("POST /api/charters/{charter}/events", ParityScenarios::recordEvent);
    all.put("PATCH /api/charters/{charter}/events/{id}", ParityScenarios::correctEvent);
    all.put(
        "POST /api/charters/{charter}/working-groups/{group}/roadmap/milestones",
        ParityScenarios::addMilestone);
    all.put("POST /api/charters/{charter}/meetings", MeetingParity::schedule);
    all.put("PATCH /api/meetings/{id}", MeetingParity::change);
    all.put("POST /api/meetings/{id}/participants", MeetingParity::participant);
    all.put("POST /api/meetings/{id}/attendance", MeetingParity::attendance);
    all.put("POST /api/meetings/{id}/agenda-items", MeetingParity::agendaItem);
    all.put("POST /api/meetings/{id}/decisions", MeetingParity::decision);
    all.put("POST /api/meetings/{id}/action-items", MeetingParity::actionItem);
    all.put("PATCH /api/action-items/{id}", MeetingParity::actionItemStatus);
    all.put("POST /api/action-items/{id}/milestone", MeetingParity::milestoneFromActionItem);
    all.put("PUT /api/meetings/{id}/statement", MeetingParity::statement);
    all.put("POST /api/meetings/{id}/statement/{action}", MeetingParity::statementStep);
    all.put(
        "POST /api/charters/{charter}/working-groups/{group}/project-list/{action}",
        ParityScenarios::projectListStep);
    all.put(
        "POST /api/charters/{charter}/agreements/{type}/{key}/{action}",
        ParityScenarios::subjectStep);
    all.put("POST /api/accounts", AccountParity::createAccount);
    all.put("PATCH /api/accounts/{username}", AccountParity::changeAccount);
    all.put("POST /api/me/calendars", AccountParity::subscribe);
    all.put("DELETE /api/me/calendars/{id}", AccountParity::revoke);
    all.put("PUT /api/me/reminders", AccountParity::reminders);
    all.put("POST /api/me/notifications/{id}/read", AccountParity::readNotification);
    all.put(
        "POST /api/charters/{charter}/working-groups/{group}/projects",
        ImportParity::createProject);
    all.put(
        "POST /api/charters/{charter}/working-groups/{group}/projects/import",
        ImportParity::importProjects);
    all.put(
        "POST /api/charters/{charter}/working-groups/{group}/roadmap/import",
        ImportParity::importMilestones);
    all.put(
        "POST /api/charters/{charter}/working-groups/{group}/roadmap/{action}",
        ImportParity::roadmapStep);
    all.put("POST /api/indicators/{id}/values/import", ImportParity::importValues);
    all.put("POST /api/projects/{id}/stage", ImportParity::moveStage);
    all.put("POST /api/charters/{charter}/dialogue-platforms", MeetingParity::proposePlatform);
    return all;
  }

  // --- recorded events ---

  static final String EVENT_JSON =
      """
      {"kind":"deliverable-finalized","subject":"%s","deliverable":"roadmap",
       "occurredOn":"2026-11-02","title":"Roadmap signed off","note":"At the ministry",
       "classification":"party-internal"}
      """;

  private static String[] eventForm(String subject) {
    return new String[] {
      "kind", "deliverable-finalized",
      "subject", subject,
      "deliverable", "roadmap",
      "occurredOn", "2026-11-02",
      "title", "Roadmap signed off",
      "note", "At the ministry",
      "classification", "party-internal"
    };
  }

  static void recordEvent(Parity p, World world) throws Exception {
    Parity.Call api =
        p.api(HttpMethod.POST, "/api/charters/" + C + "/events", EVENT_JSON.formatted(GROUP));
    Parity.Call form = p.form("/charters/" + C + "/events", eventForm(OTHER_GROUP));
    p.alias(GROUP, OTHER_GROUP);
    String apiId = api.field("id");
    p.sameRecord(
        p.read("/api/charters/" + C + "/events/" + apiId),
        p.read("/api/charters/" + C + "/events/" + form.locationId()));
    p.sameEvents(api, form);
  }

  static void correctEvent(Parity p, World world) throws Exception {
    String viaApi =
        p.api(HttpMethod.POST, "/api/charters/" + C + "/events", EVENT_JSON.formatted(GROUP))
            .field("id");
    String viaForm =
        p.api(HttpMethod.POST, "/api/charters/" + C + "/events", EVENT_JSON.formatted(GROUP))
            .field("id");
    Parity.Call api =
        p.api(
            HttpMethod.PATCH,
            "/api/charters/" + C + "/events/" + viaApi,
            """
            {"title":"Roadmap approved","note":"Corrected","occurredOn":"2026-11-03",
             "classification":"bilateral","version":0}
            """);
    Parity.Call form =
        p.form(
            "/charters/" + C + "/events/" + viaForm,
            "title",
            "Roadmap approved",
            "note",
            "Corrected",
            "occurredOn",
            "2026-11-03",
            "classification",
            "bilateral",
            "version",
            "0");
    Map<String, Object> changed = p.read("/api/charters/" + C + "/events/" + viaForm);
    assertThat(changed).containsEntry("note", "Corrected").containsEntry("version", 1);
    p.sameRecord(p.read("/api/charters/" + C + "/events/" + viaApi), changed);
    p.sameEvents(api, form);
  }

  // --- roadmaps ---

  static void addMilestone(Parity p, World world) throws Exception {
    Parity.Call api =
        p.api(
            HttpMethod.POST,
            "/api/charters/" + C + "/working-groups/" + GROUP + "/roadmap/milestones",
            """
            {"key":"zx-api","title":{"en":"Route survey"},"owner":"Azerbaijan Railways",
             "plannedStart":"2027-01-10","plannedEnd":"2027-03-01","dependsOn":[],
             "classification":"bilateral"}
            """);
    Parity.Call form =
        p.form(
            "/charters/" + C + "/working-groups/" + OTHER_GROUP + "/roadmap/milestones",
            "key",
            "zx-form",
            "title_en",
            "Route survey",
            "owner",
            "Azerbaijan Railways",
            "plannedStart",
            "2027-01-10",
            "plannedEnd",
            "2027-03-01",
            "classification",
            "bilateral");
    p.alias(GROUP, OTHER_GROUP).alias("zx-api", "zx-form");
    p.sameRecord(milestone(p, GROUP, "zx-api"), milestone(p, OTHER_GROUP, "zx-form"));
    p.sameEvents(api, form);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> milestone(Parity p, String group, String key) throws Exception {
    List<Map<String, Object>> milestones =
        (List<Map<String, Object>>)
            p.read("/api/charters/" + C + "/working-groups/" + group + "/roadmap")
                .get("milestones");
    return milestones.stream()
        .filter(m -> key.equals(m.get("key")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no milestone " + key + " in " + milestones));
  }

  // --- agreements ---

  /** A project in each of the two groups, so that each has a list to agree. */
  static void projects(Parity p) throws Exception {
    for (String group : List.of(GROUP, OTHER_GROUP)) {
      p.api(
          HttpMethod.POST,
          "/api/charters/" + C + "/working-groups/" + group + "/projects",
          """
          {"key":"zx-%s","title":{"en":"Trans-Caspian fibre link"},
           "commitments":["energy-data-connectivity"]}
          """
              .formatted(group));
    }
    p.alias(GROUP, OTHER_GROUP);
  }

  static void projectListStep(Parity p, World world) throws Exception {
    projects(p);
    Parity.Call api =
        p.api(
            HttpMethod.POST,
            "/api/charters/" + C + "/working-groups/" + GROUP + "/project-list/submit",
            null);
    Parity.Call form =
        p.form("/charters/" + C + "/working-groups/" + OTHER_GROUP + "/project-list/submit");
    sameLists(p);
    p.sameEvents(api, form);
  }

  static void subjectStep(Parity p, World world) throws Exception {
    projects(p);
    for (String group : List.of(GROUP, OTHER_GROUP)) {
      p.api(
          HttpMethod.POST,
          "/api/charters/" + C + "/working-groups/" + group + "/project-list/submit",
          null);
    }
    Parity.Call api =
        p.api(
            HttpMethod.POST,
            "/api/charters/" + C + "/agreements/project-list/" + GROUP + "/approve",
            "{\"version\":1}");
    Parity.Call form =
        p.form(
            "/charters/" + C + "/working-groups/" + OTHER_GROUP + "/project-list/approve",
            "version",
            "1");
    sameLists(p);
    p.sameEvents(api, form);
  }

  /** The two groups' lists are the same but for what their fingerprints are over. */
  static void sameLists(Parity p) throws Exception {
    Map<String, Object> viaApi = projectList(p, GROUP);
    Map<String, Object> viaForm = projectList(p, OTHER_GROUP);
    p.aliasAt(viaApi, viaForm, "agreement", "fingerprint");
    p.sameRecord(viaApi, viaForm);
  }

  static Map<String, Object> projectList(Parity p, String group) throws Exception {
    return p.read("/api/charters/" + C + "/working-groups/" + group + "/project-list");
  }
}

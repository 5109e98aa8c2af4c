package org.entente.roadmaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent;
import org.entente.identity.Role;
import org.entente.shared.Paging;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 18: a milestone's actual dates, marking it done and editing it, on a page as through {@code
 * PUT /api/milestones/{id}}: the same rules, errors, result and audit event.
 */
@EntenteTest
@CleanAfterEachTest
class MilestoneEditPageTest {

  static final String GROUP = "/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String ROADMAP = "/api" + GROUP + "/roadmap";

  /** What a person changes: the title in both languages, the plan, done with its dates. */
  static final Map<String, String> CHANGE = new LinkedHashMap<>();

  static {
    CHANGE.put("title_en", "Survey of the route");
    CHANGE.put("title_az", "Marşrutun tədqiqi");
    CHANGE.put("owner", "Ministry of Digital Development");
    CHANGE.put("plannedStart", "2027-03-05");
    CHANGE.put("plannedEnd", "2027-05-10");
    CHANGE.put("actualStart", "2027-03-06");
    CHANGE.put("actualEnd", "2027-04-20");
    CHANGE.put("status", "done");
  }

  static final String CHANGE_JSON =
      """
      {"title":{"en":"Survey of the route","az":"Marşrutun tədqiqi"},
       "owner":"Ministry of Digital Development","plannedStart":"2027-03-05",
       "plannedEnd":"2027-05-10","actualStart":"2027-03-06","actualEnd":"2027-04-20",
       "status":"done","dependsOn":["zx-first"],"version":%d}
      """;

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired Audit audit;

  String token;
  Cookie session;

  @BeforeEach
  void member() throws Exception {
    token =
        people
            .person("us.member")
            .party("US")
            .memberOf(People.CHARTER, "wg-connectivity-digital")
            .create();
    session = login("us.member");
  }

  private Cookie login(String username) throws Exception {
    return People.session(mvc, username);
  }

  private MockHttpServletResponse api(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(
            request
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  /** Adds a milestone through the API and returns its id. */
  private String add(String key) throws Exception {
    MockHttpServletResponse r =
        api(
            post(ROADMAP + "/milestones")
                .content(
                    """
                    {"key":"%s","title":{"en":"Survey"},"plannedStart":"2026-12-01",
                     "plannedEnd":"2027-03-01","dependsOn":[],"classification":"bilateral"}
                    """
                        .formatted(key)));
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return JsonPath.read(r.getContentAsString(), "$.id");
  }

  /** A milestone's content as the API shows it, without what tells two milestones apart. */
  private Map<String, Object> content(String key) throws Exception {
    String roadmap = api(get(ROADMAP)).getContentAsString();
    List<Map<String, Object>> found =
        JsonPath.read(roadmap, "$.milestones[?(@.key == '" + key + "')]");
    assertThat(found).as(key).hasSize(1);
    Map<String, Object> content = new LinkedHashMap<>();
    for (String field :
        List.of(
            "title",
            "owner",
            "plannedStart",
            "plannedEnd",
            "actualStart",
            "actualEnd",
            "status",
            "project",
            "dependsOn",
            "classification",
            "originParty",
            "version")) {
      content.put(field, found.get(0).get(field));
    }
    return content;
  }

  private String page(String id) {
    return GROUP + "/roadmap/milestones/" + id;
  }

  private MockHttpServletResponse submit(String id, Map<String, String> form, String... dependsOn)
      throws Exception {
    MockHttpServletRequestBuilder request = post(page(id)).cookie(session).with(csrf());
    form.forEach(request::param);
    if (dependsOn.length > 0) {
      request.param("dependsOn", dependsOn);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  private AuditEvent lastEvent() {
    return audit.events(null, null, null, new Paging(0, 1)).items().get(0);
  }

  private static Map<String, String> with(String field, String value, long version) {
    Map<String, String> form = new LinkedHashMap<>(CHANGE);
    form.put(field, value);
    form.put("version", Long.toString(version));
    return form;
  }

  @Test
  void theFormMakesTheSameChangeAsTheApiWithTheSameAuditEvent() throws Exception {
    add("zx-first");
    String throughApi = add("zx-api");
    String throughForm = add("zx-form");

    MockHttpServletResponse changed =
        api(put("/api/milestones/" + throughApi).content(CHANGE_JSON.formatted(0)));
    assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
    AuditEvent byApi = lastEvent();

    // the form shows what the person read, with its version
    String form =
        mvc.perform(get(page(throughForm)).cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form).contains("value=\"Survey\"").contains("name=\"version\" value=\"0\"");
    MockHttpServletResponse saved = submit(throughForm, with("version", "0", 0), "zx-first");
    assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
    assertThat(saved.getRedirectedUrl()).isEqualTo(GROUP + "/workspace");
    AuditEvent byForm = lastEvent();

    Map<String, Object> result = content("zx-form");
    assertThat(result).isEqualTo(content("zx-api"));
    assertThat(result)
        .containsEntry("status", "done")
        .containsEntry("actualEnd", "2027-04-20")
        .containsEntry("plannedStart", "2027-03-05")
        .containsEntry("dependsOn", List.of("zx-first"))
        .containsEntry("version", 1);
    assertThat(byForm.action()).isEqualTo(byApi.action()).isEqualTo("milestone.changed");
    assertThat(byForm.recordType()).isEqualTo(byApi.recordType()).isEqualTo("milestone");
    assertThat(byApi.recordId()).isEqualTo(throughApi);
    assertThat(byForm.recordId()).isEqualTo(throughForm);
    assertThat(byForm.actor()).isEqualTo(byApi.actor()).isEqualTo("us.member");
    assertThat(byForm.outcome()).isEqualTo(byApi.outcome());
    assertThat(byForm.details().replace("zx-form", "KEY"))
        .isEqualTo(byApi.details().replace("zx-api", "KEY"));
  }

  @Test
  void theRoadmapPageLinksEachMilestoneToItsFormForItsMembersOnly() throws Exception {
    String id = add("zx-first");
    String workspace =
        mvc.perform(get(GROUP + "/workspace").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(workspace).contains("href=\"" + page(id) + "\"");

    people.person("us.energy").party("US").memberOf(People.CHARTER, "wg-energy").createAccount();
    Cookie outsider = login("us.energy");
    assertThat(
            mvc.perform(get(GROUP + "/workspace").cookie(outsider))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain(page(id));
    Map<String, Object> before = content("zx-first");
    long seq = audit.head().seq();
    MockHttpServletResponse refused =
        mvc.perform(
                post(page(id))
                    .cookie(outsider)
                    .with(csrf())
                    .param("title_en", "Taken over")
                    .param("plannedStart", "2027-01-01")
                    .param("plannedEnd", "2027-02-01")
                    .param("version", "0"))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isIn(403, 404);
    assertThat(content("zx-first")).isEqualTo(before);
    assertThat(lastEvent().action()).isNotEqualTo("milestone.changed");
    assertThat(audit.head().seq()).isLessThanOrEqualTo(seq + 1);
  }

  @Test
  void aRefusedValueShowsTheFormAgainWithWhatWasTypedNamingTheFieldAndChangesNothing()
      throws Exception {
    String id = add("zx-first");
    Map<String, Object> before = content("zx-first");
    long seq = audit.head().seq();

    MockHttpServletResponse refused = submit(id, with("plannedEnd", "2027-01-01", 0));
    assertThat(refused.getStatus()).isEqualTo(400);
    String html = refused.getContentAsString();
    assertThat(html)
        .contains("the planned end 2027-01-01 is before the planned start 2027-03-05")
        .contains("value=\"Survey of the route\"")
        .contains("value=\"Marşrutun tədqiqi\"")
        .contains("value=\"2027-04-20\"");
    assertThat(html)
        .containsPattern(
            "id=\"plannedEnd\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"form-error\"");
    assertThat(html).contains("id=\"form-error\"");

    MockHttpServletResponse notADate = submit(id, with("actualStart", "2027-02-30", 0));
    assertThat(notADate.getStatus()).isEqualTo(400);
    assertThat(notADate.getContentAsString())
        .contains("&#39;2027-02-30&#39; is not a date")
        .containsPattern("id=\"actualStart\"[^>]*aria-invalid=\"true\"");

    MockHttpServletResponse doneWithoutEnd = submit(id, with("actualEnd", "", 0));
    assertThat(doneWithoutEnd.getStatus()).isEqualTo(400);
    assertThat(doneWithoutEnd.getContentAsString())
        .contains("a milestone is done on its actual end")
        .containsPattern("id=\"actualEnd\"[^>]*aria-invalid=\"true\"");

    assertThat(content("zx-first")).isEqualTo(before);
    assertThat(audit.head().seq()).isEqualTo(seq);
  }

  @Test
  void aStaleVersionIsAConflictShownOnTheFormAndOverwritesNothing() throws Exception {
    String id = add("zx-first");
    Map<String, String> read = with("title_en", "My change", 0);

    // someone else changes it meanwhile
    MockHttpServletResponse other =
        api(
            put("/api/milestones/" + id)
                .content(
                    """
                    {"title":{"en":"Their change"},"plannedStart":"2026-12-01",
                     "plannedEnd":"2027-03-01","status":"in-progress","version":0}
                    """));
    assertThat(other.getStatus()).as(other.getContentAsString()).isEqualTo(200);
    Map<String, Object> theirs = content("zx-first");
    long seq = audit.head().seq();

    MockHttpServletResponse stale = submit(id, read);
    assertThat(stale.getStatus()).isEqualTo(409);
    assertThat(stale.getContentAsString())
        .contains("Someone else changed this milestone since you opened it")
        .contains("value=\"My change\"");
    assertThat(content("zx-first")).isEqualTo(theirs).containsEntry("version", 1);
    assertThat(audit.head().seq()).isEqualTo(seq);
  }

  private void step(String who, String path, String body) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                post(ROADMAP + path)
                    .header("Authorization", "Bearer " + who)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).as(path + ": " + r.getContentAsString()).isEqualTo(200);
  }

  @Test
  void aPublishedMilestonesPlanIsRefusedOnTheFormButItIsMarkedDone() throws Exception {
    String us =
        people
            .person("us.cochair")
            .party("US")
            .role(Role.CO_CHAIR)
            .chairs(People.CHARTER, "wg-connectivity-digital")
            .create();
    String az =
        people
            .person("az.cochair")
            .party("AZ")
            .role(Role.CO_CHAIR)
            .chairs(People.CHARTER, "wg-connectivity-digital")
            .create();
    String id = add("zx-first");
    step(us, "/submit", "{}");
    step(us, "/approve", "{\"version\":1}");
    step(az, "/approve", "{\"version\":1}");
    step(us, "/publish", "{\"version\":1}");
    step(us, "/approve-publication", "{\"version\":1}");
    step(az, "/approve-publication", "{\"version\":1}");
    Map<String, Object> published = content("zx-first");
    assertThat(published).containsEntry("classification", "PUBLIC");
    String form =
        mvc.perform(get(page(id)).cookie(session)).andReturn().getResponse().getContentAsString();
    assertThat(form).contains("This milestone is published");

    Map<String, String> replanned = new LinkedHashMap<>();
    replanned.put("title_en", "Survey");
    replanned.put("plannedStart", "2026-12-01");
    replanned.put("plannedEnd", "2027-06-01");
    replanned.put("status", "not-started");
    replanned.put("version", String.valueOf(published.get("version")));
    MockHttpServletResponse refused = submit(id, replanned);
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString())
        .contains("a published milestone&#39;s plan changes only through both parties")
        .contains("value=\"2027-06-01\"");
    assertThat(content("zx-first")).isEqualTo(published);

    Map<String, String> done = new LinkedHashMap<>(replanned);
    done.put("plannedEnd", "2027-03-01");
    done.put("status", "done");
    done.put("actualStart", "2026-12-02");
    done.put("actualEnd", "2027-02-15");
    assertThat(submit(id, done).getStatus()).isEqualTo(302);
    assertThat(content("zx-first"))
        .containsEntry("status", "done")
        .containsEntry("actualEnd", "2027-02-15")
        .containsEntry("plannedEnd", "2027-03-01");
  }

  @Test
  void theAddFormRefusingAValueKeepsTheDependenciesTicked() throws Exception {
    add("zx-first");
    add("zx-second");
    MockHttpServletResponse refused =
        mvc.perform(
                post(GROUP + "/roadmap/milestones")
                    .cookie(session)
                    .with(csrf())
                    .param("key", "zx-third")
                    .param("title_en", "Third")
                    .param("plannedStart", "2027-03-01")
                    .param("plannedEnd", "2027-01-01")
                    .param("dependsOn", "zx-second"))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    String html = refused.getContentAsString();
    assertThat(html)
        .containsPattern("value=\"zx-second\"[^>]*checked")
        .doesNotContainPattern("value=\"zx-first\"[^>]*checked")
        .containsPattern(
            "id=\"plannedEnd\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"form-error\"");
  }
}

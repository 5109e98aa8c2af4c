package org.entente.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.projects.ProjectViews.ProjectView;
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
 * Issue 18: editing a project and moving its stage on pages, as through {@code PATCH
 * /api/projects/{id}} and {@code POST /api/projects/{id}/stage}: the same rules, errors, result and
 * audit event, with any number of partners and financing lines.
 */
@EntenteTest
@CleanAfterEachTest
class ProjectEditPageTest {

  static final String GROUP = "/charters/az-us-2026/working-groups/wg-connectivity-digital";

  /** What a person changes on the page: every field PATCH takes, two rows of each kind. */
  static final Map<String, List<String>> CHANGE = new LinkedHashMap<>();

  static {
    CHANGE.put("titleEn", List.of("Trans-Caspian fibre link"));
    CHANGE.put("titleAz", List.of("Transxəzər fiber xətti"));
    CHANGE.put("descriptionEn", List.of("A fibre cable under the Caspian Sea"));
    CHANGE.put("descriptionAz", List.of("Xəzər dənizinin altında fiber kabel"));
    CHANGE.put("commitments", List.of("middle-corridor"));
    CHANGE.put("lead-AZ", List.of("Ministry of Digital Development and Transport"));
    CHANGE.put("lead-US", List.of("Department of State"));
    CHANGE.put("partnerName", List.of("AzerTelecom", "Asian Development Bank", ""));
    CHANGE.put("partnerKind", List.of("company", "development-bank", ""));
    CHANGE.put("partnerRole", List.of("IMPLEMENTING", "FUNDING", ""));
    CHANGE.put("financingAmount", List.of("1,500,000", "250000.50", ""));
    CHANGE.put("financingCurrency", List.of("usd", "AZN", ""));
    CHANGE.put("financingSource", List.of("DFC", "", ""));
    CHANGE.put("financingStatus", List.of("COMMITTED", "DISBURSED", "PLEDGED"));
    CHANGE.put("place", List.of("Sangachal terminal"));
    CHANGE.put("latitude", List.of("40.1847"));
    CHANGE.put("longitude", List.of("49.4681"));
  }

  /** The same change as the API takes it. */
  static final String CHANGE_JSON =
      """
      {"version":%d,
       "title":{"en":"Trans-Caspian fibre link","az":"Transxəzər fiber xətti"},
       "description":{"en":"A fibre cable under the Caspian Sea",
                      "az":"Xəzər dənizinin altında fiber kabel"},
       "commitments":["middle-corridor"],
       "leads":{"AZ":"Ministry of Digital Development and Transport","US":"Department of State"},
       "partners":[{"name":"AzerTelecom","kind":"company","role":"IMPLEMENTING"},
                   {"name":"Asian Development Bank","kind":"development-bank","role":"FUNDING"}],
       "financing":[{"amount":1500000,"currency":"USD","source":"DFC","status":"COMMITTED"},
                    {"amount":250000.50,"currency":"AZN","status":"DISBURSED"}],
       "location":{"place":"Sangachal terminal","latitude":40.1847,"longitude":49.4681}}
      """;

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired Audit audit;
  @Autowired Projects projects;
  @Autowired Viewers viewers;

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

  /** Adds a project through the API, with one partner and one financing line, and its id. */
  private String add(String key) throws Exception {
    MockHttpServletResponse r =
        api(
            post("/api" + GROUP + "/projects")
                .content(
                    """
                    {"key":"%s","title":{"en":"Fibre link"},"commitments":["middle-corridor"],
                     "partners":[{"name":"Old partner","kind":"company","role":"EXTENDING"}],
                     "financing":[{"amount":10,"currency":"EUR","status":"PLEDGED"}],
                     "classification":"bilateral"}
                    """
                        .formatted(key)));
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return JsonPath.read(r.getContentAsString(), "$.id");
  }

  private ProjectView read(String id) {
    Viewer viewer = viewers.of("us.member").orElseThrow();
    return projects.project(UUID.fromString(id), viewer);
  }

  /** A project's content as {@link Projects} reads it, without what tells two projects apart. */
  private List<Object> content(String id) {
    ProjectView p = read(id);
    return List.of(
        p.title(),
        p.description(),
        p.commitments(),
        p.leads(),
        p.partners(),
        p.stage(),
        String.valueOf(p.stageReason()),
        p.financing().stream()
            .map(
                f ->
                    List.of(
                        f.amount().stripTrailingZeros().toPlainString(),
                        f.currency().code(),
                        String.valueOf(f.source()),
                        f.status()))
            .toList(),
        String.valueOf(p.location()),
        p.classification(),
        p.version());
  }

  private MockHttpServletResponse submit(String id, Map<String, List<String>> form, Cookie who)
      throws Exception {
    MockHttpServletRequestBuilder request =
        post("/projects/" + id + "/edit").cookie(who).with(csrf());
    form.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
    return mvc.perform(request).andReturn().getResponse();
  }

  private static Map<String, List<String>> with(String field, String value, long version) {
    Map<String, List<String>> form = new LinkedHashMap<>(CHANGE);
    form.put(field, List.of(value));
    form.put("version", List.of(Long.toString(version)));
    return form;
  }

  private AuditEvent lastEvent() {
    return audit.events(null, null, null, new Paging(0, 1)).items().get(0);
  }

  private String page(String path, Cookie who) throws Exception {
    MockHttpServletResponse r = mvc.perform(get(path).cookie(who)).andReturn().getResponse();
    assertThat(r.getStatus()).as(path).isEqualTo(200);
    return r.getContentAsString();
  }

  @Test
  void theEditPageMakesTheSameChangeAsPatchWithTheSameAuditEvent() throws Exception {
    String throughApi = add("fibre-api");
    String throughPage = add("fibre-page");

    MockHttpServletResponse patched =
        api(patch("/api/projects/" + throughApi).content(CHANGE_JSON.formatted(0)));
    assertThat(patched.getStatus()).as(patched.getContentAsString()).isEqualTo(200);
    AuditEvent byApi = lastEvent();

    // the form shows what the person read, with its version, its rows and one blank row of each
    String form = page("/projects/" + throughPage + "/edit", session);
    assertThat(form)
        .contains("value=\"Fibre link\"")
        .contains("name=\"version\" value=\"0\"")
        .contains("value=\"Old partner\"")
        .contains("id=\"partner-name-1\"")
        .doesNotContain("id=\"partner-name-2\"")
        .contains("id=\"financing-amount-1\"");
    MockHttpServletResponse saved = submit(throughPage, with("version", "0", 0), session);
    assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
    assertThat(saved.getRedirectedUrl()).isEqualTo("/projects/" + throughPage);
    AuditEvent byPage = lastEvent();

    assertThat(content(throughPage)).isEqualTo(content(throughApi));
    ProjectView result = read(throughPage);
    assertThat(result.partners()).hasSize(2);
    assertThat(result.financing()).hasSize(2);
    assertThat(result.location().latitude()).isEqualTo(40.1847);
    assertThat(result.location().longitude()).isEqualTo(49.4681);
    assertThat(result.version()).isEqualTo(1);
    assertThat(byPage.action()).isEqualTo(byApi.action()).isEqualTo("project.updated");
    assertThat(byPage.recordType()).isEqualTo(byApi.recordType()).isEqualTo("project");
    assertThat(byPage.recordId()).isEqualTo(throughPage);
    assertThat(byPage.actor()).isEqualTo(byApi.actor()).isEqualTo("us.member");
    assertThat(byPage.details().replace("fibre-page", "KEY"))
        .isEqualTo(byApi.details().replace("fibre-api", "KEY"));

    // the project page shows them
    String shown = page("/projects/" + throughPage, session);
    assertThat(shown)
        .contains("AzerTelecom")
        .contains("Asian Development Bank")
        .contains("<td>1,500,000</td>")
        .contains("250,000.50")
        .contains("40.1847");
  }

  @Test
  void aStaleVersionAnswersTheFormAgainWith409AndChangesNothing() throws Exception {
    String id = add("fibre-stale");
    assertThat(
            api(patch("/api/projects/" + id).content("{\"version\":0,\"leads\":{}}")).getStatus())
        .isEqualTo(200);
    List<Object> before = content(id);
    long seq = audit.head().seq();

    MockHttpServletResponse stale = submit(id, with("version", "0", 0), session);

    assertThat(stale.getStatus()).isEqualTo(409);
    assertThat(stale.getContentAsString())
        .contains("Someone else changed this project since you opened it")
        .contains("value=\"Trans-Caspian fibre link\"")
        .contains("value=\"Asian Development Bank\"");
    assertThat(content(id)).isEqualTo(before);
    assertThat(audit.head().seq()).isEqualTo(seq);
  }

  @Test
  void aRefusedValueShowsTheFormAgainWith400NamingTheFieldAndKeepingWhatWasTyped()
      throws Exception {
    String id = add("fibre-bad");
    List<Object> before = content(id);

    Map<String, List<String>> form = with("version", "0", 0);
    form.put("latitude", List.of("140.5"));
    MockHttpServletResponse refused = submit(id, form, session);
    assertThat(refused.getStatus()).isEqualTo(400);
    String html = refused.getContentAsString();
    assertThat(html)
        .contains("latitude is within ±90")
        .contains("value=\"140.5\"")
        .contains("value=\"Trans-Caspian fibre link\"")
        .contains("value=\"AzerTelecom\"")
        .contains("value=\"250000.50\"")
        .containsPattern("id=\"latitude\"[^>]*aria-invalid=\"true\"");

    form = with("version", "0", 0);
    form.put("financingCurrency", List.of("usd", "XXY", ""));
    refused = submit(id, form, session);
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString())
        .contains("&#39;XXY&#39; is not an ISO 4217 currency code")
        .contains("value=\"XXY\"")
        .containsPattern("id=\"financing-currency-1\"[^>]*aria-invalid=\"true\"");

    form = with("version", "0", 0);
    form.put("partnerRole", List.of("IMPLEMENTING", "", ""));
    refused = submit(id, form, session);
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString()).contains("a partner&#39;s role is funding");

    assertThat(content(id)).isEqualTo(before);
  }

  @Test
  void addingARowShowsTheFormAgainWithOneMoreBlankRowAndEverythingTypedAndSavesNothing()
      throws Exception {
    String id = add("fibre-rows");
    List<Object> before = content(id);
    long seq = audit.head().seq();

    Map<String, List<String>> form = with("version", "0", 0);
    form.put("rows", List.of("partner"));
    MockHttpServletResponse more = submit(id, form, session);
    assertThat(more.getStatus()).isEqualTo(200);
    String html = more.getContentAsString();
    assertThat(html)
        .contains("value=\"Trans-Caspian fibre link\"")
        .contains("value=\"AzerTelecom\"")
        .contains("value=\"Asian Development Bank\"")
        .contains("value=\"1,500,000\"")
        .contains("value=\"Sangachal terminal\"")
        .contains("id=\"partner-name-3\"")
        .doesNotContain("id=\"partner-name-4\"")
        .contains("id=\"financing-amount-2\"")
        .doesNotContain("id=\"financing-amount-3\"");
    assertThat(Pattern.compile("class=\"partner-organization\"").matcher(html).results().count())
        .isEqualTo(4);

    form.put("rows", List.of("financing"));
    assertThat(submit(id, form, session).getContentAsString())
        .contains("id=\"financing-amount-3\"")
        .doesNotContain("id=\"partner-name-3\"");

    assertThat(content(id)).isEqualTo(before);
    assertThat(audit.head().seq()).isEqualTo(seq);
  }

  /** The stages the project page offers to move a project to, by the values of its options. */
  private static List<String> offered(String html) {
    Matcher select =
        Pattern.compile("<select id=\"stage\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
    if (!select.find()) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    Matcher option = Pattern.compile("<option value=\"([^\"]+)\"").matcher(select.group(1));
    while (option.find()) {
      values.add(option.group(1));
    }
    return values;
  }

  @Test
  void theStageFormOffersExactlyTheMovesTheLifecycleAllowsAndMovesLikeTheApi() throws Exception {
    String id = add("fibre-stage");
    for (Project.Stage stage :
        List.of(Project.Stage.IDENTIFIED, Project.Stage.UNDER_STUDY, Project.Stage.AGREED)) {
      assertThat(offered(page("/projects/" + id, session)))
          .as("offered from " + stage.code())
          .containsExactlyElementsOf(stage.next().stream().map(Project.Stage::code).toList());
      Project.Stage next =
          stage.next().stream().filter(s -> s != Project.Stage.SUSPENDED).findFirst().get();
      long version = read(id).version();
      MockHttpServletResponse moved =
          mvc.perform(
                  post("/projects/" + id + "/stage")
                      .cookie(session)
                      .with(csrf())
                      .param("stage", next.code())
                      .param("reason", "")
                      .param("version", Long.toString(version)))
              .andReturn()
              .getResponse();
      assertThat(moved.getStatus()).as(moved.getContentAsString()).isEqualTo(302);
      assertThat(read(id).stage()).isEqualTo(next.code());
      assertThat(lastEvent().action()).isEqualTo("project.stage-changed");
    }
  }

  @Test
  void aRefusedStageMoveShowsThePageAgainWithTheErrorAndChangesNothing() throws Exception {
    String id = add("fibre-stage-bad");
    List<Object> before = content(id);

    MockHttpServletResponse noReason =
        mvc.perform(
                post("/projects/" + id + "/stage")
                    .cookie(session)
                    .with(csrf())
                    .param("stage", "suspended")
                    .param("reason", "")
                    .param("version", "0"))
            .andReturn()
            .getResponse();
    assertThat(noReason.getStatus()).isEqualTo(400);
    assertThat(noReason.getContentAsString())
        .contains("a suspended or cancelled project says why")
        .containsPattern("id=\"reason\"[^>]*aria-invalid=\"true\"");

    MockHttpServletResponse notAllowed =
        mvc.perform(
                post("/projects/" + id + "/stage")
                    .cookie(session)
                    .with(csrf())
                    .param("stage", "completed")
                    .param("version", "0"))
            .andReturn()
            .getResponse();
    assertThat(notAllowed.getStatus()).isEqualTo(400);
    assertThat(notAllowed.getContentAsString()).contains("a project cannot move from identified");

    MockHttpServletResponse stale =
        mvc.perform(
                post("/projects/" + id + "/stage")
                    .cookie(session)
                    .with(csrf())
                    .param("stage", "under-study")
                    .param("version", "7"))
            .andReturn()
            .getResponse();
    assertThat(stale.getStatus()).isEqualTo(409);
    assertThat(content(id)).isEqualTo(before);
  }

  @Test
  void aGroupMemberWhoMayNotChangeTheProjectSeesNoLinkNorStageFormAndIsRefused() throws Exception {
    String id = add("fibre-observed");
    List<Object> before = content(id);
    assertThat(page("/projects/" + id, session))
        .contains("href=\"/projects/" + id + "/edit\"")
        .contains("id=\"stage\"");

    people
        .person("az.observer")
        .party("AZ")
        .role(Role.OBSERVER)
        .memberOf(People.CHARTER, "wg-connectivity-digital")
        .createAccount();
    Cookie observer = login("az.observer");
    String seen = page("/projects/" + id, observer);
    assertThat(seen).contains("Fibre link");
    assertThat(seen).doesNotContain("/projects/" + id + "/edit").doesNotContain("id=\"stage\"");

    assertThat(
            mvc.perform(get("/projects/" + id + "/edit").cookie(observer))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(submit(id, with("version", "0", 0), observer).getStatus()).isEqualTo(403);
    MockHttpServletResponse moved =
        mvc.perform(
                post("/projects/" + id + "/stage")
                    .cookie(observer)
                    .with(csrf())
                    .param("stage", "under-study")
                    .param("version", "0"))
            .andReturn()
            .getResponse();
    assertThat(moved.getStatus()).isEqualTo(403);
    assertThat(content(id)).isEqualTo(before);
  }

  @Test
  void onlyThePartyThatMadeTheProjectIsOfferedItsClassification() throws Exception {
    String id = add("fibre-classified");
    assertThat(page("/projects/" + id + "/edit", session)).contains("id=\"classification\"");

    people
        .person("az.member")
        .party("AZ")
        .memberOf(People.CHARTER, "wg-connectivity-digital")
        .createAccount();
    Cookie otherParty = login("az.member");
    String form = page("/projects/" + id + "/edit", otherParty);
    assertThat(form).contains("value=\"Fibre link\"").doesNotContain("id=\"classification\"");

    // and it cannot be sent anyway: the service refuses it as the API does
    Map<String, List<String>> change = with("classification", "party-internal", 0);
    change.put("version", List.of("0"));
    MockHttpServletResponse refused = submit(id, change, otherParty);
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString())
        .contains("only an official of the party that made it may change its classification");
    assertThat(read(id).classification().code()).isEqualTo("bilateral");
  }
}

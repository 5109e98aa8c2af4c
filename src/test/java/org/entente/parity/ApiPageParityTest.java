package org.entente.parity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.entente.audit.Audit;
import org.entente.identity.Role;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 18: every operation of the API that changes data is also a page or a form, with the same
 * rules, result and audit event, or a written reason says why a person never does it.
 *
 * <p>The routes are read from the application's handler mappings, so a new API write without its
 * form (or its reason) fails here. Each route that has a form is then walked: the same person makes
 * the same change once through the API and once through the form, and the two records (as the API
 * reads them) and the audit events the two calls appended are compared. A few routes are walked by
 * an older test of their own module that compares the same things; they are named in {@link
 * #WALKED_ELSEWHERE} and checked to exist.
 */
@EntenteTest
@CleanAfterEachTest
class ApiPageParityTest {

  static final String C = People.CHARTER;

  /** Every API route that changes data, with the page route that makes the same change. */
  static final Map<String, String> FORMS = new LinkedHashMap<>();

  /** Every API route that changes data but has no form, with why a person never needs one. */
  static final Map<String, String> REASONS = new LinkedHashMap<>();

  /** Routes whose form another test walks, with that test (class#method). */
  static final Map<String, String> WALKED_ELSEWHERE = new LinkedHashMap<>();

  static {
    FORMS.put("POST /api/charters/{charter}/events", "POST /charters/{charter}/events");
    FORMS.put("PATCH /api/charters/{charter}/events/{id}", "POST /charters/{charter}/events/{id}");
    FORMS.put("POST /api/charters/{charter}/indicators", "POST /charters/{charter}/indicators");
    FORMS.put("POST /api/indicators/{id}/values", "POST /indicators/{id}/values");
    FORMS.put("POST /api/indicators/{id}/values/import", "POST /indicators/{id}/values/import");
    FORMS.put(
        "POST /api/charters/{charter}/working-groups/{group}/roadmap/milestones",
        "POST /charters/{charter}/working-groups/{group}/roadmap/milestones");
    FORMS.put(
        "PUT /api/milestones/{id}",
        "POST /charters/{charter}/working-groups/{group}/roadmap/milestones/{id}");
    FORMS.put(
        "POST /api/charters/{charter}/working-groups/{group}/roadmap/import",
        "POST /charters/{charter}/working-groups/{group}/import");
    FORMS.put(
        "POST /api/charters/{charter}/working-groups/{group}/projects/import",
        "POST /charters/{charter}/working-groups/{group}/import");
    FORMS.put(
        "POST /api/charters/{charter}/working-groups/{group}/projects",
        "POST /charters/{charter}/working-groups/{group}/projects");
    FORMS.put("PATCH /api/projects/{id}", "POST /projects/{id}/edit");
    FORMS.put("POST /api/projects/{id}/stage", "POST /projects/{id}/stage");
    FORMS.put("POST /api/charters/{charter}/meetings", "POST /charters/{charter}/meetings");
    FORMS.put(
        "POST /api/charters/{charter}/dialogue-platforms",
        "POST /charters/{charter}/dialogue-platforms");
    FORMS.put(
        "PUT /api/charters/{charter}/dialogue-platforms/{key}",
        "POST /charters/{charter}/dialogue-platforms/{platform}/edit");
    FORMS.put(
        "PUT /api/charters/{charter}/working-groups/{group}/delegates/{username}",
        "POST /charters/{charter}/working-groups/{group}/delegates");
    FORMS.put(
        "DELETE /api/charters/{charter}/working-groups/{group}/delegates/{username}",
        "POST /charters/{charter}/working-groups/{group}/delegates/{username}/revoke");
    FORMS.put("PATCH /api/meetings/{id}", "POST /meetings/{id}/{action}");
    FORMS.put("POST /api/meetings/{id}/participants", "POST /meetings/{id}/{action}");
    FORMS.put("POST /api/meetings/{id}/attendance", "POST /meetings/{id}/{action}");
    FORMS.put("POST /api/meetings/{id}/agenda-items", "POST /meetings/{id}/{action}");
    FORMS.put("POST /api/meetings/{id}/decisions", "POST /meetings/{id}/{action}");
    FORMS.put("POST /api/meetings/{id}/action-items", "POST /meetings/{id}/{action}");
    FORMS.put("PUT /api/meetings/{id}/statement", "POST /meetings/{id}/{action}");
    FORMS.put(
        "PUT /api/translations/{subject}/{key}/{language}",
        "POST /translations/{subject}/{key}/{language}");
    FORMS.put("PATCH /api/action-items/{id}", "POST /action-items/{id}/{action}");
    FORMS.put("POST /api/action-items/{id}/milestone", "POST /action-items/{id}/{action}");
    FORMS.put("POST /api/accounts", "POST /admin/accounts");
    FORMS.put("PATCH /api/accounts/{username}", "POST /admin/accounts/{username}");
    FORMS.put("POST /api/me/calendars", "POST /account/calendars");
    FORMS.put("DELETE /api/me/calendars/{id}", "POST /account/calendars/{id}/revoke");
    FORMS.put("PUT /api/me/reminders", "POST /account/reminders");
    FORMS.put("POST /api/me/notifications/{id}/read", "POST /account/notifications/{id}/read");
    FORMS.put(
        "POST /api/charters/{charter}/working-groups/{group}/project-list/{action}",
        "POST /charters/{charter}/working-groups/{group}/project-list/{action}");
    FORMS.put(
        "POST /api/charters/{charter}/working-groups/{group}/roadmap/{action}",
        "POST /charters/{charter}/working-groups/{group}/roadmap/{action}");
    FORMS.put(
        "POST /api/meetings/{id}/statement/{action}", "POST /meetings/{id}/statement/{action}");
    FORMS.put(
        "POST /api/charters/{charter}/agreements/{type}/{key}/{action}",
        "POST /charters/{charter}/working-groups/{group}/project-list/{action}");
    FORMS.put(
        "POST /api/charters/{charter}/organizations", "POST /charters/{charter}/organizations");
    FORMS.put(
        "PUT /api/charters/{charter}/organizations/{id}",
        "POST /charters/{charter}/organizations/{id}");

    REASONS.put(
        "POST /api/import",
        "moves a whole export from another installation into a new one, once, when it is set up:"
            + " an operator's task with the operator token or an administrator's, like a restore"
            + " from a backup, and no one's daily work (docs/open-data.md)");
    REASONS.put(
        "POST /api/reminders/run",
        "the operator token only: the scheduler runs the reminders every day by itself, and this"
            + " route lets an operator run them at once; no person's account may call it");
    REASONS.put(
        "POST /api/audit/checkpoint/check",
        "changes nothing: it checks a checkpoint file against the chain and answers; the audit"
            + " page shows the same verification");

    WALKED_ELSEWHERE.put(
        "POST /api/charters/{charter}/indicators",
        "org.entente.indicators.IndicatorFormsTest#theCreateFormMakesTheSameIndicatorAsTheApiWithTheSameAuditEvent");
    WALKED_ELSEWHERE.put(
        "POST /api/indicators/{id}/values",
        "org.entente.indicators.IndicatorFormsTest#theValueFormAddsAndCorrectsAsTheApiDoesWithTheSameAuditEvent");
    WALKED_ELSEWHERE.put(
        "PATCH /api/projects/{id}",
        "org.entente.projects.ProjectEditPageTest#theEditPageMakesTheSameChangeAsPatchWithTheSameAuditEvent");
    WALKED_ELSEWHERE.put(
        "PUT /api/charters/{charter}/dialogue-platforms/{key}",
        "org.entente.meetings.PlatformsByAgreementTest#theMeetingsPageChangesAProposalAsTheApiDoesWithTheSameAuditEvents");
    WALKED_ELSEWHERE.put(
        "PUT /api/charters/{charter}/working-groups/{group}/delegates/{username}",
        "org.entente.identity.DelegationPagesTest#theDelegationPageMakesTheSameChangeAsTheApiWithTheSameAuditEvent");
    WALKED_ELSEWHERE.put(
        "DELETE /api/charters/{charter}/working-groups/{group}/delegates/{username}",
        "org.entente.identity.DelegationPagesTest#theDelegationPageMakesTheSameChangeAsTheApiWithTheSameAuditEvent");
    WALKED_ELSEWHERE.put(
        "PUT /api/milestones/{id}",
        "org.entente.roadmaps.MilestoneEditPageTest#theFormMakesTheSameChangeAsTheApiWithTheSameAuditEvent");
    WALKED_ELSEWHERE.put(
        "POST /api/charters/{charter}/organizations",
        "org.entente.directory.DirectoryFormsTest#theAddFormMakesTheSameOrganizationAsTheApiWithTheSameAuditEvent");
    WALKED_ELSEWHERE.put(
        "PUT /api/charters/{charter}/organizations/{id}",
        "org.entente.directory.DirectoryFormsTest#theChangeFormMakesTheSameChangeAsTheApiWithTheSameAuditEvent");
    WALKED_ELSEWHERE.put(
        "PUT /api/translations/{subject}/{key}/{language}",
        "org.entente.meetings.StatementTranslationsContract#theEditorMakesTheSameChangeAsTheApiWithTheSameAuditEvent");
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired Audit audit;

  Parity parity;

  /** The routes of the application: method and pattern, e.g. {@code POST /api/accounts}. */
  private Set<String> routes(boolean api) {
    Set<String> routes = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              if (!method.getBeanType().getPackageName().startsWith("org.entente")) {
                return;
              }
              for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") != api) {
                  continue;
                }
                for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                  if (m != RequestMethod.GET && m != RequestMethod.HEAD) {
                    routes.add(m + " " + pattern);
                  }
                }
              }
            });
    return routes;
  }

  @Test
  void everyApiWriteHasItsFormOrAWrittenReason() {
    Set<String> named = new TreeSet<>(FORMS.keySet());
    named.addAll(REASONS.keySet());
    assertThat(FORMS.keySet()).doesNotContainAnyElementsOf(REASONS.keySet());
    assertThat(routes(true)).as("API routes that change data").isEqualTo(named);
    assertThat(routes(true)).contains("PATCH /api/accounts/{username}", "PUT /api/milestones/{id}");
    REASONS.values().forEach(reason -> assertThat(reason).hasSizeGreaterThan(40));
  }

  @Test
  void everyFormNamedIsARouteOfThePages() {
    assertThat(routes(false)).containsAll(new TreeSet<>(FORMS.values()));
  }

  @Test
  void everyRouteWithAFormIsWalkedHereOrByANamedTest() throws Exception {
    Set<String> walked = new TreeSet<>(ParityScenarios.all().keySet());
    assertThat(walked).doesNotContainAnyElementsOf(WALKED_ELSEWHERE.keySet());
    walked.addAll(WALKED_ELSEWHERE.keySet());
    assertThat(walked).isEqualTo(new TreeSet<>(FORMS.keySet()));
    for (String test : WALKED_ELSEWHERE.values()) {
      String[] parts = test.split("#");
      Method method = Class.forName(parts[0]).getDeclaredMethod(parts[1]);
      assertThat(method.isAnnotationPresent(Test.class)).as(test).isTrue();
    }
  }

  static Stream<Arguments> scenarios() {
    List<Arguments> all = new ArrayList<>();
    ParityScenarios.all().forEach((route, scenario) -> all.add(Arguments.of(route, scenario)));
    return all.stream();
  }

  /** A US co-chair of both groups, coordinator and administrator, with a token and a session. */
  private Parity official(String username) throws Exception {
    String token =
        people
            .person(username)
            .party("US")
            .organization("United States")
            .role(Role.CO_CHAIR)
            .role(Role.COORDINATOR)
            .role(Role.ADMINISTRATOR)
            .chairs(C, ParityScenarios.GROUP)
            .chairs(C, ParityScenarios.OTHER_GROUP)
            .create();
    Cookie session = People.session(mvc, username);
    assertThat(session).as(username + "'s session").isNotNull();
    return new Parity(mvc, audit, token, session);
  }

  Parity twin;

  @BeforeEach
  void people() throws Exception {
    parity = official("us.official");
    twin = official("us.twin");
    people
        .person("az.cochair")
        .party("AZ")
        .organization("Ministry of Digital Development")
        .role(Role.CO_CHAIR)
        .chairs(C, ParityScenarios.GROUP)
        .chairs(C, ParityScenarios.OTHER_GROUP)
        .create();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void theFormMakesTheSameChangeAsTheApi(String route, ParityScenarios.Scenario scenario)
      throws Exception {
    scenario.walk(parity, new ParityScenarios.World(mvc, people, twin));
  }
}

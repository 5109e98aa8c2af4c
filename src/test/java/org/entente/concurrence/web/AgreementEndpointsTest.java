package org.entente.concurrence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.identity.AccessTokens;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The one set of agreement endpoints serves a subject as its own URLs do: the project list through
 * {@code /api/charters/{charter}/agreements/project-list/{group}} and through the list's own URLs
 * is one agreement, and a step refused by the workflow is refused the same way for every subject.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementEndpointsTest {

  static final String PASSWORD = "correct horse battery";
  static final String CHARTER = "/api/charters/az-us-2026";
  static final String OWN = CHARTER + "/working-groups/wg-connectivity-digital/project-list";
  static final String ONE = CHARTER + "/agreements/project-list/wg-connectivity-digital";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;

  final Map<String, String> token = new LinkedHashMap<>();

  @BeforeAll
  void people() throws Exception {
    person("us.cochair", "US");
    person("az.cochair", "AZ");
    MockHttpServletResponse created =
        as(
            "us.cochair",
            post(CHARTER + "/working-groups/wg-connectivity-digital/projects")
                .content(
                    """
                    {"key":"middle-corridor-port","title":{"en":"Port"},
                     "commitments":["middle-corridor"],"classification":"bilateral"}
                    """));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
  }

  private void person(String username, String party) {
    accounts.create(
        new Accounts.NewAccount(
            username,
            username,
            party,
            null,
            EnumSet.of(Role.CO_CHAIR),
            false,
            PASSWORD,
            List.of(new MembershipInput("az-us-2026", "wg-connectivity-digital", true))));
    token.put(username, tokens.create(username, "t", Scope.WRITE, 30).secret());
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request
                .header("Authorization", "Bearer " + token.get(who))
                .contentType(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  @Test
  void theProjectListIsOneAgreementThroughEitherUrl() throws Exception {
    MockHttpServletResponse submitted = as("us.cochair", post(ONE + "/submit"));
    assertThat(submitted.getStatus()).as(submitted.getContentAsString()).isEqualTo(200);
    assertThat((String) JsonPath.read(submitted.getContentAsString(), "$.projects[0].key"))
        .isEqualTo("middle-corridor-port");
    assertThat(as("us.cochair", post(ONE + "/approve").content("{\"version\":1}")).getStatus())
        .isEqualTo(200);
    MockHttpServletResponse agreed =
        as("az.cochair", post(OWN + "/approve").content("{\"version\":1}"));
    assertThat(agreed.getStatus()).as(agreed.getContentAsString()).isEqualTo(200);
    String one = as("az.cochair", get(ONE)).getContentAsString();
    assertThat((String) JsonPath.read(one, "$.agreement.state")).isEqualTo("AGREED");
    assertThat(one).isEqualTo(as("az.cochair", get(OWN)).getContentAsString());
    assertThat(as("az.cochair", get(ONE + "/publication")).getContentAsString())
        .isEqualTo(as("az.cochair", get(OWN + "/publication")).getContentAsString());
  }

  @Test
  void aDisputeWithoutAReasonIsRefusedNamingTheReason() throws Exception {
    MockHttpServletResponse refused =
        as("az.cochair", post(ONE + "/dispute").content("{\"reason\":\" \"}"));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString()).contains("reason");
  }

  @Test
  void anUnknownSubjectOrStepIsNotFound() throws Exception {
    assertThat(as("az.cochair", post(CHARTER + "/agreements/budget/x/submit")).getStatus())
        .isEqualTo(404);
    assertThat(as("az.cochair", post(ONE + "/sign")).getStatus()).isEqualTo(404);
  }
}

package org.entente.portal;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * People of the default charter's groups and the steps that publish a group's project list and
 * roadmap through the API, for the portal's tests.
 */
class PortalFixtures {

  static final String PASSWORD = "correct horse battery";
  static final String CHARTER = "az-us-2026";
  static final String CONNECTIVITY =
      "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String SECURITY = "/api/charters/az-us-2026/working-groups/wg-security-defense";

  final MockMvc mvc;
  final Accounts accounts;
  final AccessTokens tokens;
  final Map<String, String> token = new LinkedHashMap<>();

  PortalFixtures(MockMvc mvc, Accounts accounts, AccessTokens tokens) {
    this.mvc = mvc;
    this.accounts = accounts;
    this.tokens = tokens;
  }

  /** Co-chairs of both parties in the connectivity group and in the restricted security group. */
  PortalFixtures people() {
    person("us.cochair", "US", Role.CO_CHAIR, "wg-connectivity-digital", true, false);
    person("az.cochair", "AZ", Role.CO_CHAIR, "wg-connectivity-digital", true, false);
    person("us.sec", "US", Role.CO_CHAIR, "wg-security-defense", true, true);
    person("az.sec", "AZ", Role.CO_CHAIR, "wg-security-defense", true, true);
    return this;
  }

  void person(
      String username, String party, Role role, String group, boolean chair, boolean cleared) {
    accounts.create(
        new Accounts.NewAccount(
            username,
            username,
            party,
            null,
            EnumSet.of(role),
            cleared,
            PASSWORD,
            List.of(new MembershipInput(CHARTER, group, chair))));
    token.put(username, tokens.create(username, "t", Scope.WRITE, 30).secret());
  }

  MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request) throws Exception {
    request.header("Authorization", "Bearer " + token.get(who));
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
  }

  MockHttpServletResponse ok(String who, MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse response = as(who, request);
    assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 201);
    return response;
  }

  /** Adds a project with this title (in both languages) to a group; returns its id. */
  String project(String who, String group, String key, String en, String az, String classification)
      throws Exception {
    String commitment = group.equals(SECURITY) ? "defense-security-cooperation" : "tripp";
    return JsonPath.read(
        ok(
                who,
                post(group + "/projects")
                    .content(
                        """
                        {"key":"%s","title":{"en":"%s","az":"%s"},"commitments":["%s"],
                         "leads":{"US":"Department of State"},"partners":[],"financing":[],
                         "classification":"%s"}
                        """
                            .formatted(key, en, az, commitment, classification)))
            .getContentAsString(),
        "$.id");
  }

  /** Adds a milestone with this title to a group's roadmap; returns its id. */
  String milestone(String who, String group, String key, String en, String classification)
      throws Exception {
    return JsonPath.read(
        ok(
                who,
                post(group + "/roadmap/milestones")
                    .content(
                        """
                        {"key":"%s","title":{"en":"%s"},"plannedStart":"2026-12-01",
                         "plannedEnd":"2027-03-01","classification":"%s"}
                        """
                            .formatted(key, en, classification)))
            .getContentAsString(),
        "$.id");
  }

  /** Submits the list (or roadmap) and has both co-chairs approve it; returns the version. */
  int agree(String group, String what, String us, String az) throws Exception {
    int version =
        JsonPath.read(
            ok(us, post(group + "/" + what + "/submit")).getContentAsString(),
            "$.agreement.currentVersion");
    for (String who : List.of(us, az)) {
      ok(who, post(group + "/" + what + "/approve").content("{\"version\":" + version + "}"));
    }
    return version;
  }

  /** One co-chair proposes to publish the version, and both approve it. */
  void publish(String group, String what, int version, String us, String az) throws Exception {
    ok(us, post(group + "/" + what + "/publish").content("{\"version\":" + version + "}"));
    for (String who : List.of(us, az)) {
      ok(
          who,
          post(group + "/" + what + "/approve-publication")
              .content("{\"version\":" + version + "}"));
    }
  }
}

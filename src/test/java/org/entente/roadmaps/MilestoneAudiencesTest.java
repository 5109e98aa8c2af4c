package org.entente.roadmaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.shared.Classification;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.entente.testing.StatementCount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The milestones' audiences that records linking to milestones are checked against: kept while no
 * record changes (no statement reads a milestone again), read anew once a record changed, so that a
 * published milestone is answered public at once.
 */
@EntenteTest
class MilestoneAudiencesTest {

  static final String ROADMAP =
      "/api/charters/az-us-2026/working-groups/wg-connectivity-digital/roadmap";

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired Roadmaps roadmaps;
  @Autowired JdbcClient jdbc;

  final Map<String, String> token = new LinkedHashMap<>();

  @Test
  void anAudienceIsKeptUntilARecordChangesAndAPublishedMilestoneIsAnsweredPublicAtOnce()
      throws Exception {
    for (String[] p : new String[][] {{"aud.us", "US"}, {"aud.az", "AZ"}}) {
      token.put(
          p[0],
          people
              .person(p[0])
              .party(p[1])
              .role(Role.CO_CHAIR)
              .chairs("az-us-2026", "wg-connectivity-digital")
              .create());
    }
    MockHttpServletResponse added =
        as(
            "aud.us",
            post(ROADMAP + "/milestones")
                .content(
                    """
                    {"key":"aud-survey","title":{"en":"Survey"},"plannedStart":"2026-12-01",
                     "plannedEnd":"2027-03-01","dependsOn":[],"classification":"bilateral"}
                    """));
    assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
    UUID id = UUID.fromString(JsonPath.read(added.getContentAsString(), "$.id"));
    UUID none = UUID.randomUUID();

    Map<UUID, Viewer.Audience> before = inARequest(() -> roadmaps.audiences(List.of(id, none)));
    assertThat(before).containsOnlyKeys(id);
    assertThat(before.get(id).classification()).isEqualTo(Classification.BILATERAL);
    var again =
        StatementCount.of(() -> inARequest(() -> roadmaps.audiences(List.of(id, none))), true);
    assertThat(again.result()).isEqualTo(before);
    assertThat(again.sql()).noneMatch(sql -> sql.contains("from milestone"));

    assertThat(as("aud.us", post(ROADMAP + "/submit")).getStatus()).isEqualTo(200);
    for (String who : List.of("aud.us", "aud.az")) {
      assertThat(as(who, post(ROADMAP + "/approve").content("{\"version\":1}")).getStatus())
          .isEqualTo(200);
    }
    assertThat(as("aud.us", post(ROADMAP + "/publish").content("{\"version\":1}")).getStatus())
        .isEqualTo(200);
    for (String who : List.of("aud.us", "aud.az")) {
      MockHttpServletResponse published =
          as(who, post(ROADMAP + "/approve-publication").content("{\"version\":1}"));
      assertThat(published.getStatus()).as(published.getContentAsString()).isEqualTo(200);
    }

    assertThat(
            jdbc.sql("select classification from milestone where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("PUBLIC");
    Map<UUID, Viewer.Audience> after = inARequest(() -> roadmaps.audiences(List.of(id, none)));
    assertThat(after).containsOnlyKeys(id);
    assertThat(after.get(id).classification()).isEqualTo(Classification.PUBLIC);
  }

  /**
   * What a web request of its own reads: the test's thread is given one mock request for the whole
   * test, which would keep the last record change it was told across the requests MockMvc makes.
   */
  private static <T> T inARequest(Supplier<T> read) {
    RequestAttributes before = RequestContextHolder.getRequestAttributes();
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    try {
      return read.get();
    } finally {
      RequestContextHolder.setRequestAttributes(before);
    }
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    request.header("Authorization", "Bearer " + token.get(who));
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
  }
}

package org.entente.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Text is normalised at the edge (issue 16, finding 3): in JSON bodies, query and path parameters,
 * form fields and file names, NFC with line breaks as LF is kept, and control characters and lone
 * surrogates are refused with a 400 naming the field, nothing changed; a form's financing status
 * outside the allowed values shows the form again instead of a 500.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextAtTheEdgeTest {

  static final String PASSWORD = "correct horse battery";
  static final String CHARTER = "az-us-2026";
  static final String GROUP = "wg-energy";
  static final String EVENTS = "/api/charters/" + CHARTER + "/events";
  static final String PROJECTS = "/charters/" + CHARTER + "/working-groups/" + GROUP + "/projects";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired JdbcClient jdbc;

  String token;
  Cookie session;

  @BeforeAll
  void aMemberOfTheEnergyGroup() throws Exception {
    accounts.create(
        new Accounts.NewAccount(
            "az.energy",
            "AZ energy",
            "AZ",
            "Ministry of Energy",
            EnumSet.of(Role.MEMBER),
            false,
            PASSWORD,
            List.of(new MembershipInput(CHARTER, GROUP, true))));
    token = tokens.create("az.energy", "edge", Scope.WRITE, 30).secret();
    MockHttpServletResponse login =
        send(
            post("/login").param("username", "az.energy").param("password", PASSWORD).with(csrf()));
    assertThat(login.getRedirectedUrl()).isEqualTo("/");
    session = login.getCookie("SESSION");
  }

  private MockHttpServletResponse send(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  private MockHttpServletResponse api(MockHttpServletRequestBuilder request) throws Exception {
    return send(request.header("Authorization", "Bearer " + token));
  }

  private MockHttpServletResponse recordEvent(String json) throws Exception {
    return api(post(EVENTS).contentType(MediaType.APPLICATION_JSON).content(json));
  }

  private long rows(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static String field(MockHttpServletResponse response) throws Exception {
    return JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8), "$.errors[0].field");
  }

  @Test
  void aJsonFieldWithAControlCharacterIsRefusedNamingTheField() throws Exception {
    long before = rows("obligation_event");
    MockHttpServletResponse response =
        recordEvent(
            "{\"kind\":\"meeting-held\",\"subject\":\"wg-energy\",\"occurredOn\":\"2026-10-01\","
                + "\"title\":\"Held\",\"note\":\"a\\u0000b\"}");
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(field(response)).isEqualTo("note");
    assertThat(response.getContentAsString()).contains("U+0000");
    assertThat(rows("obligation_event")).isEqualTo(before);
  }

  @Test
  void aLoneSurrogateDeepInABodyIsRefusedNamingItsPath() throws Exception {
    MockHttpServletResponse response =
        api(
            post("/api" + PROJECTS)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"key\":\"edge-surrogate\",\"title\":{\"en\":\"Dam\"},"
                        + "\"commitments\":[\"oil-gas-electricity\"],"
                        + "\"financing\":[{\"amount\":10,\"currency\":\"USD\","
                        + "\"source\":\"x\\ud800\",\"status\":\"PLEDGED\"}]}"));
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
    assertThat(field(response)).isEqualTo("financing[0].source");
    assertThat(rows("project where code = 'edge-surrogate'")).isZero();
  }

  @Test
  void aControlCharacterInALanguageOfATextIsRefusedNamingIt() throws Exception {
    MockHttpServletResponse response =
        api(
            post("/api" + PROJECTS)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"key\":\"edge-key\",\"title\":{\"en\\u0085\":\"Dam\"},"
                        + "\"commitments\":[\"oil-gas-electricity\"]}"));
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
    assertThat(field(response)).startsWith("title");
  }

  @Test
  void textInAJsonBodyIsKeptInNfcWithLineBreaksAsLf() throws Exception {
    MockHttpServletResponse created =
        recordEvent(
            "{\"kind\":\"meeting-held\",\"subject\":\"wg-energy\",\"occurredOn\":\"2026-10-02\","
                + "\"title\":\"Gu\\u0308ney\",\"note\":\"one\\r\\ntwo\\rthree\"}");
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    String id = JsonPath.read(created.getContentAsString(), "$.id");
    MockHttpServletResponse read = api(get(EVENTS + "/" + id));
    String body = read.getContentAsString(StandardCharsets.UTF_8);
    assertThat((String) JsonPath.read(body, "$.note")).isEqualTo("one\ntwo\nthree");
    assertThat((String) JsonPath.read(body, "$.title.en")).isEqualTo("G\u00fcney");
  }

  @Test
  void malformedJsonAndWrongTypesNameTheField() throws Exception {
    MockHttpServletResponse wrongDate =
        recordEvent(
            "{\"kind\":\"meeting-held\",\"subject\":\"wg-energy\",\"occurredOn\":\"yesterday\"}");
    assertThat(wrongDate.getStatus()).isEqualTo(400);
    assertThat(field(wrongDate)).isEqualTo("occurredOn");
    MockHttpServletResponse wrongType =
        recordEvent(
            "{\"kind\":\"meeting-held\",\"subject\":{\"a\":1},\"occurredOn\":\"2026-10-01\"}");
    assertThat(wrongType.getStatus()).isEqualTo(400);
    assertThat(field(wrongType)).isEqualTo("subject");
    MockHttpServletResponse unknown =
        recordEvent("{\"kind\":\"meeting-held\",\"surprise\":1,\"occurredOn\":\"2026-10-01\"}");
    assertThat(unknown.getStatus()).isEqualTo(400);
    assertThat(field(unknown)).isEqualTo("surprise");
    MockHttpServletResponse truncated = recordEvent("{\"kind\":");
    assertThat(truncated.getStatus()).isEqualTo(400);
    assertThat(truncated.getContentType()).startsWith("application/problem+json");
    assertThat(field(truncated)).isEqualTo("body");
    assertThat(truncated.getContentAsString()).contains("not valid JSON");
  }

  @Test
  void aQueryParameterWithAControlCharacterIsRefusedNamingIt() throws Exception {
    MockHttpServletResponse response =
        api(get("/api/charters/" + CHARTER + "/search").param("q", "dam\u0007"));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(field(response)).isEqualTo("q");
  }

  @Test
  void aWrongTypeOfQueryParameterIsRefusedNamingIt() throws Exception {
    MockHttpServletResponse response = api(get(EVENTS).param("page", "first"));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(field(response)).isEqualTo("page");
  }

  @Test
  void aPathVariableWithAControlCharacterIsRefusedNamingIt() throws Exception {
    MockHttpServletResponse response = api(get("/api/charters/{charter}", "az\u0001us"));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(field(response)).isEqualTo("charter");
  }

  @Test
  void aFormFieldWithAControlCharacterIsRefusedNamingTheFieldAndNothingChanges() throws Exception {
    long before = rows("project");
    var result =
        mvc.perform(
                post(PROJECTS)
                    .with(csrf())
                    .cookie(session)
                    .param("key", "edge-form")
                    .param("titleEn", "Dam\u0000")
                    .param("commitments", "oil-gas-electricity"))
            .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    // the error page (error.html) names the field from this attribute
    assertThat(result.getRequest().getAttribute("refusedText")).isEqualTo("titleEn");
    assertThat(rows("project")).isEqualTo(before);
  }

  @Test
  void aFormFieldIsKeptInNfcWithLineBreaksAsLf() throws Exception {
    MockHttpServletResponse response =
        send(
            post(PROJECTS)
                .with(csrf())
                .cookie(session)
                .param("key", "edge-nfc")
                .param("titleEn", "Gu\u0308ney\r\nline")
                .param("commitments", "oil-gas-electricity"));
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
    String title =
        jdbc.sql("select title from project where code = 'edge-nfc'").query(String.class).single();
    assertThat(title).contains("G\u00fcney").doesNotContain("\\r").doesNotContain("u0308");
  }

  @Test
  void aFinancingStatusOutsideTheChoicesShowsTheFormAgainWithWhatWasTyped() throws Exception {
    long before = rows("project");
    MockHttpServletResponse response =
        send(
            post(PROJECTS)
                .with(csrf())
                .cookie(session)
                .param("key", "edge-financing")
                .param("titleEn", "Solar park")
                .param("commitments", "oil-gas-electricity")
                .param("amount", "1000")
                .param("currency", "USD")
                .param("financingStatus", "PROMISED"));
    assertThat(response.getStatus()).isEqualTo(400);
    String page = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .contains("pledged, committed or disbursed")
        .contains("value=\"edge-financing\"")
        .contains("value=\"Solar park\"");
    assertThat(rows("project")).isEqualTo(before);
  }

  @Test
  void anUploadedFileNameWithAControlCharacterIsRefused() throws Exception {
    long before = rows("import_job");
    MockHttpServletResponse response =
        send(
            multipart("/charters/" + CHARTER + "/working-groups/" + GROUP + "/import")
                .file(
                    new MockMultipartFile(
                        "file",
                        "projects\u0000.csv",
                        "text/csv",
                        "key,title_en\n".getBytes(StandardCharsets.UTF_8)))
                .param("kind", "PROJECTS")
                .with(csrf())
                .cookie(session));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("control character");
    assertThat(rows("import_job")).isEqualTo(before);
  }
}

package org.entente.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
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
 * The directory's forms make the same change as its API (issue 18: every API write is also a form):
 * the same organization, as the API reads it, and the same audit event, through {@code POST
 * /api/charters/{c}/organizations} and the add form, and through {@code PUT
 * /api/charters/{c}/organizations/{id}} and the change form.
 */
@EntenteTest
@CleanAfterEachTest
class DirectoryFormsTest {

  static final String API = "/api/charters/az-us-2026/organizations";
  static final String PAGE = "/charters/az-us-2026/organizations";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired Audit audit;

  String token;
  Cookie session;

  @BeforeEach
  void coordinator() throws Exception {
    token = people.person("df.coord").party("US").role(Role.COORDINATOR).create();
    session = People.session(mvc, "df.coord");
  }

  private MockHttpServletResponse api(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(
            request
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse form(String path, Map<String, String> fields) throws Exception {
    MockHttpServletRequestBuilder request = post(path).cookie(session).with(csrf());
    fields.forEach(request::param);
    return mvc.perform(request).andReturn().getResponse();
  }

  private static Map<String, String> fields(String name, String type, String version) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("secondName", name + " (az)");
    fields.put("party", "US");
    fields.put("type", type);
    fields.put("identifier", "US-EIN-123456789");
    if (version != null) {
      fields.put("version", version);
    }
    return fields;
  }

  private static String json(Map<String, String> fields) {
    StringBuilder json = new StringBuilder("{");
    fields.forEach(
        (k, v) ->
            json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(k.equals("version") ? v : "\"" + v + "\""));
    return json.append('}').toString();
  }

  /** The organization as the API reads it, its name and what differs by construction left out. */
  private Map<String, Object> content(String id, String name) throws Exception {
    Map<String, Object> read =
        new LinkedHashMap<>(JsonPath.read(api(get(API + "/" + id)).getContentAsString(), "$"));
    assertThat(read.remove("name")).isEqualTo(name);
    assertThat(read.remove("secondName")).isEqualTo(name + " (az)");
    read.remove("id");
    read.remove("createdAt");
    read.remove("updatedAt");
    return read;
  }

  private AuditEvent lastEvent() {
    return audit.events(null, null, null, new Paging(0, 1)).items().get(0);
  }

  /** An event's details with the organization's name left out (it differs by construction). */
  private static String details(AuditEvent event, String name) {
    return event.details().replace(name, "<name>");
  }

  @Test
  void theAddFormMakesTheSameOrganizationAsTheApiWithTheSameAuditEvent() throws Exception {
    MockHttpServletResponse created = api(post(API).content(json(fields("Ex-Im API", "10", null))));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    String throughApi = JsonPath.read(created.getContentAsString(), "$.id");
    AuditEvent byApi = lastEvent();

    MockHttpServletResponse added = form(PAGE, fields("Ex-Im form", "10", null));
    assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(302);
    String throughForm = added.getRedirectedUrl().substring((PAGE + "/").length());
    AuditEvent byForm = lastEvent();

    assertThat(content(throughForm, "Ex-Im form")).isEqualTo(content(throughApi, "Ex-Im API"));
    assertThat(byForm.action()).isEqualTo(byApi.action()).isEqualTo("organization.created");
    assertThat(byForm.recordType()).isEqualTo(byApi.recordType()).isEqualTo("organization");
    assertThat(byForm.recordId()).isEqualTo(throughForm);
    assertThat(details(byForm, "Ex-Im form")).isEqualTo(details(byApi, "Ex-Im API"));
  }

  @Test
  void theChangeFormMakesTheSameChangeAsTheApiWithTheSameAuditEvent() throws Exception {
    String throughApi =
        JsonPath.read(
            api(post(API).content(json(fields("DFC API", "10", null)))).getContentAsString(),
            "$.id");
    String throughForm =
        JsonPath.read(
            api(post(API).content(json(fields("DFC form", "10", null)))).getContentAsString(),
            "$.id");

    MockHttpServletResponse changed =
        api(put(API + "/" + throughApi).content(json(fields("DFC API", "40", "0"))));
    assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
    AuditEvent byApi = lastEvent();
    String page =
        mvc.perform(get(PAGE + "/" + throughForm).cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("action=\"" + PAGE + "/" + throughForm + "\"");
    MockHttpServletResponse saved = form(PAGE + "/" + throughForm, fields("DFC form", "40", "0"));
    assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
    assertThat(saved.getRedirectedUrl()).isEqualTo(PAGE + "/" + throughForm);
    AuditEvent byForm = lastEvent();

    assertThat(content(throughForm, "DFC form"))
        .isEqualTo(content(throughApi, "DFC API"))
        .containsEntry("type", "40")
        .containsEntry("version", 1);
    assertThat(byForm.action()).isEqualTo(byApi.action()).isEqualTo("organization.updated");
    assertThat(byForm.recordId()).isEqualTo(throughForm);
    assertThat(details(byForm, "DFC form")).isEqualTo(details(byApi, "DFC API"));
  }
}

package org.entente.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 18: creating an indicator, adding and correcting its values and importing them from CSV in
 * the browser, as through the API: the same rules, errors, records and audit events; and the
 * values' CSV link that goes with the browser's session.
 */
@EntenteTest
@CleanAfterEachTest
class IndicatorFormsTest {

  static final String CHARTER = "az-us-2026";
  static final String GROUP = "wg-connectivity-digital";

  static final String INDICATOR_JSON =
      """
      {"key":"%s","name":{"en":"Container trains via Baku","az":"Bakı ilə konteyner qatarları"},
       "unit":"trains","direction":"lower","commitments":["middle-corridor"],
       "workingGroup":"wg-connectivity-digital","classification":"bilateral",
       "definition":"Trains a year","dataSource":"ADY","ownerOrganization":"Azerbaijan Railways"}
      """;

  static final String VALUE_JSON =
      """
      {"kind":"target","year":2029,"date":"2029-06-30","value":"240.5","unit":"trains",
       "sourceUrl":"https://ady.az/plan","publisher":"ADY","note":"plan","official":true}
      """;

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired Audit audit;
  @Autowired JdbcClient jdbc;

  String token;
  Cookie session;

  @BeforeEach
  void member() throws Exception {
    token =
        people.person("ind.member").party("US").role(Role.MEMBER).memberOf(CHARTER, GROUP).create();
    session = login("ind.member");
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

  private MockHttpServletResponse form(String url, Map<String, String> fields, Cookie who)
      throws Exception {
    MockHttpServletRequestBuilder request = post(url).cookie(who).with(csrf());
    fields.forEach(request::param);
    return mvc.perform(request).andReturn().getResponse();
  }

  private String createByApi(String key) throws Exception {
    MockHttpServletResponse r =
        api(
            post("/api/charters/" + CHARTER + "/indicators")
                .content(INDICATOR_JSON.formatted(key)));
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return JsonPath.read(r.getContentAsString(), "$.id");
  }

  private static Map<String, String> indicatorForm(String key) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("key", key);
    form.put("name_en", "Container trains via Baku");
    form.put("name_az", "Bakı ilə konteyner qatarları");
    form.put("unit_en", "trains");
    form.put("direction", "lower");
    form.put("workingGroup", GROUP);
    form.put("classification", "bilateral");
    form.put("definition_en", "Trains a year");
    form.put("source_en", "ADY");
    form.put("ownerOrganization", "Azerbaijan Railways");
    return form;
  }

  private static Map<String, String> valueForm() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("kind", "target");
    form.put("year", "2029");
    form.put("date", "2029-06-30");
    form.put("value", "240.5");
    form.put("unit", "trains");
    form.put("sourceUrl", "https://ady.az/plan");
    form.put("publisher", "ADY");
    form.put("note_en", "plan");
    form.put("official", "true");
    return form;
  }

  /** An indicator as the API shows it, without what tells two indicators apart. */
  private Map<String, Object> content(String id) throws Exception {
    String json = api(get("/api/indicators/" + id)).getContentAsString();
    Map<String, Object> all = JsonPath.read(json, "$");
    Map<String, Object> content = new LinkedHashMap<>(all);
    content.remove("id");
    content.remove("key");
    List<Map<String, Object>> values = JsonPath.read(json, "$.values");
    content.put(
        "values",
        values.stream()
            .map(
                v -> {
                  Map<String, Object> value = new LinkedHashMap<>(v);
                  value.remove("id");
                  value.remove("createdAt");
                  value.put("supersededBy", v.get("supersededBy") == null ? "no" : "yes");
                  return value;
                })
            .sorted(java.util.Comparator.comparing(Object::toString))
            .toList());
    return content;
  }

  private AuditEvent lastEvent() {
    return audit.events(null, null, null, new Paging(0, 1)).items().get(0);
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  @Test
  void theCreateFormMakesTheSameIndicatorAsTheApiWithTheSameAuditEvent() throws Exception {
    String list =
        mvc.perform(get("/charters/" + CHARTER + "/indicators").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains("name=\"key\"").contains("value=\"" + GROUP + "\"");

    String throughApi = createByApi("zx-api");
    AuditEvent byApi = lastEvent();
    Map<String, String> fields = indicatorForm("zx-form");
    MockHttpServletRequestBuilder request =
        post("/charters/" + CHARTER + "/indicators").cookie(session).with(csrf());
    fields.forEach(request::param);
    request.param("commitments", "middle-corridor");
    MockHttpServletResponse created = mvc.perform(request).andReturn().getResponse();
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
    AuditEvent byForm = lastEvent();
    String throughForm = created.getRedirectedUrl().substring("/indicators/".length());

    assertThat(content(throughForm)).isEqualTo(content(throughApi));
    assertThat(content(throughForm))
        .containsEntry("direction", "lower")
        .containsEntry("commitments", List.of("middle-corridor"))
        .containsEntry("classification", "BILATERAL");
    assertThat(byForm.action()).isEqualTo(byApi.action()).isEqualTo("indicator.created");
    assertThat(byForm.recordType()).isEqualTo(byApi.recordType()).isEqualTo("indicator");
    assertThat(byForm.recordId()).isEqualTo(throughForm);
  }

  @Test
  void theValueFormAddsAndCorrectsAsTheApiDoesWithTheSameAuditEvent() throws Exception {
    String throughApi = createByApi("zx-api");
    String throughForm = createByApi("zx-form");
    assertThat(
            api(post("/api/indicators/" + throughApi + "/values").content(VALUE_JSON)).getStatus())
        .isEqualTo(201);
    AuditEvent byApi = lastEvent();

    String page =
        mvc.perform(get("/indicators/" + throughForm).cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("action=\"/indicators/" + throughForm + "/values\"");
    MockHttpServletResponse added =
        form("/indicators/" + throughForm + "/values", valueForm(), session);
    assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(302);
    assertThat(added.getRedirectedUrl()).isEqualTo("/indicators/" + throughForm);
    AuditEvent byForm = lastEvent();
    assertThat(content(throughForm)).isEqualTo(content(throughApi));
    assertThat(byForm.action()).isEqualTo(byApi.action()).isEqualTo("indicator.value-added");
    assertThat(byForm.recordType()).isEqualTo(byApi.recordType()).isEqualTo("indicator");
    assertThat(byForm.recordId()).isEqualTo(throughForm);

    // a correction: the earlier value is kept as history, superseded, the same both ways
    String apiValue =
        JsonPath.read(
            api(get("/api/indicators/" + throughApi)).getContentAsString(), "$.values[0].id");
    String formValue =
        JsonPath.read(
            api(get("/api/indicators/" + throughForm)).getContentAsString(), "$.values[0].id");
    assertThat(
            api(post("/api/indicators/" + throughApi + "/values")
                    .content(
                        VALUE_JSON
                            .replace("240.5", "250")
                            .replace("}", ",\"corrects\":\"" + apiValue + "\"}")))
                .getStatus())
        .isEqualTo(201);
    Map<String, String> correction = valueForm();
    correction.put("value", "250");
    correction.put("corrects", formValue);
    assertThat(form("/indicators/" + throughForm + "/values", correction, session).getStatus())
        .isEqualTo(302);
    Map<String, Object> corrected = content(throughForm);
    assertThat(corrected).isEqualTo(content(throughApi));
    assertThat((List<?>) corrected.get("values")).hasSize(2);
  }

  @Test
  void aRefusedValueShowsTheFormAgainWithWhatWasTypedAndChangesNothing() throws Exception {
    String id = createByApi("zx-refused");
    long values = count("indicator_value");
    long seq = audit.head().seq();
    Map<String, String> fields = valueForm();
    fields.put("unit", "wagons");
    fields.put("note_en", "typed by hand");

    MockHttpServletResponse refused = form("/indicators/" + id + "/values", fields, session);

    assertThat(refused.getStatus()).isEqualTo(400);
    String body = refused.getContentAsString();
    assertThat(body)
        .contains("role=\"alert\"")
        .contains("value=\"wagons\"")
        .contains("value=\"typed by hand\"")
        .contains("value=\"240.5\"")
        .containsPattern("id=\"unit\"[^>]*aria-invalid=\"true\"")
        .containsPattern("id=\"unit\"[^>]*aria-describedby=\"form-error unit-hint\"");
    assertThat(count("indicator_value")).isEqualTo(values);
    assertThat(audit.head().seq()).isEqualTo(seq);

    Map<String, String> badYear = valueForm();
    badYear.put("year", "twenty");
    MockHttpServletResponse notAYear = form("/indicators/" + id + "/values", badYear, session);
    assertThat(notAYear.getStatus()).isEqualTo(400);
    assertThat(notAYear.getContentAsString())
        .contains("value=\"twenty\"")
        .containsPattern("id=\"year\"[^>]*aria-invalid=\"true\"");
    assertThat(count("indicator_value")).isEqualTo(values);

    Map<String, String> noKind = valueForm();
    noKind.remove("kind");
    MockHttpServletResponse kindless = form("/indicators/" + id + "/values", noKind, session);
    assertThat(kindless.getStatus()).isEqualTo(400);
    assertThat(kindless.getContentAsString())
        .containsPattern("id=\"kind-actual\"[^>]*aria-invalid=\"true\"")
        .contains("value=\"https://ady.az/plan\"");
    assertThat(count("indicator_value")).isEqualTo(values);
    assertThat(audit.head().seq()).isEqualTo(seq);
  }

  @Test
  void aRefusedIndicatorShowsTheFormAgainNamingTheField() throws Exception {
    createByApi("zx-taken");
    long indicators = count("indicator");
    MockHttpServletResponse refused =
        form("/charters/" + CHARTER + "/indicators", indicatorForm("zx-taken"), session);
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString())
        .contains("exists already")
        .contains("value=\"Bakı ilə konteyner qatarları\"")
        .containsPattern("id=\"key\"[^>]*aria-invalid=\"true\"");
    assertThat(count("indicator")).isEqualTo(indicators);
  }

  @Test
  void someoneWhoMayNotCreateIndicatorsIsRefusedAndNothingChanges() throws Exception {
    String id = createByApi("zx-guarded");
    people.person("ind.reader").party("US").role(Role.OBSERVER).memberOf(CHARTER, GROUP).create();
    Cookie reader = login("ind.reader");
    String list =
        mvc.perform(get("/charters/" + CHARTER + "/indicators").cookie(reader))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).doesNotContain("name=\"key\"");
    long indicators = count("indicator");
    long values = count("indicator_value");
    long seq = audit.head().seq();

    Map<String, String> framework = indicatorForm("zx-intruder");
    framework.remove("workingGroup");
    assertThat(form("/charters/" + CHARTER + "/indicators", framework, reader).getStatus())
        .isEqualTo(403);
    assertThat(
            form("/charters/" + CHARTER + "/indicators", indicatorForm("zx-intruder"), reader)
                .getStatus())
        .isEqualTo(403);
    assertThat(form("/indicators/" + id + "/values", valueForm(), reader).getStatus())
        .isEqualTo(403);
    assertThat(count("indicator")).isEqualTo(indicators);
    assertThat(count("indicator_value")).isEqualTo(values);
    int since = (int) (audit.head().seq() - seq);
    if (since > 0) {
      assertThat(
              audit.events(null, null, null, new Paging(0, since)).items().stream()
                  .map(AuditEvent::action))
          .doesNotContain("indicator.created", "indicator.value-added");
    }
  }

  @Test
  void theValuesCsvLinkGoesWithTheSessionOfASignedInMember() throws Exception {
    String id = createByApi("zx-csv");
    assertThat(api(post("/api/indicators/" + id + "/values").content(VALUE_JSON)).getStatus())
        .isEqualTo(201);
    String page =
        mvc.perform(get("/indicators/" + id).cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("href=\"([^\"]*values\\.csv)\"").matcher(page);
    assertThat(link.find()).as("the page links the values' CSV").isTrue();

    MockHttpServletResponse csv =
        mvc.perform(get(link.group(1)).cookie(session)).andReturn().getResponse();

    assertThat(csv.getStatus()).isEqualTo(200);
    assertThat(csv.getContentType()).startsWith("text/csv");
    assertThat(csv.getContentAsString())
        .startsWith("kind,year,date,value,unit,source_url,publisher,note_en,note_az,official,used")
        .contains("target,2029,2029-06-30,240.5,trains,https://ady.az/plan,ADY,plan,,true,true");
    // the bilateral indicator's values are still not the public's
    assertThat(mvc.perform(get(link.group(1))).andReturn().getResponse().getStatus())
        .isEqualTo(404);
  }

  @Test
  void anUploadedCsvImportsValuesAllOrNothing() throws Exception {
    String id = createByApi("zx-upload");
    String header = "kind,year,date,value,unit,source_url,publisher,note,official,used\n";
    String good =
        header
            + "baseline,2025,,100,trains,https://ady.az/a,ADY,,true,true\n"
            + "actual,2026,,130,trains,https://ady.az/c,ADY,,true,true\n";
    MockHttpServletResponse imported =
        mvc.perform(
                multipart("/indicators/" + id + "/values/import")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "values.csv",
                            "text/csv",
                            good.getBytes(StandardCharsets.UTF_8)))
                    .cookie(session)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(302);
    assertThat(lastEvent().recordId()).isEqualTo(id);
    assertThat((List<?>) content(id).get("values")).hasSize(2);

    long values = count("indicator_value");
    String bad = header + "actual,2027,,lots,trains,https://ady.az/d,ADY,,true,true\n";
    MockHttpServletResponse refused =
        mvc.perform(
                multipart("/indicators/" + id + "/values/import")
                    .file(
                        new MockMultipartFile(
                            "file", "values.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                    .cookie(session)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString())
        .contains("role=\"alert\"")
        .contains("Line 2, value")
        .containsPattern("id=\"file\"[^>]*aria-invalid=\"true\"");
    assertThat(count("indicator_value")).isEqualTo(values);
  }
}

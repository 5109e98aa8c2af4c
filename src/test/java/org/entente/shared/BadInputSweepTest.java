package org.entente.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.entente.identity.AccessTokens;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultHandler;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bad-input sweep: every operation of the OpenAPI description and every form of every page
 * route is sent bad input of every kind we generate (wrong types, unknown fields, empty values,
 * values outside enums, huge values, control characters and lone surrogates, malformed JSON and
 * CSV, wrong content types) by a caller who may call it, with ids that exist, so that the request
 * reaches the parsing of its input. Nothing answers 5xx; what is refused is a 4xx (problem+json
 * naming the field in the API; under pages, a 4xx or the form shown again) and leaves the database
 * as it was (all tables but the audit trail, sessions and login throttling). Each case runs in a
 * transaction rolled back afterwards, so that input a service rightly accepts (an empty optional
 * field) does not change what the next case finds.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputSweepTest {

  /**
   * Whether this class sweeps the API: the sweep's form cases run in {@link FormInputSweepTest}, a
   * class of their own in a lane of their own ({@code testing.Lanes}), beside the API cases.
   */
  boolean apiHere() {
    return getClass() == BadInputSweepTest.class;
  }

  /** Whether this class sweeps the forms: only {@link FormInputSweepTest} does. */
  boolean formsHere() {
    return !apiHere();
  }

  static final String PASSWORD = "correct horse battery";
  static final String CHARTER = "az-us-2026";
  static final String GROUP = "wg-energy";
  static final String OPERATOR = "test-operator-token-0123456789abcdef";

  /** Writes every character outside ASCII escaped, so that a lone surrogate arrives as one. */
  static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(tools.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A little over 1 MB of text: a body or a form field this long reaches the application. */
  static final String HUGE = "x".repeat(1_100_000);

  /**
   * One character more than any text may have ({@link InputText#MAX_LENGTH}), for the query string.
   * A request line longer than the server's header limit (Spring Boot's {@code
   * server.max-http-request-header-size}, 8 KB by default) never reaches the application: the
   * server answers 400 itself. MockMvc has no such limit, and scanning a 1 MB address in the
   * firewall and the path helpers cost a tenth of the suite's CPU, for input no real request can
   * carry; the application's own refusal is what this value reaches.
   */
  static final String OVER_THE_LIMIT = "x".repeat(InputText.MAX_LENGTH + 1);

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  String adminToken;
  String chairToken;
  String coordinatorToken;
  Cookie adminSession;
  Cookie chairSession;
  Cookie coordinatorSession;
  final Map<String, String> ids = new LinkedHashMap<>();
  JsonNode api;
  DatabaseDigest digest;
  List<ResultHandler> printing;

  @BeforeAll
  void peopleRecordsAndTheDescription() throws Exception {
    accounts.createFirstAdministrator(
        accounts.issueSetupToken().orElseThrow(),
        new Accounts.NewAccount(
            "admin",
            "Admin",
            null,
            "Secretariat",
            EnumSet.of(Role.ADMINISTRATOR),
            false,
            PASSWORD));
    accounts.create(
        new Accounts.NewAccount(
            "az.chair",
            "AZ co-chair",
            "AZ",
            "Ministry of Energy",
            EnumSet.of(Role.MEMBER),
            false,
            PASSWORD,
            List.of(new MembershipInput(CHARTER, GROUP, true))));
    adminToken = tokens.create("admin", "sweep", Scope.WRITE, 30).secret();
    chairToken = tokens.create("az.chair", "sweep", Scope.WRITE, 30).secret();
    ids.put(
        "token", tokens.create("az.chair", "revocable", Scope.READ, 30).token().id().toString());
    adminSession = login("admin");
    chairSession = login("az.chair");
    // the directory of organizations: a coordinator manages it
    accounts.create(
        new Accounts.NewAccount(
            "az.coord",
            "AZ coordinator",
            "AZ",
            null,
            EnumSet.of(Role.COORDINATOR),
            false,
            PASSWORD));
    coordinatorToken = tokens.create("az.coord", "sweep", Scope.WRITE, 30).secret();
    coordinatorSession = login("az.coord");

    ids.put(
        "project",
        created(
            "/api/charters/" + CHARTER + "/working-groups/" + GROUP + "/projects",
            "{\"key\":\"sweep-project\",\"title\":{\"en\":\"Sweep project\"},"
                + "\"commitments\":[\"oil-gas-electricity\"],\"classification\":\"bilateral\"}"));
    ids.put(
        "milestone",
        created(
            "/api/charters/" + CHARTER + "/working-groups/" + GROUP + "/roadmap/milestones",
            "{\"key\":\"sweep-milestone\",\"title\":{\"en\":\"Sweep milestone\"},"
                + "\"plannedStart\":\"2026-12-01\",\"plannedEnd\":\"2026-12-20\","
                + "\"project\":\"sweep-project\",\"classification\":\"bilateral\"}"));
    ids.put(
        "meeting",
        created(
            "/api/charters/" + CHARTER + "/meetings",
            "{\"body\":\"working-group\",\"bodyKey\":\""
                + GROUP
                + "\",\"title\":\"Sweep meeting\",\"startsAt\":\"2026-12-10T10:00\","
                + "\"endsAt\":\"2026-12-10T12:00\",\"timeZone\":\"Asia/Baku\","
                + "\"classification\":\"bilateral\"}"));
    // a meeting whose statement, drafted in English, awaits its Azerbaijani translation
    ids.put(
        "statement",
        created(
            "/api/charters/" + CHARTER + "/meetings",
            "{\"body\":\"working-group\",\"bodyKey\":\""
                + GROUP
                + "\",\"title\":\"Sweep statement meeting\",\"startsAt\":\"2026-12-11T10:00\","
                + "\"endsAt\":\"2026-12-11T12:00\",\"timeZone\":\"Asia/Baku\","
                + "\"classification\":\"bilateral\"}"));
    MockHttpServletResponse statement =
        send(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/meetings/" + ids.get("statement") + "/statement")
                .header("Authorization", "Bearer " + chairToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":{\"en\":\"Sweep statement.\"}}"));
    assertThat(statement.getStatus()).as(statement.getContentAsString()).isEqualTo(200);
    ids.put(
        "actionItem",
        created(
            "/api/meetings/" + ids.get("meeting") + "/action-items",
            "{\"title\":\"Sweep action\",\"ownerUsername\":\"az.chair\",\"dueOn\":\"2026-12-20\"}"));
    ids.put(
        "indicator",
        created(
            "/api/charters/" + CHARTER + "/indicators",
            "{\"key\":\"sweep-indicator\",\"name\":{\"en\":\"Sweep indicator\"},"
                + "\"unit\":\"MW\",\"direction\":\"higher\",\"commitments\":[\"oil-gas-electricity\"],"
                + "\"workingGroup\":\""
                + GROUP
                + "\",\"classification\":\"bilateral\"}"));
    ids.put(
        "event",
        created(
            "/api/charters/" + CHARTER + "/events",
            "{\"kind\":\"meeting-held\",\"subject\":\""
                + GROUP
                + "\",\"occurredOn\":\"2026-10-01\",\"title\":\"Sweep event\"}"));
    MockHttpServletResponse organization =
        send(
            post("/api/charters/" + CHARTER + "/organizations")
                .header("Authorization", "Bearer " + coordinatorToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Sweep organization\",\"party\":\"AZ\",\"type\":\"10\"}"));
    assertThat(organization.getStatus()).as(organization.getContentAsString()).isEqualTo(201);
    ids.put("organization", JsonPath.read(organization.getContentAsString(), "$.id"));
    MockHttpServletResponse feed =
        send(
            post("/api/me/calendars")
                .header("Authorization", "Bearer " + chairToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"person\"}"));
    assertThat(feed.getStatus()).as(feed.getContentAsString()).isEqualTo(201);
    ids.put("feed", JsonPath.read(feed.getContentAsString(), "$.feed.id"));
    api = JSON.readTree(send(get("/v3/api-docs")).getContentAsString());
    digest = new DatabaseDigest(jdbc, dataSource);
    printing = withoutPrinting(mvc);
  }

  @AfterAll
  void closeTheDigestAndPrintAgain() throws Exception {
    digest.close();
    ReflectionTestUtils.setField(mvc, "defaultResultHandlers", printing);
  }

  /**
   * Takes Spring Boot's print-on-failure handler off the shared MockMvc while the sweep runs, and
   * returns the handlers to put back: for each of the sweep's requests it writes the whole request
   * and answer (some 1 MB long) to lines it throws away unless the test fails, about a tenth of the
   * time of a request. A failing case names its variant, status and the start of the answer.
   */
  @SuppressWarnings("unchecked")
  private static List<ResultHandler> withoutPrinting(MockMvc mvc) {
    List<ResultHandler> handlers =
        (List<ResultHandler>) ReflectionTestUtils.getField(mvc, "defaultResultHandlers");
    assertThat(handlers).as("MockMvc's result handlers").isNotNull();
    List<ResultHandler> kept =
        handlers.stream().filter(h -> !h.getClass().getName().startsWith(BOOT_MOCK_MVC)).toList();
    assertThat(kept).as("Spring Boot's printing handler").hasSizeLessThan(handlers.size());
    ReflectionTestUtils.setField(mvc, "defaultResultHandlers", kept);
    return handlers;
  }

  static final String BOOT_MOCK_MVC = "org.springframework.boot.webmvc.test.autoconfigure.";

  // ---------------------------------------------------------------- the API

  /** One operation and one of its inputs (a parameter, a body field or the body itself). */
  record ApiCase(String method, String path, String input, JsonNode operation) {
    @Override
    public String toString() {
      return method + " " + path + " · " + input;
    }
  }

  /** One request of a case, and what it must be answered. */
  record Variant(String name, Expect expect, Consumer<Request> change) {}

  /** What a bad input must be answered. */
  enum Expect {
    /** 400 problem+json naming the field. */
    REFUSED_NAMING_FIELD,
    /** A 4xx problem+json (the field may be named, or the record not found). */
    REFUSED,
    /** Anything but a 5xx: the input may be acceptable (an empty optional field). */
    NOT_5XX
  }

  /** A request being built: path variables, query parameters, body and its type. */
  static final class Request {
    final Map<String, String> path = new LinkedHashMap<>();
    final Map<String, String> query = new LinkedHashMap<>();
    String body;
    String contentType;
    JsonNode json;
  }

  Stream<ApiCase> apiCases() {
    List<ApiCase> cases = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").properties().iterator();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String method = op.getKey().toUpperCase();
        JsonNode operation = op.getValue();
        for (JsonNode parameter : operation.path("parameters")) {
          cases.add(
              new ApiCase(
                  method,
                  path.getKey(),
                  parameter.get("in").asString() + " " + parameter.get("name").asString(),
                  operation));
        }
        cases.add(new ApiCase(method, path.getKey(), "query unexpected", operation));
        JsonNode content = operation.path("requestBody").path("content");
        if (!content.isMissingNode()) {
          cases.add(new ApiCase(method, path.getKey(), "body", operation));
          if (content.has("application/json")) {
            for (String field : fields(schema(content.get("application/json").get("schema")))) {
              cases.add(new ApiCase(method, path.getKey(), "field " + field, operation));
            }
          }
        }
      }
    }
    return cases.stream();
  }

  @Test
  @org.junit.jupiter.api.condition.EnabledIf("apiHere")
  void theSweepCoversEveryOperationOfTheDescription() {
    long operations = 0;
    for (JsonNode path : api.get("paths")) {
      operations += path.size();
    }
    Set<String> swept = new LinkedHashSet<>();
    apiCases().forEach(c -> swept.add(c.method() + " " + c.path()));
    assertThat(operations).isGreaterThan(80);
    assertThat(swept).hasSize((int) operations);
  }

  /**
   * The check the sweep relies on: a changed, an added or a removed record changes the digest, a
   * token's use (or a write that leaves every value as it was) does not.
   */
  @Test
  @Transactional
  @org.junit.jupiter.api.condition.EnabledIf("apiHere")
  void theDigestSeesAChangedRecordButNotWhenATokenWasLastUsed() throws Exception {
    String start = digest();
    jdbc.sql("update personal_access_token set last_used_at = current_timestamp").update();
    assertThat(digest()).isEqualTo(start);
    jdbc.sql("update project set title = '{\"en\":\"Changed\"}' where id = ?")
        .param(UUID.fromString(ids.get("project")))
        .update();
    String changed = digest();
    assertThat(changed).isNotEqualTo(start);
    jdbc.sql("insert into indicator_commitment (indicator_id, commitment_key) values (?, 'added')")
        .param(UUID.fromString(ids.get("indicator")))
        .update();
    String inserted = digest();
    assertThat(inserted).isNotEqualTo(changed).isNotEqualTo(start);
    jdbc.sql("delete from action_item where id = ?")
        .param(UUID.fromString(ids.get("actionItem")))
        .update();
    String deleted = digest();
    assertThat(deleted).isNotEqualTo(inserted).isNotEqualTo(changed).isNotEqualTo(start);
    jdbc.sql("update project set title = title, version = version").update();
    assertThat(digest()).as("every value written as it was").isEqualTo(deleted);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apiCases")
  @Transactional
  @org.junit.jupiter.api.condition.EnabledIf("apiHere")
  void everyOperationRefusesBadInputWithoutA5xxOrAChange(ApiCase c) throws Exception {
    List<String> failures = new ArrayList<>();
    boolean safe = c.method().equals("GET");
    // Nothing runs between one variant's request and the next one's: the state after one is the
    // state before the next, so the database is read once per variant, not twice.
    String state = safe ? "" : digest();
    for (Variant variant : variants(c)) {
      Request request = baseRequest(c);
      variant.change().accept(request);
      String before = state;
      MockHttpServletResponse response = send(apiRequest(c, request));
      String after = safe ? "" : digest();
      check(c.toString(), variant, request, response, before, after, failures);
      state = after;
    }
    assertThat(failures).as(c.toString()).isEmpty();
  }

  private void check(
      String what,
      Variant variant,
      Request request,
      MockHttpServletResponse response,
      String before,
      String after,
      List<String> failures)
      throws IOException {
    int status = response.getStatus();
    // the label is written only for a failure: abbreviating a 1 MB answer each time costs
    java.util.function.Function<String, String> fail =
        why -> variant.name() + " → " + status + " " + abbreviate(text(response)) + why;
    if (status >= 500) {
      failures.add(fail.apply(""));
      return;
    }
    if (variant.expect() == Expect.NOT_5XX) {
      if (status >= 400 && !before.equals(after)) {
        failures.add(fail.apply(" (refused, but the database changed)"));
      }
      return;
    }
    if (status < 400) {
      failures.add(fail.apply(" (accepted)"));
      return;
    }
    if (!before.equals(after)) {
      failures.add(fail.apply(" (the database changed)"));
    }
    String type = response.getContentType();
    if (type == null || !type.startsWith("application/problem+json")) {
      failures.add(fail.apply(" (not problem+json: " + type + ")"));
      return;
    }
    if (variant.expect() == Expect.REFUSED_NAMING_FIELD) {
      String field = fieldOf(variant);
      if (status != 400) {
        failures.add(fail.apply(" (not 400)"));
      } else if (field != null && !namesField(text(response), field)) {
        failures.add(fail.apply(" (does not name " + field + ")"));
      }
    }
  }

  private static String text(MockHttpServletResponse response) {
    try {
      return response.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The field a variant concerns: its name is "kind: field". */
  private static String fieldOf(Variant variant) {
    int colon = variant.name().indexOf(": ");
    return colon < 0 ? null : variant.name().substring(colon + 2);
  }

  /** Whether the problem names this field (or a path inside it) in its errors. */
  private static boolean namesField(String body, String field) {
    JsonNode problem = JSON.readTree(body);
    for (JsonNode error : problem.path("errors")) {
      String named = error.path("field").asString("");
      if (named.equals(field)
          || named.startsWith(field + ".")
          || named.startsWith(field + "[")
          || field.startsWith(named + ".")
          || field.startsWith(named + "[")) {
        return true;
      }
    }
    return false;
  }

  private List<Variant> variants(ApiCase c) {
    List<Variant> variants = new ArrayList<>();
    if (c.input().startsWith("path ") || c.input().startsWith("query ")) {
      boolean inPath = c.input().startsWith("path ");
      String name = c.input().substring(c.input().indexOf(' ') + 1);
      JsonNode schema = parameterSchema(c.operation(), name);
      for (Map.Entry<String, String> bad : addressText().entrySet()) {
        variants.add(
            new Variant(
                bad.getKey() + ": " + name,
                // A path variable that is no record's key is not found (404) or refused (400).
                inPath ? Expect.REFUSED : Expect.REFUSED_NAMING_FIELD,
                r -> (inPath ? r.path : r.query).put(name, bad.getValue())));
      }
      String type = schema.path("type").asString("string");
      if (!type.equals("string") || schema.has("format")) {
        variants.add(
            new Variant(
                "wrong type: " + name,
                inPath ? Expect.REFUSED : Expect.REFUSED_NAMING_FIELD,
                r -> (inPath ? r.path : r.query).put(name, "not-a-" + type)));
        variants.add(
            new Variant(
                "huge number: " + name,
                inPath ? Expect.REFUSED : Expect.REFUSED_NAMING_FIELD,
                r -> (inPath ? r.path : r.query).put(name, "9".repeat(40))));
      }
      variants.add(
          new Variant(
              "empty: " + name, Expect.NOT_5XX, r -> (inPath ? r.path : r.query).put(name, "")));
      variants.add(
          new Variant(
              "long: " + name,
              inPath ? Expect.REFUSED : Expect.NOT_5XX,
              r -> (inPath ? r.path : r.query).put(name, "x".repeat(5_000))));
      if (!inPath) {
        variants.add(
            new Variant(
                "over the limit: " + name,
                Expect.REFUSED_NAMING_FIELD,
                r -> r.query.put(name, OVER_THE_LIMIT)));
      }
      return variants;
    }
    if (c.input().equals("body")) {
      JsonNode content = c.operation().path("requestBody").path("content");
      boolean csv = content.has("text/csv");
      if (csv) {
        for (Map.Entry<String, String> bad : badCsv().entrySet()) {
          variants.add(
              new Variant(
                  "malformed CSV " + bad.getKey(),
                  Expect.NOT_5XX,
                  r -> {
                    r.body = bad.getValue();
                    r.contentType = "text/csv";
                  }));
        }
        variants.add(
            new Variant(
                "wrong content type",
                Expect.REFUSED,
                r -> {
                  r.body = "<a/>";
                  r.contentType = "application/xml";
                }));
        return variants;
      }
      Map<String, String> malformed = new LinkedHashMap<>();
      malformed.put("truncated JSON", "{\"a\":");
      malformed.put("not JSON", "hello");
      malformed.put("a list for an object", "[1,2]");
      malformed.put("a raw control character", "{\"x\":\"a\u0001b\"}");
      malformed.put("deeply nested", "[".repeat(5_000) + "]".repeat(5_000));
      malformed.forEach(
          (name, text) ->
              variants.add(
                  new Variant(
                      name,
                      Expect.REFUSED,
                      r -> {
                        r.body = text;
                        r.json = null;
                      })));
      boolean required = c.operation().path("requestBody").path("required").asBoolean(false);
      variants.add(
          new Variant(
              "nothing",
              required ? Expect.REFUSED : Expect.NOT_5XX,
              r -> {
                r.body = "";
                r.json = null;
              }));
      variants.add(
          new Variant(
              "wrong content type",
              Expect.REFUSED,
              r -> {
                r.contentType = "text/plain";
              }));
      variants.add(
          new Variant(
              "form content type",
              Expect.REFUSED,
              r -> {
                r.contentType = "application/x-www-form-urlencoded";
              }));
      if (r(c).json instanceof ObjectNode && schemaHasProperties(c)) {
        variants.add(
            new Variant(
                "unknown field: unexpectedField",
                Expect.REFUSED_NAMING_FIELD,
                r -> ((ObjectNode) r.json).put("unexpectedField", 1)));
        variants.add(
            new Variant(
                "every text empty", Expect.NOT_5XX, r -> emptyAllText((ObjectNode) r.json)));
      }
      return variants;
    }
    // a body field
    String field = c.input().substring("field ".length());
    JsonNode fieldSchema =
        fieldSchema(
            schema(c.operation().at("/requestBody/content/application~1json/schema")), field);
    String type = fieldSchema.path("type").asString(fieldSchema.has("$ref") ? "object" : "string");
    String format = fieldSchema.path("format").asString("");
    for (Map.Entry<String, String> bad : badText().entrySet()) {
      if (type.equals("string")) {
        variants.add(
            new Variant(
                bad.getKey() + ": " + field,
                Expect.REFUSED_NAMING_FIELD,
                r -> set(r.json, field, NODES.stringNode(bad.getValue()))));
      } else if (type.equals("object") && !fieldSchema.has("$ref")) {
        variants.add(
            new Variant(
                bad.getKey() + ": " + field,
                Expect.REFUSED_NAMING_FIELD,
                r -> set(r.json, field, NODES.objectNode().put("en", bad.getValue()))));
        variants.add(
            new Variant(
                bad.getKey() + " in a key: " + field,
                Expect.REFUSED_NAMING_FIELD,
                r -> set(r.json, field, NODES.objectNode().put(bad.getValue(), "text"))));
      } else if (type.equals("array")
          && fieldSchema.path("items").path("type").asString("").equals("string")) {
        variants.add(
            new Variant(
                bad.getKey() + ": " + field,
                Expect.REFUSED_NAMING_FIELD,
                r -> set(r.json, field, NODES.arrayNode().add(bad.getValue()))));
      }
    }
    variants.add(
        new Variant(
            "wrong type: " + field,
            Expect.REFUSED_NAMING_FIELD,
            r -> set(r.json, field, wrong(type))));
    if (fieldSchema.has("enum")) {
      variants.add(
          new Variant(
              "outside the enum: " + field,
              Expect.REFUSED_NAMING_FIELD,
              r -> set(r.json, field, NODES.stringNode("NOT_ONE_OF_THEM"))));
    }
    if (type.equals("integer") || type.equals("number")) {
      variants.add(
          new Variant(
              "huge number: " + field,
              type.equals("integer") ? Expect.REFUSED_NAMING_FIELD : Expect.REFUSED,
              r ->
                  set(r.json, field, NODES.numberNode(new java.math.BigInteger("9".repeat(400))))));
      variants.add(
          new Variant(
              "negative number: " + field,
              Expect.NOT_5XX,
              r -> set(r.json, field, NODES.numberNode(-1))));
    }
    if (type.equals("string") && !format.isEmpty()) {
      variants.add(
          new Variant(
              "not a " + format + ": " + field,
              Expect.REFUSED_NAMING_FIELD,
              r -> set(r.json, field, NODES.stringNode("2026-13-45T99:99"))));
    }
    if (type.equals("string")) {
      variants.add(
          new Variant(
              "long text: " + field,
              Expect.NOT_5XX,
              r -> set(r.json, field, NODES.stringNode("x".repeat(5_000)))));
    }
    variants.add(
        new Variant("empty: " + field, Expect.NOT_5XX, r -> set(r.json, field, empty(type))));
    variants.add(new Variant("missing: " + field, Expect.NOT_5XX, r -> remove(r.json, field)));
    variants.add(
        new Variant("null: " + field, Expect.NOT_5XX, r -> set(r.json, field, NODES.nullNode())));
    return variants;
  }

  private Request r(ApiCase c) {
    return baseRequest(c);
  }

  private boolean schemaHasProperties(ApiCase c) {
    JsonNode schema = schema(c.operation().at("/requestBody/content/application~1json/schema"));
    return schema.has("properties");
  }

  /** Text every field must refuse, by what is wrong with it. */
  static Map<String, String> badText() {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("U+0000", "a\u0000b");
    bad.put("C1 control", "a\u0085b");
    bad.put("lone surrogate", "a\uD800b");
    bad.put("huge text", HUGE);
    return bad;
  }

  /**
   * The bad text for a path variable or a query parameter: the same as {@link #badText()}, with the
   * huge text one character over the limit ({@link #OVER_THE_LIMIT}), since no real request line
   * carries 1 MB.
   */
  static Map<String, String> addressText() {
    Map<String, String> bad = badText();
    bad.put("huge text", OVER_THE_LIMIT);
    return bad;
  }

  static Map<String, String> badCsv() {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("control characters", "\u0000\u0001\u0002");
    bad.put("repeated header", "a,a,a\n1,2,3\n");
    bad.put("unbalanced quote", "\"key,title\n\"x,y\n");
    bad.put("nothing", "");
    bad.put("a lone surrogate", "key,title\nk,\uD800\n");
    return bad;
  }

  private static JsonNode wrong(String type) {
    return switch (type) {
      case "string" -> NODES.objectNode().put("not", "text");
      case "integer", "number" -> NODES.stringNode("not-a-number");
      case "boolean" -> NODES.stringNode("perhaps");
      case "array" -> NODES.objectNode().put("not", "a list");
      default -> NODES.numberNode(42);
    };
  }

  private static JsonNode empty(String type) {
    return switch (type) {
      case "array" -> NODES.arrayNode();
      case "object" -> NODES.objectNode();
      default -> NODES.stringNode("");
    };
  }

  private static void emptyAllText(ObjectNode node) {
    for (String name : new ArrayList<>(node.propertyNames())) {
      if (node.get(name).isString()) {
        node.put(name, "");
      }
    }
  }

  // the request of a case, built from the description

  private Request baseRequest(ApiCase c) {
    Request request = new Request();
    for (JsonNode parameter : c.operation().path("parameters")) {
      String name = parameter.get("name").asString();
      if (parameter.get("in").asString().equals("path")) {
        request.path.put(name, pathValue(c.path(), name));
      } else if (parameter.get("in").asString().equals("query")) {
        request.query.put(name, sample(name, parameter.get("schema")).asString());
      }
    }
    JsonNode content = c.operation().path("requestBody").path("content");
    if (content.has("application/json")) {
      request.contentType = MediaType.APPLICATION_JSON_VALUE;
      request.json = sample("", content.get("application/json").get("schema"));
    } else if (content.has("text/csv")) {
      request.contentType = "text/csv";
      request.body = "key,title\n";
    }
    return request;
  }

  /** A record that exists for a path variable, by the path it is in. */
  private String pathValue(String path, String name) {
    String before = path.substring(0, path.indexOf("{" + name + "}"));
    return switch (name) {
      case "charter" -> CHARTER;
      case "group" -> GROUP;
      case "username" -> "az.chair";
      case "commitment" -> "oil-gas-electricity";
      case "area" -> "energy";
      case "type" -> "projects";
      case "action" -> "submit";
      case "subject" -> "joint-statement";
      case "language" -> "az";
      default -> {
        if (before.endsWith("/joint-statement/")) {
          yield ids.get("statement");
        } else if (before.endsWith("/meetings/")) {
          yield ids.get("meeting");
        } else if (before.endsWith("/projects/")) {
          yield ids.get("project");
        } else if (before.endsWith("/milestones/")) {
          yield ids.get("milestone");
        } else if (before.endsWith("/action-items/")) {
          yield ids.get("actionItem");
        } else if (before.endsWith("/indicators/")) {
          yield ids.get("indicator");
        } else if (before.endsWith("/events/")) {
          yield ids.get("event");
        } else if (before.endsWith("/calendars/")) {
          yield ids.get("feed");
        } else if (before.endsWith("/organizations/")) {
          yield ids.get("organization");
        }
        yield UUID.randomUUID().toString();
      }
    };
  }

  private ApiRequestBuilder apiRequest(ApiCase c, Request r) {
    String path = c.path();
    for (Map.Entry<String, String> v : r.path.entrySet()) {
      path =
          path.replace(
              "{" + v.getKey() + "}",
              org.springframework.web.util.UriUtils.encodePathSegment(
                  v.getValue(), StandardCharsets.UTF_8));
    }
    ApiRequestBuilder builder =
        new ApiRequestBuilder(HttpMethod.valueOf(c.method()), URI.create(path));
    r.query.forEach(builder::param);
    if (r.contentType != null) {
      builder.contentType(r.contentType);
    }
    if (r.json != null) {
      builder.content(JSON.writeValueAsBytes(r.json));
    } else if (r.body != null) {
      builder.content(r.body);
    }
    builder.header("Authorization", "Bearer " + caller(c.path()));
    return builder.accept(MediaType.APPLICATION_JSON, MediaType.ALL);
  }

  private String caller(String path) {
    if (path.startsWith("/api/audit") || path.equals("/api/reminders/run")) {
      return OPERATOR;
    }
    if (path.startsWith("/api/accounts") || path.equals("/api/import")) {
      return adminToken;
    }
    if (path.contains("/organizations")) {
      return coordinatorToken;
    }
    return chairToken;
  }

  private JsonNode schema(JsonNode schema) {
    if (schema != null && schema.has("$ref")) {
      String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
      return api.get("components").get("schemas").get(name);
    }
    return schema == null ? NODES.objectNode() : schema;
  }

  /** The fields of a body, with the fields of the objects in it: {@code financing[0].status}. */
  private List<String> fields(JsonNode schema) {
    List<String> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
      fields.add(p.getKey());
      JsonNode items = p.getValue().path("items");
      JsonNode nested = schema(p.getValue().has("$ref") ? p.getValue() : items);
      if ((p.getValue().has("$ref") || items.has("$ref")) && nested.has("properties")) {
        String prefix = p.getKey() + (items.has("$ref") ? "[0]" : "");
        for (String inner : nested.get("properties").propertyNames()) {
          fields.add(prefix + "." + inner);
        }
      }
    }
    return fields;
  }

  private JsonNode fieldSchema(JsonNode schema, String field) {
    String[] parts = field.split("\\.");
    JsonNode current = schema;
    for (int i = 0; i < parts.length; i++) {
      String name = parts[i].replace("[0]", "");
      JsonNode property = current.path("properties").path(name);
      if (i == parts.length - 1) {
        return property;
      }
      current = schema(parts[i].endsWith("[0]") ? property.get("items") : property);
    }
    return current;
  }

  /** A plausible value for a schema: the first of an enum, a date, a key, one item in a list. */
  private JsonNode sample(String name, JsonNode node) {
    JsonNode schema = schema(node);
    if (schema.has("enum")) {
      return NODES.stringNode(schema.get("enum").get(0).asString());
    }
    String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
    String format = schema.path("format").asString("");
    switch (type) {
      case "integer":
        return NODES.numberNode(name.equals("version") ? 0 : name.equals("year") ? 2026 : 1);
      case "number":
        return NODES.numberNode(10);
      case "boolean":
        return NODES.booleanNode(false);
      case "array":
        ArrayNode list = NODES.arrayNode();
        JsonNode items = schema.path("items");
        if (items.has("$ref")) {
          list.add(sample(name, items));
        }
        return list;
      case "object":
        ObjectNode object = NODES.objectNode();
        if (schema.has("properties")) {
          for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
            object.set(p.getKey(), sample(p.getKey(), p.getValue()));
          }
        } else if (schema.has("additionalProperties")) {
          object.put("en", "Sweep text");
        }
        return object;
      default:
        return NODES.stringNode(
            switch (format) {
              case "date" -> "2026-12-01";
              case "date-time" -> "2026-12-10T10:00:00Z";
              case "uuid" -> UUID.randomUUID().toString();
              default ->
                  switch (name) {
                    case "key" -> "sweep-new";
                    case "charter" -> CHARTER;
                    case "group", "workingGroup", "bodyKey", "subject" -> GROUP;
                    case "classification" -> "bilateral";
                    case "party" -> "AZ";
                    case "currency" -> "USD";
                    case "timeZone" -> "Asia/Baku";
                    case "kind" -> "meeting-held";
                    case "body" -> "working-group";
                    case "page", "size" -> "1";
                    case "from", "to" -> "2026-01-01";
                    case "year" -> "2026";
                    default -> "Sweep text";
                  };
            });
    }
  }

  private static void set(JsonNode root, String field, JsonNode value) {
    String[] parts = field.split("\\.");
    JsonNode current = root;
    for (int i = 0; i < parts.length - 1; i++) {
      String name = parts[i].replace("[0]", "");
      JsonNode next = current.get(name);
      if (parts[i].endsWith("[0]")) {
        next = next.get(0);
      }
      current = next;
    }
    ((ObjectNode) current).set(parts[parts.length - 1], value);
  }

  private static void remove(JsonNode root, String field) {
    String[] parts = field.split("\\.");
    JsonNode current = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = current.get(parts[i].replace("[0]", ""));
      current = parts[i].endsWith("[0]") ? next.get(0) : next;
    }
    ((ObjectNode) current).remove(parts[parts.length - 1]);
  }

  private static JsonNode parameterSchema(JsonNode operation, String name) {
    for (JsonNode parameter : operation.path("parameters")) {
      if (parameter.get("name").asString().equals(name)) {
        return parameter.path("schema");
      }
    }
    return NODES.objectNode();
  }

  // ---------------------------------------------------------------- the pages

  /** One form of a page (its action, resolved) and one of its fields. */
  record FormCase(String route, String action, String field, Set<String> fields) {
    @Override
    public String toString() {
      return "POST " + action + " · " + field;
    }
  }

  static final Pattern FORM =
      Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  static final Pattern ACTION = Pattern.compile("@\\{((?:[^{}(]|\\{[^}]*})*)");
  static final Pattern NAME = Pattern.compile("\\bname=\"([^\"$]+)\"");

  /** The POST page routes of the application, from its handler mappings. */
  private List<String> postPageRoutes() {
    List<String> routes = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              if (!method.getBeanType().getPackageName().startsWith("org.entente")
                  || !info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                return;
              }
              for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                  routes.add(pattern);
                }
              }
            });
    return routes;
  }

  /** Every POST form of every template, with the names of its fields. */
  private static Map<String, Set<String>> templateForms() throws IOException {
    Map<String, Set<String>> forms = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        Matcher form = FORM.matcher(Files.readString(file));
        while (form.find()) {
          if (!form.group(1).toLowerCase().contains("method=\"post\"")) {
            continue;
          }
          Set<String> names = new LinkedHashSet<>();
          Matcher name = NAME.matcher(form.group(2));
          while (name.find()) {
            if (!name.group(1).equals("_csrf")) {
              names.add(name.group(1));
            }
          }
          Matcher action = ACTION.matcher(form.group(1));
          while (action.find()) {
            forms.computeIfAbsent(action.group(1), k -> new LinkedHashSet<>()).addAll(names);
          }
        }
      }
    }
    return forms;
  }

  private static boolean matches(String route, String action) {
    String[] r = route.split("/");
    String[] a = action.split("/");
    if (r.length != a.length) {
      return false;
    }
    for (int i = 0; i < r.length; i++) {
      boolean variable = r[i].startsWith("{") || a[i].startsWith("{");
      if (!variable && !r[i].equals(a[i])) {
        return false;
      }
    }
    return true;
  }

  Stream<FormCase> formCases() throws IOException {
    Map<String, Set<String>> forms = templateForms();
    forms.computeIfAbsent("/setup", k -> new LinkedHashSet<>()).add("token");
    List<FormCase> cases = new ArrayList<>();
    for (String route : postPageRoutes()) {
      for (Map.Entry<String, Set<String>> form : forms.entrySet()) {
        if (!matches(route, form.getKey())) {
          continue;
        }
        String action = resolve(route, form.getKey());
        Set<String> fields = new LinkedHashSet<>(form.getValue());
        fields.add("unexpectedField");
        for (String field : fields) {
          cases.add(new FormCase(route, action, field, fields));
        }
      }
    }
    return cases.stream();
  }

  @Test
  @org.junit.jupiter.api.condition.EnabledIf("formsHere")
  void everyPostPageRouteHasAFormInTheSweep() throws IOException {
    Set<String> swept = new LinkedHashSet<>();
    formCases().forEach(c -> swept.add(c.route()));
    assertThat(swept).containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(postPageRoutes()));
  }

  /** The action with the template's variables given values of records that exist. */
  private String resolve(String route, String action) {
    String[] r = route.split("/");
    String[] a = action.split("/");
    StringBuilder path = new StringBuilder();
    for (int i = 1; i < a.length; i++) {
      String segment = a[i];
      if (segment.startsWith("{")) {
        if (!r[i].startsWith("{")) {
          path.append('/').append(r[i]);
          continue;
        }
        String name = r[i].substring(1, r[i].length() - 1);
        String prefix = String.join("/", java.util.Arrays.copyOfRange(r, 0, i)) + "/";
        segment =
            switch (name) {
              case "charter" -> CHARTER;
              case "group" -> GROUP;
              case "username" -> "az.chair";
              case "action" -> "projects";
              case "subject" -> "joint-statement";
              case "language" -> "az";
              default ->
                  prefix.endsWith("/joint-statement/")
                      ? ids.get("statement")
                      : prefix.endsWith("/meetings/")
                          ? ids.get("meeting")
                          : prefix.endsWith("/projects/")
                              ? ids.get("project")
                              : prefix.endsWith("/action-items/")
                                  ? ids.get("actionItem")
                                  : prefix.endsWith("/organizations/")
                                      ? ids.get("organization")
                                      : prefix.endsWith("/tokens/")
                                          ? ids.get("token")
                                          : prefix.endsWith("/calendars/")
                                              ? ids.get("feed")
                                              : r[i - 1].equals("working-groups")
                                                  ? GROUP
                                                  : "project-list";
            };
      }
      path.append('/').append(segment);
    }
    return path.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formCases")
  @Transactional
  @org.junit.jupiter.api.condition.EnabledIf("formsHere")
  void everyFormRefusesBadInputWithoutA5xxOrAChange(FormCase c) throws Exception {
    List<String> failures = new ArrayList<>();
    Map<String, String> bad = new LinkedHashMap<>(badText());
    bad.put("outside the choices", "NOT_ONE_OF_THEM");
    bad.put("not a number", "not-a-number");
    bad.put("empty", "");
    bad.put("long", "x".repeat(5_000));
    String state = digest();
    for (Map.Entry<String, String> value : bad.entrySet()) {
      MockHttpServletRequestBuilder request = post(c.action()).with(csrf());
      for (String field : c.fields()) {
        request.param(field, field.equals(c.field()) ? value.getValue() : formSample(field));
      }
      Cookie session =
          c.route().startsWith("/admin")
              ? adminSession
              : c.route().equals("/setup")
                  ? null
                  : c.route().contains("/organizations") ? coordinatorSession : chairSession;
      if (session != null) {
        request.cookie(session);
      }
      boolean mustRefuse = badText().containsKey(value.getKey());
      String before = state;
      MockHttpServletResponse response = send(request);
      String after = digest();
      state = after;
      int status = response.getStatus();
      if (status >= 500) {
        failures.add(formLabel(value.getKey(), response));
      } else if (mustRefuse && status < 400) {
        failures.add(formLabel(value.getKey(), response) + " (accepted)");
      } else if (status >= 400 && !before.equals(after)) {
        failures.add(formLabel(value.getKey(), response) + " (refused, but the database changed)");
      }
    }
    assertThat(failures).as(c.toString()).isEmpty();
  }

  private static String formLabel(String value, MockHttpServletResponse response)
      throws IOException {
    return value + " → " + response.getStatus() + " " + abbreviate(response.getContentAsString());
  }

  private static String formSample(String field) {
    return switch (field) {
      case "version" -> "0";
      case "amount" -> "1000";
      case "currency" -> "USD";
      case "financingStatus" -> "PLEDGED";
      case "classification" -> "bilateral";
      case "party" -> "AZ";
      case "days", "daysAhead" -> "30";
      case "scope" -> "READ";
      case "kind" -> "person";
      case "plannedStart", "plannedEnd", "dueOn", "date" -> "2026-12-01";
      case "startsAt" -> "2026-12-10T10:00";
      case "endsAt" -> "2026-12-10T12:00";
      case "timeZone" -> "Asia/Baku";
      case "key" -> "sweep-form";
      default -> "Sweep text";
    };
  }

  // ---------------------------------------------------------------- helpers

  /**
   * A digest of every table but the audit trail, sessions and login attempts, once no import runs:
   * a CSV import a case started (an accepted form) writes in the background and commits on its own,
   * and would otherwise change the database during a later case.
   */
  private String digest() throws Exception {
    importsSettled();
    return digest.of();
  }

  /** Waits until no import job runs (at most a minute: a job of a few rows takes milliseconds). */
  private void importsSettled() throws InterruptedException {
    long until = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
    while (jdbc.sql("select count(*) from import_job where status = 'RUNNING'")
            .query(Long.class)
            .single()
        > 0) {
      if (System.nanoTime() > until) {
        throw new AssertionError("an import job still runs after a minute");
      }
      Thread.sleep(10);
    }
  }

  private String created(String path, String body) throws Exception {
    MockHttpServletResponse response =
        send(
            post(path)
                .header("Authorization", "Bearer " + chairToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(201);
    return JsonPath.read(response.getContentAsString(), "$.id");
  }

  private Cookie login(String username) throws Exception {
    MockHttpServletResponse response =
        send(post("/login").param("username", username).param("password", PASSWORD).with(csrf()));
    assertThat(response.getRedirectedUrl()).isEqualTo("/");
    return response.getCookie("SESSION");
  }

  private MockHttpServletResponse send(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  private static String abbreviate(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }
}

package org.entente.identity;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The link-visibility sweep (issue 16, finding 1; trust.md line 18): a record may only link to
 * records at least as widely visible as itself. The references are read from the database schema
 * (foreign keys, columns named {@code *_id} or {@code *_key}, other uuid and array columns); each
 * is either covered here, with how it is exercised, or exempt with the reason it links no records
 * of different visibility. A new reference column fails {@link #everyReferenceInTheSchemaIsCovered}
 * until it is added to one of the two tables.
 *
 * <p>For each covered reference: making it point at a party-internal record is refused on the write
 * that would make it, with a problem naming the field for someone who may see both records, and
 * exactly as for a record that does not exist for someone who may not; and, stored anyway (as data
 * from before the rule), no output of any GET route (API JSON, CSV exports, pages, public portal,
 * open data) shows the hidden record's key, title or id to the other party or the public.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkVisibilitySweepTest {

  static final String PASSWORD = "correct horse battery";
  static final String CHARTER = "fd-sy-2025";
  static final String GROUP = "river-commission";
  static final String API_GROUP = "/api/charters/" + CHARTER + "/working-groups/" + GROUP;

  /** In the key of every hidden record. */
  static final String KEY_CANARY = "cnry7q";

  /** In the title of every hidden record. */
  static final String TITLE_CANARY = "CANARY-LINK-8E2D";

  /** The reference columns that link records of possibly different visibility. */
  static final Map<String, String> COVERED =
      Map.ofEntries(
          entry(
              "milestone.project_id",
              "POST milestone with project (PUT in RoadmapLinkVisibilityTest); planted; scanned"),
          entry(
              "milestone_dependency.depends_on", "POST milestone with dependsOn; planted; scanned"),
          entry("project_commitment.commitment_id", "POST project with commitments; planted"),
          entry("agenda_item.commitment_key", "POST agenda item with commitment; planted"),
          entry("agenda_item.project_id", "POST agenda item with projectId; planted"),
          entry("agenda_item.milestone_id", "POST agenda item with milestoneId; planted"),
          entry(
              "action_item.milestone_id",
              "made only by POST /api/action-items/{id}/milestone, whose milestone gets the"
                  + " meeting's audience (checked); planted; scanned"),
          entry("indicator_commitment.commitment_key", "POST indicator with commitments; planted"),
          entry("indicator.area_key", "POST indicator with area; planted; scanned"));

  private static final String OWN_GROUP =
      "the record's own group: part of its visibility (classification, origin party, group), not a"
          + " link to another record";
  private static final String CHARTER_OF =
      "the charter the record belongs to: every record of a charter is in it, and the charter is"
          + " at least as visible as its records (the policy checks the record itself)";
  private static final String DEFINITION =
      "charter definition structure, loaded as a whole from one definition both parties hold";
  private static final String OWNER =
      "the record that owns this row (a child row with no classification of its own, shown only"
          + " with its owner)";
  private static final String ACCOUNTS =
      "accounts, sessions and tokens: not records of the charter (grants: see the grant sweep)";

  /** Reference columns that are no link between records of different visibility, and why. */
  static final Map<String, String> EXEMPT =
      Map.ofEntries(
          entry("charter.group_id", OWN_GROUP),
          entry("party.group_id", OWN_GROUP),
          entry("foundation_document.group_id", OWN_GROUP),
          entry("principle.group_id", OWN_GROUP),
          entry("article.group_id", OWN_GROUP),
          entry("clause.group_id", OWN_GROUP),
          entry("area.group_id", OWN_GROUP),
          entry("commitment.group_id", OWN_GROUP),
          entry("working_group.group_id", OWN_GROUP),
          entry("dialogue_platform.group_id", OWN_GROUP),
          entry("history_entry.group_id", OWN_GROUP),
          entry("obligation_rule.group_id", OWN_GROUP),
          entry("obligation_event.group_id", OWN_GROUP),
          entry("project.group_id", OWN_GROUP),
          entry("milestone.group_id", OWN_GROUP),
          entry("meeting.group_id", OWN_GROUP),
          entry("action_item.group_id", OWN_GROUP),
          entry("indicator.group_id", OWN_GROUP),
          entry("agreement.group_id", OWN_GROUP),
          entry("party.charter_id", CHARTER_OF),
          entry("foundation_document.charter_id", CHARTER_OF),
          entry("principle.charter_id", CHARTER_OF),
          entry("article.charter_id", CHARTER_OF),
          entry("clause.charter_id", CHARTER_OF),
          entry("area.charter_id", CHARTER_OF),
          entry("commitment.charter_id", CHARTER_OF),
          entry("working_group.charter_id", CHARTER_OF),
          entry("dialogue_platform.charter_id", CHARTER_OF),
          entry("history_entry.charter_id", CHARTER_OF),
          entry("obligation_rule.charter_id", CHARTER_OF),
          entry("obligation_event.charter_id", CHARTER_OF),
          entry("project.charter_id", CHARTER_OF),
          entry("milestone.charter_id", CHARTER_OF),
          entry("meeting.charter_id", CHARTER_OF),
          entry("action_item.charter_id", CHARTER_OF),
          entry("indicator.charter_id", CHARTER_OF),
          entry("agreement.charter_id", CHARTER_OF),
          entry("organization.charter_id", CHARTER_OF),
          entry("clause.article_id", DEFINITION),
          entry("commitment.clause_id", DEFINITION),
          entry("commitment_area.commitment_id", DEFINITION),
          entry("commitment_area.area_id", DEFINITION),
          entry("working_group_area.working_group_id", DEFINITION),
          entry("working_group_area.area_id", DEFINITION),
          entry("dialogue_platform_area.dialogue_platform_id", DEFINITION),
          entry("dialogue_platform_area.area_id", DEFINITION),
          entry("co_chair.working_group_id", DEFINITION),
          entry("project_commitment.project_id", OWNER),
          entry("project_financing.project_id", OWNER),
          entry("milestone_dependency.milestone_id", OWNER),
          entry("meeting_participant.meeting_id", OWNER),
          entry("agenda_item.meeting_id", OWNER),
          entry("meeting_decision.meeting_id", OWNER),
          entry(
              "meeting_decision.agenda_item_id",
              "an agenda item of the same meeting (Meetings.addDecision refuses another meeting's):"
                  + " the same visibility by construction"),
          entry(
              "action_item.meeting_id",
              "the meeting it came from: an action item takes the meeting's classification and"
                  + " group when it is made, so it is exactly as visible"),
          entry("joint_statement.meeting_id", OWNER),
          entry("indicator_commitment.indicator_id", OWNER),
          entry("indicator_value.indicator_id", OWNER),
          entry(
              "indicator_value.superseded_by",
              "another value of the same indicator: the same visibility by construction"),
          entry(
              "agreement.subject_key",
              "what the agreement is about: it carries its subject's group and classification,"
                  + " and its content is built from the subject's own content (checked in"
                  + " aVersionIsBuiltFromTheRecordsOwnContent)"),
          entry("agreement_content.agreement_id", OWNER),
          entry("agreement_approval.agreement_id", OWNER),
          entry("agreement_agreed.agreement_id", OWNER),
          entry("audit_event.record_id", "the audit trail names records; read by administrators"),
          entry(
              "audit_checkpoint.public_key",
              "the deployment's public signing key, not a reference to a record"),
          entry("membership.account_id", ACCOUNTS),
          entry("membership.group_id", ACCOUNTS),
          entry("personal_access_token.account_id", ACCOUNTS),
          entry("login_throttle.throttle_key", ACCOUNTS),
          entry("spring_session.primary_id", ACCOUNTS),
          entry("spring_session.session_id", ACCOUNTS),
          entry("spring_session_attributes.session_primary_id", ACCOUNTS),
          entry("calendar_feed.group_id", ACCOUNTS),
          entry(
              "import_job.group_key",
              "the group an import job ran for: shown only to those who may write in it"));

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Definitions definitions;
  @Autowired JdbcClient jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  final Map<String, String> token = new LinkedHashMap<>();

  /** The hidden records: FD's party-internal ones. */
  UUID hiddenCommitment;

  UUID hiddenArea;
  String hiddenProject;
  String hiddenMilestone;

  /** The visible records that link (bilateral, of the river commission). */
  String project;

  String milestone;
  String meeting;
  String actionItem;
  String indicator;

  @BeforeAll
  void hiddenRecordsAndVisibleOnes() throws Exception {
    String text =
        DefinitionFixtures.freedoniaSylvania()
            .replace(
                "working-groups:\n",
                """
                  - key: secret-%1$s
                    title: Dam project %2$s
                    action: Build the dam quietly %2$s.
                    clause: c-1-1
                    areas: [water]
                    classification: party-internal
                working-groups:
                """
                    .formatted(KEY_CANARY, TITLE_CANARY));
    assertThat(definitions.load("fs-links.yaml", text).loaded()).isTrue();
    UUID charter =
        jdbc.sql("select id from charter where code = ?").param(CHARTER).query(UUID.class).single();
    // made by FD (a definition's party-internal record has no origin party, so nobody sees it)
    hiddenCommitment =
        jdbc.sql("select id from commitment where charter_id = ? and code = ?")
            .params(charter, "secret-" + KEY_CANARY)
            .query(UUID.class)
            .single();
    jdbc.sql("update commitment set origin_party = 'FD' where id = ?")
        .param(hiddenCommitment)
        .update();
    hiddenArea = UUID.randomUUID();
    jdbc.sql(
            "insert into area (id, charter_id, code, name, position, classification, origin_party,"
                + " created_at, updated_at) values (?, ?, ?, ?, 9, 'PARTY_INTERNAL', 'FD',"
                + " current_timestamp, current_timestamp)")
        .params(hiddenArea, charter, "area-" + KEY_CANARY, "{\"en\":\"Area " + TITLE_CANARY + "\"}")
        .update();

    person("fd.member", "FD");
    person("sy.member", "SY");

    hiddenProject = project("fd.member", "prj-" + KEY_CANARY, "party-internal", "shared-rivers");
    hiddenMilestone = milestone("fd.member", "ms-" + KEY_CANARY, "party-internal", null, "[]");
    project = project("fd.member", "bi-project", "bilateral", "shared-rivers");
    milestone = milestone("fd.member", "bi-milestone", "bilateral", "bi-project", "[]");
    meeting =
        created(
            "fd.member",
            "/api/charters/" + CHARTER + "/meetings",
            """
            {"body":"working-group","bodyKey":"%s","title":"Commission meeting",
             "startsAt":"2026-12-10T10:00","endsAt":"2026-12-10T12:00","timeZone":"Asia/Baku",
             "classification":"bilateral","participants":[{"organization":"Organization of fd.member"}]}
            """
                .formatted(GROUP));
    actionItem =
        created(
            "fd.member",
            "/api/meetings/" + meeting + "/action-items",
            "{\"title\":\"Survey the banks\",\"ownerOrganization\":\"Organization of fd.member\","
                + "\"dueOn\":\"2026-12-20\"}");
    indicator =
        created(
            "fd.member",
            "/api/charters/" + CHARTER + "/indicators",
            """
            {"key":"river-flow","name":{"en":"River flow"},"unit":"cubic metres",
             "direction":"higher","commitments":["shared-rivers"],"area":"water",
             "workingGroup":"%s","classification":"bilateral"}
            """
                .formatted(GROUP));
  }

  private void person(String username, String party) {
    accounts.create(
        new Accounts.NewAccount(
            username,
            username,
            party,
            "Organization of " + username,
            EnumSet.of(Role.MEMBER),
            false,
            PASSWORD,
            List.of(new MembershipInput(CHARTER, GROUP, false))));
    token.put(username, tokens.create(username, "t", Scope.WRITE, 30).secret());
  }

  private MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request)
      throws Exception {
    if (who != null) {
      request.header("Authorization", "Bearer " + token.get(who));
    }
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
  }

  private String created(String who, String url, String body) throws Exception {
    MockHttpServletResponse r = as(who, post(url).content(body));
    assertThat(r.getStatus()).as(url + ": " + r.getContentAsString()).isIn(200, 201);
    return JsonPath.read(r.getContentAsString(), "$.id");
  }

  private String project(String who, String key, String classification, String commitment)
      throws Exception {
    return created(who, API_GROUP + "/projects", projectBody(key, classification, commitment));
  }

  private static String projectBody(String key, String classification, String commitment) {
    return """
        {"key":"%s","title":{"en":"Project %s %s"},"commitments":["%s"],
         "leads":{"FD":"Water ministry"},"partners":[],"financing":[],"classification":"%s"}
        """
        .formatted(
            key, key, key.contains(KEY_CANARY) ? TITLE_CANARY : "", commitment, classification);
  }

  private String milestone(
      String who, String key, String classification, String project, String dependsOn)
      throws Exception {
    return created(
        who,
        API_GROUP + "/roadmap/milestones",
        milestoneBody(key, classification, project, dependsOn));
  }

  private static String milestoneBody(
      String key, String classification, String project, String dependsOn) {
    return """
        {"key":"%s","title":{"en":"Milestone %s %s"},"plannedStart":"2026-12-01",
         "plannedEnd":"2027-03-01",%s"dependsOn":%s,"classification":"%s"}
        """
        .formatted(
            key,
            key,
            key.contains(KEY_CANARY) ? TITLE_CANARY : "",
            project == null ? "" : "\"project\":\"" + project + "\",",
            dependsOn,
            classification);
  }

  // ------------------------------------------------------------------ the schema's references

  /** Every reference column of the schema, as {@code table.column}. */
  private Set<String> referenceColumns() {
    Set<String> columns = new TreeSet<>();
    jdbc.sql(
            "select lower(k.table_name) || '.' || lower(k.column_name)"
                + " from information_schema.table_constraints t"
                + " join information_schema.key_column_usage k"
                + " on k.constraint_name = t.constraint_name"
                + " and k.constraint_schema = t.constraint_schema"
                + " where t.constraint_type = 'FOREIGN KEY' and lower(t.table_schema) = 'public'")
        .query(String.class)
        .list()
        .forEach(columns::add);
    jdbc
        .sql(
            "select lower(table_name) || '.' || lower(column_name), lower(column_name),"
                + " lower(data_type) from information_schema.columns"
                + " where lower(table_schema) = 'public'"
                + " and lower(table_name) <> 'flyway_schema_history'")
        .query(
            (rs, n) -> {
              String column = rs.getString(2);
              String type = rs.getString(3);
              boolean reference =
                  (column.endsWith("_id") || column.endsWith("_key"))
                      || (type.contains("uuid") && !column.equals("id"))
                      || type.contains("array");
              return reference ? rs.getString(1) : null;
            })
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .forEach(columns::add);
    return columns;
  }

  @Test
  @Order(1)
  void everyReferenceInTheSchemaIsCovered() {
    Set<String> schema = referenceColumns();
    Set<String> listed = new TreeSet<>(COVERED.keySet());
    listed.addAll(EXEMPT.keySet());
    assertThat(new TreeSet<>(COVERED.keySet()))
        .as("a reference is either covered or exempt, not both")
        .doesNotContainAnyElementsOf(EXEMPT.keySet());
    Set<String> unknown = new TreeSet<>(schema);
    unknown.removeAll(listed);
    assertThat(unknown)
        .as(
            "reference columns the link-visibility sweep does not cover: add each to COVERED (and"
                + " its write and output to the probes) or to EXEMPT with the reason")
        .isEmpty();
    Set<String> stale = new TreeSet<>(listed);
    stale.removeAll(schema);
    assertThat(stale).as("listed columns that are no longer in the schema").isEmpty();
    assertThat(refusals().keySet()).isEqualTo(COVERED.keySet());
    assertThat(plants().keySet()).isEqualTo(COVERED.keySet());
  }

  // ------------------------------------------------------------------ writes

  /** A write that would link a visible record to a hidden one, and the target's place in it. */
  record Refusal(String url, String body, String target, String field) {}

  /** For each covered reference, the write that would make it point at a hidden record. */
  Map<String, Refusal> refusals() {
    Map<String, Refusal> writes = new LinkedHashMap<>();
    String hiddenMilestoneKey = "ms-" + KEY_CANARY;
    String hiddenProjectKey = "prj-" + KEY_CANARY;
    String hiddenCommitmentKey = "secret-" + KEY_CANARY;
    writes.put(
        "milestone.project_id",
        new Refusal(
            API_GROUP + "/roadmap/milestones",
            milestoneBody("bi-2", "bilateral", hiddenProjectKey, "[]"),
            hiddenProjectKey,
            "project"));
    writes.put(
        "milestone_dependency.depends_on",
        new Refusal(
            API_GROUP + "/roadmap/milestones",
            milestoneBody("bi-3", "bilateral", null, "[\"" + hiddenMilestoneKey + "\"]"),
            hiddenMilestoneKey,
            "dependsOn"));
    writes.put(
        "project_commitment.commitment_id",
        new Refusal(
            API_GROUP + "/projects",
            projectBody("bi-4", "bilateral", hiddenCommitmentKey),
            hiddenCommitmentKey,
            "commitments"));
    String agenda = "/api/meetings/" + meeting + "/agenda-items";
    writes.put(
        "agenda_item.commitment_key",
        new Refusal(
            agenda,
            "{\"title\":\"Dam\",\"commitment\":\"" + hiddenCommitmentKey + "\"}",
            hiddenCommitmentKey,
            "commitment"));
    writes.put(
        "agenda_item.project_id",
        new Refusal(
            agenda,
            "{\"title\":\"Dam\",\"projectId\":\"" + hiddenProject + "\"}",
            hiddenProject,
            "projectId"));
    writes.put(
        "agenda_item.milestone_id",
        new Refusal(
            agenda,
            "{\"title\":\"Dam\",\"milestoneId\":\"" + hiddenMilestone + "\"}",
            hiddenMilestone,
            "milestoneId"));
    // made only from the action item, with the meeting's audience: checked below, not refused
    writes.put("action_item.milestone_id", null);
    String indicatorBody =
        """
        {"key":"%s","name":{"en":"Flow"},"unit":"m3","direction":"higher",
         "commitments":[%s],%s"workingGroup":"%s","classification":"bilateral"}
        """;
    writes.put(
        "indicator_commitment.commitment_key",
        new Refusal(
            "/api/charters/" + CHARTER + "/indicators",
            indicatorBody.formatted("flow-2", "\"" + hiddenCommitmentKey + "\"", "", GROUP),
            hiddenCommitmentKey,
            "commitments[0]"));
    writes.put(
        "indicator.area_key",
        new Refusal(
            "/api/charters/" + CHARTER + "/indicators",
            indicatorBody.formatted(
                "flow-3", "\"shared-rivers\"", "\"area\":\"area-" + KEY_CANARY + "\",", GROUP),
            "area-" + KEY_CANARY,
            "area"));
    return writes;
  }

  /** Everything the refused writes could touch, as text. */
  private String linkTables() {
    StringBuilder all = new StringBuilder();
    for (String table :
        List.of(
            "milestone",
            "milestone_dependency",
            "project",
            "project_commitment",
            "agenda_item",
            "action_item",
            "indicator",
            "indicator_commitment")) {
      all.append(table)
          .append(jdbc.sql("select count(*) from " + table).query(Long.class).single())
          .append('\n');
    }
    return all.toString();
  }

  @Test
  @Order(2)
  void aLinkToALessVisibleRecordIsRefusedOnEveryWriteThatMakesOne() throws Exception {
    String before = linkTables();
    for (Map.Entry<String, Refusal> e : refusals().entrySet()) {
      Refusal w = e.getValue();
      if (w == null) {
        continue;
      }
      // who may see both records is told which field, and why
      MockHttpServletResponse own = as("fd.member", post(w.url()).content(w.body()));
      assertThat(own.getStatus()).as(e.getKey() + ": " + own.getContentAsString()).isEqualTo(400);
      assertThat(own.getContentType()).as(e.getKey()).startsWith("application/problem+json");
      assertThat((String) JsonPath.read(own.getContentAsString(), "$.errors[0].field"))
          .as(e.getKey())
          .isEqualTo(w.field());
      assertThat(own.getContentAsString()).as(e.getKey()).contains("at least as widely visible");
      // who may not see the target gets the answer for a target that does not exist
      String nothing =
          w.target().contains("-")
                  && w.target().length() == 36
                  && w.target().chars().filter(c -> c == '-').count() == 4
              ? UUID.randomUUID().toString()
              : "nothing-here-" + w.target().length();
      MockHttpServletResponse other = as("sy.member", post(w.url()).content(w.body()));
      MockHttpServletResponse missing =
          as("sy.member", post(w.url()).content(w.body().replace(w.target(), nothing)));
      assertThat(other.getStatus()).as(e.getKey()).isBetween(400, 404);
      assertThat(other.getStatus()).as(e.getKey()).isEqualTo(missing.getStatus());
      assertThat(other.getContentAsString().replace(w.target(), nothing))
          .as(e.getKey())
          .isEqualTo(missing.getContentAsString());
    }
    assertThat(linkTables()).as("nothing changed").isEqualTo(before);

    // an action item becomes a milestone exactly as visible as its meeting
    MockHttpServletResponse made =
        as("fd.member", post("/api/action-items/" + actionItem + "/milestone").content("{}"));
    assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(201);
    String made1 = JsonPath.read(made.getContentAsString(), "$.id");
    assertThat(
            jdbc.sql(
                    "select count(*) from action_item a join milestone m on m.id = a.milestone_id"
                        + " join meeting g on g.id = a.meeting_id where a.id = ? and m.id = ?"
                        + " and m.classification = g.classification and m.group_id = g.group_id")
                .params(UUID.fromString(actionItem), UUID.fromString(made1))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  // ------------------------------------------------------------------ stored before the rule

  /** For each covered reference, how a link to a hidden record is stored as if before the rule. */
  Map<String, Runnable> plants() {
    Map<String, Runnable> plants = new LinkedHashMap<>();
    UUID m = UUID.fromString(milestone == null ? UUID.randomUUID().toString() : milestone);
    plants.put(
        "milestone.project_id",
        () ->
            jdbc.sql("update milestone set project_id = ? where id = ?")
                .params(UUID.fromString(hiddenProject), m)
                .update());
    plants.put(
        "milestone_dependency.depends_on",
        () ->
            jdbc.sql("insert into milestone_dependency (milestone_id, depends_on) values (?, ?)")
                .params(m, UUID.fromString(hiddenMilestone))
                .update());
    plants.put(
        "project_commitment.commitment_id",
        () ->
            jdbc.sql(
                    "insert into project_commitment (project_id, commitment_id, position)"
                        + " values (?, ?, 7)")
                .params(UUID.fromString(project), hiddenCommitment)
                .update());
    plants.put("agenda_item.commitment_key", () -> agendaItem("secret-" + KEY_CANARY, null, null));
    plants.put(
        "agenda_item.project_id", () -> agendaItem(null, UUID.fromString(hiddenProject), null));
    plants.put(
        "agenda_item.milestone_id", () -> agendaItem(null, null, UUID.fromString(hiddenMilestone)));
    plants.put(
        "action_item.milestone_id",
        () ->
            jdbc.sql("update action_item set milestone_id = ? where id = ?")
                .params(UUID.fromString(hiddenMilestone), UUID.fromString(actionItem))
                .update());
    plants.put(
        "indicator_commitment.commitment_key",
        () ->
            jdbc.sql(
                    "insert into indicator_commitment (indicator_id, commitment_key) values (?, ?)")
                .params(UUID.fromString(indicator), "secret-" + KEY_CANARY)
                .update());
    plants.put(
        "indicator.area_key",
        () ->
            jdbc.sql("update indicator set area_key = ? where id = ?")
                .params("area-" + KEY_CANARY, UUID.fromString(indicator))
                .update());
    return plants;
  }

  private void agendaItem(String commitment, UUID project, UUID milestone) {
    jdbc.sql(
            "insert into agenda_item (id, meeting_id, position, title, commitment_key, project_id,"
                + " milestone_id) values (?, ?, (select coalesce(max(position), 0) + 1 from"
                + " agenda_item where meeting_id = ?), '{\"en\":\"Item\"}', ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            UUID.fromString(meeting),
            UUID.fromString(meeting),
            commitment,
            project,
            milestone)
        .update();
  }

  boolean planted;

  private void plantAll() {
    if (!planted) {
      plants().values().forEach(Runnable::run);
      planted = true;
    }
  }

  @Test
  @Order(3)
  void aVersionIsBuiltFromTheRecordsOwnContent() throws Exception {
    plantAll();
    for (String list : List.of("/project-list", "/roadmap")) {
      MockHttpServletResponse first = as("fd.member", post(API_GROUP + list + "/submit"));
      assertThat(first.getStatus()).as(list + ": " + first.getContentAsString()).isEqualTo(200);
      MockHttpServletResponse second = as("sy.member", post(API_GROUP + list + "/submit"));
      assertThat(second.getStatus()).as(list).isEqualTo(200);
      assertThat((Integer) JsonPath.read(second.getContentAsString(), "$.agreement.currentVersion"))
          .as(list + ": the other party finds the same content")
          .isEqualTo(1);
    }
    assertThat(
            jdbc.sql("select content from agreement_content").query(String.class).list().stream()
                .map(c -> c.toLowerCase(Locale.ROOT))
                .toList())
        .hasSize(2)
        .noneMatch(
            c -> c.contains(KEY_CANARY) || c.contains(TITLE_CANARY.toLowerCase(Locale.ROOT)));
  }

  @Test
  @Order(4)
  void noOutputShowsAHiddenRecordThroughAVisibleRecordsFields() throws Exception {
    plantAll();
    // the party that made the hidden records sees the links: the sweep would see a leak
    assertThat(as("fd.member", get(API_GROUP + "/roadmap")).getContentAsString())
        .contains("prj-" + KEY_CANARY);
    List<String> leaks = new ArrayList<>();
    leaks.addAll(sweep("sy.member"));
    // published as they stand (as a publication would): the public sees them too
    for (String table : List.of("project", "milestone", "meeting", "action_item", "indicator")) {
      jdbc.sql("update " + table + " set classification = 'PUBLIC' where id in (?, ?, ?, ?, ?)")
          .params(
              UUID.fromString(project),
              UUID.fromString(milestone),
              UUID.fromString(meeting),
              UUID.fromString(actionItem),
              UUID.fromString(indicator))
          .update();
    }
    leaks.addAll(sweep(null));
    leaks.addAll(sweep("sy.member"));
    assertThat(leaks).isEmpty();
  }

  /**
   * Every GET route with the fixture's keys and ids, as one viewer: where a hidden record shows.
   */
  private List<String> sweep(String who) throws Exception {
    Cookie session = who == null ? null : login(who);
    List<String> ids = List.of(project, milestone, meeting, actionItem, indicator);
    List<String> hidden =
        List.of(
            KEY_CANARY,
            TITLE_CANARY.toLowerCase(Locale.ROOT),
            hiddenProject,
            hiddenMilestone,
            hiddenCommitment.toString(),
            hiddenArea.toString());
    List<String> leaks = new ArrayList<>();
    int seen = 0;
    for (String url : urls(ids)) {
      MockHttpServletRequestBuilder request = get(url);
      if (url.startsWith("/api/")) {
        if (who != null) {
          request.header("Authorization", "Bearer " + token.get(who));
        }
      } else {
        request.accept(MediaType.TEXT_HTML);
        if (session != null) {
          request.cookie(session);
        }
      }
      MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
      assertThat(r.getStatus()).as(url).isLessThan(500);
      if (r.getStatus() == 200) {
        seen++;
      }
      String body = r.getContentAsString().toLowerCase(Locale.ROOT);
      for (String h : hidden) {
        if (body.contains(h.toLowerCase(Locale.ROOT))) {
          leaks.add((who == null ? "anonymous" : who) + " " + url + " shows " + h);
        }
      }
    }
    assertThat(seen).as("routes answered").isGreaterThan(30);
    return leaks;
  }

  private Cookie login(String username) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(response.getRedirectedUrl()).isEqualTo("/");
    return response.getCookie("SESSION");
  }

  /** The GET routes of the application, their variables filled with the fixture's records. */
  private List<String> urls(List<String> ids) {
    Set<String> urls = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
              if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                return;
              }
              for (String pattern : info.getPatternValues()) {
                if (skipped(pattern)) {
                  continue;
                }
                List<String> filled = new ArrayList<>(List.of(pattern));
                filled = fill(filled, "{charter}", List.of(CHARTER));
                filled = fill(filled, "{group}", List.of(GROUP));
                filled = fill(filled, "{id}", ids);
                filled = fill(filled, "{key}", List.of("river-flow"));
                filled = fill(filled, "{commitment}", List.of("shared-rivers"));
                filled = fill(filled, "{area}", List.of("water"));
                filled =
                    fill(
                        filled,
                        "{type}",
                        List.of(
                            "areas",
                            "commitments",
                            "working-groups",
                            "projects",
                            "financing",
                            "milestones",
                            "statements",
                            "indicators",
                            "indicator-values"));
                filled.stream().filter(u -> !u.contains("{")).forEach(urls::add);
              }
            });
    return List.copyOf(urls);
  }

  private static List<String> fill(List<String> urls, String variable, List<String> values) {
    List<String> out = new ArrayList<>();
    for (String url : urls) {
      if (url.contains(variable)) {
        values.forEach(v -> out.add(url.replace(variable, v)));
      } else {
        out.add(url);
      }
    }
    return out;
  }

  /**
   * Routes that show no record of a charter (accounts, set-up, the audit trail, the API
   * description), the error page, and the PDF report (compressed: its text is checked by the
   * renderer sweep).
   */
  private static boolean skipped(String pattern) {
    return pattern.startsWith("/admin")
        || pattern.startsWith("/setup")
        || pattern.startsWith("/login")
        || pattern.startsWith("/logout")
        || pattern.startsWith("/error")
        || pattern.startsWith("/v3/")
        || pattern.startsWith("/swagger")
        || pattern.contains("{username}")
        || pattern.contains("{secret}")
        || pattern.endsWith(".pdf");
  }
}

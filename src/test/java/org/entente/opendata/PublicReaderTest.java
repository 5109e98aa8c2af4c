package org.entente.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.opendata.OpenDataFixtures.CANARIES;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.definition.Definitions;
import org.entente.exchange.CharterKeys;
import org.entente.exchange.Publication;
import org.entente.exchange.Reader;
import org.entente.exchange.RecordExchange;
import org.entente.exchange.RecordTable;
import org.entente.exchange.RecordType;
import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What each module's record exchange gives the public reader: only the records both parties agreed
 * to publish, and of them only the fields the module names for the public; a field the parties keep
 * (a project's stage reason) leaves in an administrator's export and never to the public.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicReaderTest {

  static final String STAGE_REASON_CANARY = "CANARY-SR-5a1e07";

  /** What every versioned record keeps for the parties' own bookkeeping. */
  static final Set<String> BOOKKEEPING =
      Set.of("classification", "originParty", "origin_party", "version", "createdAt", "updatedAt");

  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Definitions definitions;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;
  @Autowired Publication publication;
  @Autowired List<RecordExchange> modules;

  OpenDataFixtures fixtures;

  @BeforeAll
  void records() throws Exception {
    fixtures = new OpenDataFixtures(mvc, accounts, tokens, definitions, jdbc).create();
    jdbc.sql("update project set stage_reason = ? where id = ?")
        .params(STAGE_REASON_CANARY, UUID.fromString(fixtures.publicProject))
        .update();
  }

  private Map<String, List<Map<String, Object>>> published() {
    return publication.records(
        CharterKey.of(OpenDataFixtures.CHARTER), Reader.PUBLIC, OpenData.types());
  }

  @Test
  void thePublicReceivesOnlyTheRecordsBothPartiesAgreedToPublish() {
    Map<String, List<Map<String, Object>>> published = published();
    assertThat(keys(published.get("projects"))).isEqualTo(publishedCodes("project"));
    assertThat(keys(published.get("indicators"))).isEqualTo(publishedCodes("indicator"));
    assertThat(keys(published.get("milestones"))).isEqualTo(publishedCodes("milestone"));
    assertThat(published.get("statements"))
        .extracting(s -> (Object) ((Map<?, ?>) s.get("text")).get("en"))
        .containsExactly(OpenDataFixtures.PUBLISHED_STATEMENT);
    for (String canary : CANARIES) {
      assertThat(published.toString()).doesNotContain(canary);
    }
  }

  @Test
  void thePublicReceivesOnlyThePublicFieldsOfARecord() {
    // the parties' field is there to leave, to an administrator's export
    Viewer admin =
        new Viewer(
            "admin", null, false, Set.of(Role.ADMINISTRATOR), Set.of(), Set.of(), Set.of(), false);
    assertThat(projectRows(Reader.of(admin)).toString()).contains(STAGE_REASON_CANARY);

    Map<String, List<Map<String, Object>>> published = published();
    assertThat(published.get("projects")).isNotEmpty();
    assertThat(published.toString()).doesNotContain(STAGE_REASON_CANARY);
    for (String type : OpenData.types()) {
      RecordType t = publication.type(type, Reader.PUBLIC).orElseThrow();
      List<String> fields = t.fields().stream().map(RecordType.Field::name).toList();
      assertThat(fields).as(type).doesNotContainAnyElementsOf(BOOKKEEPING);
      for (Map<String, Object> record : published.get(type)) {
        assertThat(List.copyOf(record.keySet())).as(type).isEqualTo(fields);
      }
    }
  }

  @Test
  void onlyThePublicReceivesRecordsByType() {
    Viewer admin =
        new Viewer(
            "admin", null, false, Set.of(Role.ADMINISTRATOR), Set.of(), Set.of(), Set.of(), false);
    for (String type : OpenData.types()) {
      assertThat(publication.type(type, Reader.PUBLIC)).as(type).isPresent();
      assertThat(publication.type(type, Reader.of(admin))).as(type).isEmpty();
    }
  }

  private List<Map<String, Object>> projectRows(Reader reader) {
    UUID charterId =
        jdbc.sql("select id from charter where code = ?")
            .param(OpenDataFixtures.CHARTER)
            .query(UUID.class)
            .single();
    CharterKeys keys = new CharterKeys(charterId, Map.of(), Map.of());
    for (RecordExchange module : modules) {
      for (RecordTable table : module.tables()) {
        if (table.name().equals("project")) {
          return module.rows(table, keys, reader);
        }
      }
    }
    throw new AssertionError("no module carries the project table");
  }

  private Set<Object> publishedCodes(String table) {
    return new HashSet<>(
        jdbc.sql(
                "select code from "
                    + table
                    + " where classification = 'PUBLIC' and charter_id ="
                    + " (select id from charter where code = ?)")
            .param(OpenDataFixtures.CHARTER)
            .query(String.class)
            .list());
  }

  private static Set<Object> keys(List<Map<String, Object>> records) {
    Set<Object> keys = new HashSet<>();
    records.forEach(r -> keys.add(r.get("key")));
    return keys;
  }
}

package org.entente.charter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.entente.testing.EntenteTest;
import org.entente.testing.TestViewers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one read model of a charter's records by key and id ({@link CharterIndex}): what meetings
 * name groups and platforms by, what projects resolve their commitments with, what an export's and
 * an import's keys come from; the lookups that take a viewer answer only what that viewer may see.
 */
@EntenteTest
class CharterIndexTest {

  @Autowired Definitions definitions;
  @Autowired Charters charters;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  /** The test charter with a party-internal commitment (of no party) and a restricted group. */
  private CharterIndex hiddenRecords() {
    String text =
        DefinitionFixtures.freedoniaSylvania()
            .replace(
                "commitments:\n",
                """
                commitments:
                  - key: secret-dam
                    title: Dam project
                    action: Build the dam quietly.
                    clause: c-1-1
                    areas: [water]
                    classification: party-internal
                """)
            .replace(
                "working-groups:\n",
                """
                working-groups:
                  - key: border-security
                    name: Border security group
                    areas: [water]
                    co-chairs: { FD: Minister of Defence, SY: Minister of Defence }
                    restricted: true
                """);
    assertThat(definitions.load("fs-hidden.yaml", text).problems()).isEmpty();
    return charters.index(CharterKey.of("fd-sy-2025")).orElseThrow();
  }

  private CharterIndex azerbaijanUnitedStates() {
    assertThat(
            definitions
                .load("az-us-2026.yaml", DefinitionFixtures.azerbaijanUnitedStates())
                .loaded())
        .isTrue();
    return charters.index(CharterKey.of("az-us-2026")).orElseThrow();
  }

  private static Viewer official(String party) {
    return new Viewer(
        party + ".official", party, false, Set.of(), Set.of(), Set.of(), Set.of(), false);
  }

  @Test
  void namesEveryGroupAndPlatformOfAnyCharterByIdWithItsNameAndWhetherItIsRestricted() {
    CharterIndex index = azerbaijanUnitedStates();
    CharterIndex.All all = charters.indexes();
    CharterIndex.Entry security = index.workingGroup("wg-security-defense").orElseThrow();
    CharterIndex.Entry dialogue = index.platform("economic-trade-dialogue").orElseThrow();

    assertThat(all.body(security.id()).orElseThrow().restricted()).isTrue();
    assertThat(all.body(security.id()).orElseThrow().charterId()).isEqualTo(index.charterId());
    assertThat(all.body(dialogue.id()).orElseThrow().name().text())
        .isEqualTo("Economic or trade dialogue platform");
    assertThat(all.body(dialogue.id()).orElseThrow().restricted()).isFalse();
    assertThat(all.body(dialogue.id()).orElseThrow().kind())
        .isEqualTo(CharterIndex.DIALOGUE_PLATFORM);
    assertThat(index.workingGroup("wg-economy-trade").orElseThrow().restricted()).isFalse();
    assertThat(all.body(null)).isEmpty();
    assertThat(all.body(UUID.randomUUID())).isEmpty();
    assertThat(all.charterKey(index.charterId())).contains("az-us-2026");
    assertThat(all.charterId("az-us-2026")).contains(index.charterId());
    assertThat(all.charterId("no-such-charter")).isEmpty();
  }

  @Test
  void givesEachPartysTimeZoneWhereTheDefinitionGivesOne() {
    azerbaijanUnitedStates();
    CharterIndex.All all = charters.indexes();

    assertThat(all.partyZone("az-us-2026", "AZ")).contains(ZoneId.of("Asia/Baku"));
    assertThat(all.partyZone("az-us-2026", "US")).contains(ZoneId.of("America/New_York"));
    assertThat(all.partyZone("az-us-2026", null)).isEmpty();
    assertThat(all.partyZone("az-us-2026", "XX")).isEmpty();
    assertThat(all.partyZone("no-such-charter", "AZ")).isEmpty();
    assertThat(hiddenRecords().partyZone("FD")).as("no zone in the definition").isEmpty();
  }

  @Test
  void resolvesCommitmentsByIdWithTheirTitleAndAudienceLeavingAnUnknownIdOut() {
    CharterIndex index = hiddenRecords();
    CharterIndex.Entry rivers = index.commitment("shared-rivers").orElseThrow();
    CharterIndex.Entry dam = index.commitment("secret-dam").orElseThrow();
    UUID unknown = UUID.randomUUID();

    Map<UUID, CharterIndex.Entry> found =
        index.commitments(List.of(rivers.id(), dam.id(), unknown));

    assertThat(found).containsOnlyKeys(rivers.id(), dam.id());
    assertThat(found.get(rivers.id()).name().text()).isEqualTo("Shared river management");
    assertThat(found.get(rivers.id()).key()).isEqualTo("shared-rivers");
    assertThat(TestViewers.ANONYMOUS.canSee(found.get(rivers.id()).audience())).isTrue();
    assertThat(TestViewers.ANONYMOUS.canSee(found.get(dam.id()).audience()))
        .as("the caller checks the audience, and it says party-internal")
        .isFalse();
    assertThat(index.commitments(List.of())).isEmpty();
  }

  @Test
  void givesTheKeysOfAGroupAndOfItsCharterByIdAndTheyStayTheSameAfterTheRecordsChange() {
    CharterIndex index = hiddenRecords();
    CharterIndex.Entry group = index.workingGroup("river-commission").orElseThrow();

    assertThat(charters.keyOf(index.charterId())).contains("fd-sy-2025");
    assertThat(charters.bodyKey(group.id())).contains("river-commission");
    assertThat(charters.keyOf(UUID.randomUUID())).isEmpty();
    assertThat(charters.bodyKey(UUID.randomUUID())).isEmpty();
    assertThat(charters.bodyKey(index.commitment("shared-rivers").orElseThrow().id()))
        .as("a commitment is no body")
        .isEmpty();

    CharterIndex after = azerbaijanUnitedStates();
    UUID security = after.workingGroup("wg-security-defense").orElseThrow().id();
    assertThat(charters.bodyKey(security)).contains("wg-security-defense");
    assertThat(charters.bodyKey(group.id())).contains("river-commission");
  }

  @Test
  void givesAnExportAndAnImportEveryGroupsPlatformsAndCommitmentsKeyWhoeverMaySeeIt() {
    CharterIndex index = hiddenRecords();
    UUID dam = index.commitment("secret-dam").orElseThrow().id();
    UUID border = index.workingGroup("border-security").orElseThrow().id();

    assertThat(index.bodyKeys())
        .containsEntry(border, "border-security")
        .containsValues("river-commission", "culture-trade")
        .hasSize(index.workingGroups().size() + index.platforms().size());
    assertThat(index.commitmentKeys())
        .containsEntry(dam, "secret-dam")
        .containsValues("shared-rivers", "cultural-exchange");
    assertThat(index.restrictedGroupKeys()).containsExactly("border-security");
    assertThat(index.workingGroupKeys())
        .containsEntry(border, "border-security")
        .hasSize(index.workingGroups().size());
  }

  @Test
  void aViewerReceivesOnlyTheCommitmentsAndAreasItMaySee() {
    CharterIndex loaded = hiddenRecords();
    UUID dam = loaded.commitment("secret-dam").orElseThrow().id();
    for (Viewer viewer :
        List.of(TestViewers.ANONYMOUS, TestViewers.OPERATOR, official("FD"), official("SY"))) {
      assertThat(loaded.commitmentKeys(viewer))
          .as("a party-internal commitment of no party, as " + viewer.username())
          .doesNotContainKey(dam)
          .containsValues("shared-rivers", "cultural-exchange");
    }

    // Within a transaction that writes, the index is read anew; rolled back, nothing changed.
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(
        status -> {
          jdbc.sql("update commitment set origin_party = 'FD' where id = ?").param(dam).update();
          jdbc.sql(
                  "update area set classification = 'BILATERAL' where code = 'culture'"
                      + " and charter_id = ?")
              .param(loaded.charterId())
              .update();
          CharterIndex index = charters.index(loaded.charterId()).orElseThrow();
          assertThat(index.commitmentKeys(official("FD"))).containsEntry(dam, "secret-dam");
          assertThat(index.commitmentKeys(official("SY"))).doesNotContainKey(dam);
          assertThat(index.commitmentKeys(TestViewers.ANONYMOUS)).doesNotContainKey(dam);
          assertThat(index.commitmentKeys()).as("whoever may see it").containsKey(dam);
          assertThat(index.areaKeys(TestViewers.ANONYMOUS))
              .containsExactlyInAnyOrder("water", "trade");
          assertThat(index.areaKeys(TestViewers.OPERATOR)).doesNotContain("culture");
          assertThat(index.areaKeys(official("FD"))).contains("culture", "water", "trade");
          assertThat(index.areaKeys(official("SY"))).contains("culture");
          status.setRollbackOnly();
        });
    assertThat(charters.index(loaded.charterId()).orElseThrow().areaKeys(TestViewers.ANONYMOUS))
        .containsExactlyInAnyOrder("water", "culture", "trade");
  }

  @Test
  void isKeptUntilARecordChangesAndAskedForOnceInARequest() {
    hiddenRecords();
    CharterIndex.All kept = charters.indexes();
    assertThat(charters.indexes()).as("kept while no record changed").isSameAs(kept);

    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    try {
      CharterIndex.All inRequest = charters.indexes();
      assertThat(charters.indexes()).isSameAs(inRequest);
      String renamed =
          DefinitionFixtures.freedoniaSylvania()
              .replace("- key: cultural-exchange", "- key: cultural-fairs");
      assertThat(definitions.load("fs.yaml", renamed).loaded()).isTrue();
      CharterIndex after = charters.index(CharterKey.of("fd-sy-2025")).orElseThrow();
      assertThat(after.commitment("cultural-fairs")).as("the request's copy let go").isPresent();
      assertThat(after.commitment("cultural-exchange").orElseThrow().retired()).isTrue();
      assertThat(after.currentCommitment("cultural-exchange")).as("retired").isEmpty();
      assertThat(after.currentCommitment("cultural-fairs")).isPresent();
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }
    assertThat(charters.indexes()).isNotSameAs(kept);
  }

  @Test
  void inARequestThatWritesIsReadOnceUntilARecordChangesAndNotKeptPastItsTransaction() {
    CharterIndex loaded = hiddenRecords();
    UUID dam = loaded.commitment("secret-dam").orElseThrow().id();
    TransactionTemplate tx = new TransactionTemplate(transactions);
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    try {
      tx.executeWithoutResult(
          status -> {
            CharterIndex.All first = charters.indexes();
            assertThat(charters.indexes()).as("nothing changed since").isSameAs(first);
            String renamed =
                DefinitionFixtures.freedoniaSylvania()
                    .replace("- key: cultural-exchange", "- key: cultural-fairs");
            assertThat(definitions.load("fs.yaml", renamed).loaded()).isTrue();
            CharterIndex after = charters.index(CharterKey.of("fd-sy-2025")).orElseThrow();
            assertThat(after.commitment("cultural-fairs")).as("read anew").isPresent();
            assertThat(charters.indexes()).isSameAs(charters.indexes());
            status.setRollbackOnly();
          });
      tx.executeWithoutResult(
          status -> {
            jdbc.sql("update commitment set origin_party = 'FD' where id = ?").param(dam).update();
            CharterIndex index = charters.index(loaded.charterId()).orElseThrow();
            assertThat(index.commitment("cultural-fairs"))
                .as("the rolled-back transaction's copy is gone")
                .isEmpty();
            assertThat(index.commitmentKeys(official("FD"))).containsEntry(dam, "secret-dam");
            status.setRollbackOnly();
          });
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }
  }
}

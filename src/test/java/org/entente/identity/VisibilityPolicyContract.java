package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.entente.shared.Classification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The visibility policy is written twice, as an SQL condition and as an in-memory check. For every
 * combination of classification, origin party and group of a record, and every kind of viewer, the
 * two give the same answer on each database; and the answers are the policy's, checked case by
 * case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VisibilityPolicyContract {

  static final UUID OPEN_GROUP = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  static final UUID RESTRICTED_GROUP = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
  static final UUID OTHER_GROUP = UUID.fromString("00000000-0000-0000-0000-0000000000a3");

  record Row(int id, Classification classification, String originParty, UUID group) {}

  @Autowired JdbcClient jdbc;

  final List<Row> rows = new ArrayList<>();

  @BeforeAll
  void createRecords() {
    jdbc.sql(
            "create table visibility_probe (id int primary key, classification varchar(16) not"
                + " null, origin_party varchar(3), group_id uuid)")
        .update();
    int id = 0;
    for (Classification c : Classification.values()) {
      for (String party : new String[] {null, "AZ", "US"}) {
        for (UUID group : new UUID[] {null, OPEN_GROUP, RESTRICTED_GROUP, OTHER_GROUP}) {
          Row row = new Row(++id, c, party, group);
          rows.add(row);
          jdbc.sql(
                  "insert into visibility_probe (id, classification, origin_party, group_id)"
                      + " values (?, ?, ?, ?)")
              .params(row.id(), c.name(), party, group)
              .update();
        }
      }
    }
  }

  @AfterAll
  void dropRecords() {
    jdbc.sql("drop table visibility_probe").update();
  }

  /** Every kind of viewer: anonymous, or signed in with or without a party, with group sets. */
  static List<Viewer> viewers() {
    List<Viewer> viewers = new ArrayList<>();
    viewers.add(Viewer.ANONYMOUS);
    List<Set<UUID>> groupSets =
        List.of(
            Set.of(),
            Set.of(OPEN_GROUP),
            Set.of(RESTRICTED_GROUP),
            Set.of(OPEN_GROUP, RESTRICTED_GROUP, OTHER_GROUP));
    for (String party : new String[] {null, "AZ", "US"}) {
      for (Set<UUID> groups : groupSets) {
        for (boolean operator : new boolean[] {false, true}) {
          if (operator && (party != null || !groups.isEmpty())) {
            continue;
          }
          viewers.add(
              new Viewer(
                  operator ? "operator" : "someone",
                  party,
                  groups.contains(RESTRICTED_GROUP),
                  EnumSet.of(Role.MEMBER),
                  groups,
                  groups,
                  Set.of(),
                  operator));
        }
      }
    }
    return viewers;
  }

  @Test
  void theSqlConditionAndTheInMemoryCheckAgreeForEveryViewerAndRecord() {
    List<Viewer> viewers = viewers();
    assertThat(viewers).hasSizeGreaterThan(10);
    for (Viewer viewer : viewers) {
      Set<Integer> bySql =
          new LinkedHashSet<>(
              jdbc.sql(
                      "select id from visibility_probe where "
                          + Viewer.condition()
                          + " order by id")
                  .params(viewer.parameters())
                  .query(Integer.class)
                  .list());
      Set<Integer> byAlias =
          new LinkedHashSet<>(
              jdbc.sql(
                      "select p.id from visibility_probe p where "
                          + Viewer.condition("p")
                          + " order by p.id")
                  .params(viewer.parameters())
                  .query(Integer.class)
                  .list());
      Set<Integer> inMemory = new LinkedHashSet<>();
      for (Row row : rows) {
        if (viewer.canSee(row.classification(), row.originParty(), row.group())) {
          inMemory.add(row.id());
        }
      }
      assertThat(bySql).as(viewer.toString()).isEqualTo(inMemory);
      assertThat(byAlias).as(viewer.toString()).isEqualTo(inMemory);
    }
  }

  @Test
  void theAnswersAreThePolicys() {
    Viewer azOfficial = viewer("AZ", Set.of());
    Viewer usMember = viewer("US", Set.of(OPEN_GROUP));
    Viewer company = viewer(null, Set.of(OPEN_GROUP));
    for (Row row : rows) {
      boolean isPublic = row.classification() == Classification.PUBLIC;
      assertThat(Viewer.ANONYMOUS.canSee(row.classification(), row.originParty(), row.group()))
          .as("anonymous, %s", row)
          .isEqualTo(isPublic);
    }
    // bilateral, outside any group: officials of either party, not a company
    assertThat(azOfficial.canSee(Classification.BILATERAL, null, null)).isTrue();
    assertThat(company.canSee(Classification.BILATERAL, null, null)).isFalse();
    // bilateral, in a group: its readers of either party and companies, not other officials
    assertThat(usMember.canSee(Classification.BILATERAL, "AZ", OPEN_GROUP)).isTrue();
    assertThat(company.canSee(Classification.BILATERAL, "AZ", OPEN_GROUP)).isTrue();
    assertThat(azOfficial.canSee(Classification.BILATERAL, "AZ", OPEN_GROUP)).isFalse();
    // party-internal: the origin party only, and in a group only its readers
    assertThat(azOfficial.canSee(Classification.PARTY_INTERNAL, "AZ", null)).isTrue();
    assertThat(usMember.canSee(Classification.PARTY_INTERNAL, "AZ", null)).isFalse();
    assertThat(usMember.canSee(Classification.PARTY_INTERNAL, "AZ", OPEN_GROUP)).isFalse();
    assertThat(usMember.canSee(Classification.PARTY_INTERNAL, "US", OPEN_GROUP)).isTrue();
    assertThat(azOfficial.canSee(Classification.PARTY_INTERNAL, "AZ", OPEN_GROUP)).isFalse();
    assertThat(company.canSee(Classification.PARTY_INTERNAL, null, OPEN_GROUP)).isFalse();
    // without an origin party, a party-internal record is nobody's
    for (Viewer viewer : viewers()) {
      assertThat(viewer.canSee(Classification.PARTY_INTERNAL, null, null)).isFalse();
    }
    // a restricted group is read only by those the viewer's groups include (cleared members)
    assertThat(usMember.canSee(Classification.BILATERAL, "US", RESTRICTED_GROUP)).isFalse();
    assertThat(
            viewer("US", Set.of(RESTRICTED_GROUP))
                .canSee(Classification.BILATERAL, "US", RESTRICTED_GROUP))
        .isTrue();
  }

  private static Viewer viewer(String party, Set<UUID> groups) {
    return new Viewer(
        "someone", party, false, EnumSet.of(Role.MEMBER), groups, groups, Set.of(), false);
  }
}

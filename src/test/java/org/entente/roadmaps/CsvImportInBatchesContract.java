package org.entente.roadmaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.projects.ProjectCsv;
import org.entente.shared.CharterKey;
import org.entente.shared.LocalizedText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files of a few thousand rows, more than one write batch: the projects and milestones imported are
 * stored exactly as sent; an import that changes some of them updates those only (version bumped,
 * commitments, financing and dependencies replaced) and leaves the others as they were; each import
 * that changes something is audited as one event.
 */
abstract class CsvImportInBatchesContract {

  static final String CHARTER = "az-us-2026";
  static final String GROUP = "wg-connectivity-digital";
  static final int PROJECTS = 2_500;
  static final int MILESTONES = 3_000;
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired ProjectCsv projectCsv;
  @Autowired MilestoneCsv milestoneCsv;
  @Autowired Accounts accounts;
  @Autowired Viewers viewers;
  @Autowired JdbcClient jdbc;

  private Viewer member() {
    accounts.create(
        new Accounts.NewAccount(
            "batch.member",
            "Batch member",
            "AZ",
            null,
            EnumSet.of(Role.MEMBER),
            false,
            "correct horse battery",
            List.of(new MembershipInput(CHARTER, GROUP, false))));
    return viewers.of("batch.member").orElseThrow();
  }

  /** Project rows; {@code changed} alters every third one's title, commitments and financing. */
  private static Map<String, List<String>> projectRows(boolean changed) {
    Map<String, List<String>> rows = new TreeMap<>();
    for (int i = 1; i <= PROJECTS; i++) {
      String key = String.format("project-%05d", i);
      boolean alter = changed && i % 3 == 0;
      String commitments =
          alter
              ? "tripp;ai-data-centers"
              : i % 2 == 0 ? "middle-corridor" : "middle-corridor;tripp";
      String amount = i % 4 == 0 ? "" : (alter ? "99.50" : i + "000000.25");
      rows.put(
          key,
          List.of(
              key,
              "Project " + i + (alter ? ", renamed" : ""),
              i % 5 == 0 ? "Layihə " + i + " ə ğ ı ö ş ç ü" : "",
              commitments,
              i % 3 == 1 ? "under-study" : "identified",
              i % 7 == 0 ? "AZ=Ministry " + i + ";US=Department of State" : "",
              amount,
              amount.isEmpty() ? "" : (i % 2 == 0 ? "USD" : "AZN"),
              amount.isEmpty() ? "" : (alter ? "committed" : "pledged"),
              amount.isEmpty() || i % 3 == 2 ? "" : "ADB",
              i % 6 == 0 ? "" : "Place " + i,
              i % 6 == 0 ? "" : "40.25",
              i % 6 == 0 ? "" : "49.5"));
    }
    return rows;
  }

  /** Milestone rows in chains of three; {@code changed} alters every fourth one. */
  private static Map<String, List<String>> milestoneRows(boolean changed) {
    Map<String, List<String>> rows = new TreeMap<>();
    for (int i = 1; i <= MILESTONES; i++) {
      String key = String.format("m-%05d", i);
      boolean alter = changed && i % 4 == 0;
      List<String> deps = new ArrayList<>();
      if (i % 3 != 1) {
        deps.add(String.format("m-%05d", i - 1));
      }
      if (i > 10 && i % 10 == 0) {
        deps.add(String.format("m-%05d", i - 10));
      }
      if (alter) {
        // replaced: the previous one dropped, an earlier one added
        deps.remove(String.format("m-%05d", i - 1));
        deps.add(String.format("m-%05d", i - 3));
      }
      LocalDate start = LocalDate.of(2026, 1, 1).plusDays(i % 700);
      boolean done = i % 5 == 0;
      rows.put(
          key,
          List.of(
              key,
              "Milestone " + i + (alter ? " (revised)" : ""),
              i % 3 == 0 ? "Mərhələ " + i : "",
              i % 2 == 0 ? "Ministry of Digital Development and Transport" : "",
              start.toString(),
              start.plusDays(alter ? 60 : 30).toString(),
              done ? start.toString() : "",
              done ? start.plusDays(20).toString() : "",
              done ? "done" : i % 7 == 0 ? "in-progress" : "not-started",
              i % 3 == 0 ? String.format("project-%05d", 1 + i % PROJECTS) : "",
              String.join(";", deps)));
    }
    return rows;
  }

  private static String csv(String header, Map<String, List<String>> rows) {
    StringBuilder b = new StringBuilder(header).append('\n');
    for (List<String> row : rows.values()) {
      List<String> quoted = new ArrayList<>();
      for (String v : row) {
        quoted.add(v.contains(",") ? '"' + v + '"' : v);
      }
      b.append(String.join(",", quoted)).append('\n');
    }
    return b.toString();
  }

  /** The projects stored, as the columns of their file row. */
  private Map<String, List<String>> storedProjects() {
    Map<UUID, List<String>> commitments = new HashMap<>();
    jdbc.sql(
            "select pc.project_id, c.code from project_commitment pc join commitment c"
                + " on c.id = pc.commitment_id order by pc.project_id, pc.position")
        .query(
            (RowCallbackHandler)
                rs ->
                    commitments
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getString(2)));
    Map<UUID, List<String>> financing = new HashMap<>();
    jdbc.sql(
            "select project_id, amount, currency, status, source from project_financing"
                + " where position = 0")
        .query(
            (RowCallbackHandler)
                rs ->
                    financing.put(
                        rs.getObject(1, UUID.class),
                        List.of(
                            rs.getBigDecimal(2).toPlainString(),
                            rs.getString(3),
                            rs.getString(4).toLowerCase(java.util.Locale.ROOT),
                            Objects.toString(rs.getString(5), ""))));
    assertThat(
            jdbc.sql("select count(*) from project_financing where position <> 0")
                .query(Long.class)
                .single())
        .isZero();
    Map<String, List<String>> rows = new TreeMap<>();
    jdbc.sql("select * from project")
        .query(
            (RowCallbackHandler)
                rs -> {
                  UUID id = rs.getObject("id", UUID.class);
                  Map<String, String> title =
                      LocalizedText.fromJson(rs.getString("title")).values();
                  Map<String, String> leads =
                      JSON.readValue(
                          rs.getString("leads"), new TypeReference<Map<String, String>>() {});
                  List<String> f = financing.getOrDefault(id, List.of("", "", "", ""));
                  Double lat = (Double) rs.getObject("latitude");
                  Double lon = (Double) rs.getObject("longitude");
                  rows.put(
                      rs.getString("code"),
                      List.of(
                          rs.getString("code"),
                          title.getOrDefault("en", ""),
                          title.getOrDefault("az", ""),
                          String.join(";", commitments.getOrDefault(id, List.of())),
                          rs.getString("stage")
                              .toLowerCase(java.util.Locale.ROOT)
                              .replace('_', '-'),
                          String.join(
                              ";",
                              // by party: the order of a project's leads is not kept
                              new TreeMap<>(leads)
                                  .entrySet().stream()
                                      .map(e -> e.getKey() + "=" + e.getValue())
                                      .toList()),
                          f.get(0),
                          f.get(1),
                          f.get(2),
                          f.get(3),
                          Objects.toString(rs.getString("place"), ""),
                          lat == null ? "" : lat.toString(),
                          lon == null ? "" : lon.toString()));
                });
    return rows;
  }

  /** The milestones stored, as the columns of their file row (dependencies in file order). */
  private Map<String, List<String>> storedMilestones(Map<String, List<String>> sent) {
    Map<UUID, List<String>> dependencies = new HashMap<>();
    jdbc.sql(
            "select d.milestone_id, m.code from milestone_dependency d join milestone m"
                + " on m.id = d.depends_on")
        .query(
            (RowCallbackHandler)
                rs ->
                    dependencies
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getString(2)));
    Map<String, List<String>> rows = new TreeMap<>();
    jdbc.sql(
            "select m.*, p.code as project_code from milestone m left join project p"
                + " on p.id = m.project_id")
        .query(
            (RowCallbackHandler)
                rs -> {
                  String key = rs.getString("code");
                  Map<String, String> title =
                      LocalizedText.fromJson(rs.getString("title")).values();
                  List<String> deps =
                      new ArrayList<>(
                          dependencies.getOrDefault(rs.getObject("id", UUID.class), List.of()));
                  // in the order the file gives them, to compare with it
                  List<String> order =
                      sent.containsKey(key) ? List.of(sent.get(key).get(10).split(";")) : List.of();
                  deps.sort(java.util.Comparator.comparingInt(order::indexOf));
                  rows.put(
                      key,
                      List.of(
                          key,
                          title.getOrDefault("en", ""),
                          title.getOrDefault("az", ""),
                          Objects.toString(rs.getString("owner_organization"), ""),
                          rs.getObject("planned_start", LocalDate.class).toString(),
                          rs.getObject("planned_end", LocalDate.class).toString(),
                          Objects.toString(rs.getObject("actual_start", LocalDate.class), ""),
                          Objects.toString(rs.getObject("actual_end", LocalDate.class), ""),
                          rs.getString("status")
                              .toLowerCase(java.util.Locale.ROOT)
                              .replace('_', '-'),
                          Objects.toString(rs.getString("project_code"), ""),
                          String.join(";", deps)));
                });
    return rows;
  }

  private Map<String, Long> versions(String table) {
    Map<String, Long> versions = new TreeMap<>();
    jdbc.sql("select code, version from " + table)
        .query((RowCallbackHandler) rs -> versions.put(rs.getString(1), rs.getLong(2)));
    return versions;
  }

  private long audited(String action) {
    return jdbc.sql("select count(*) from audit_event where action = ?")
        .param(action)
        .query(Long.class)
        .single();
  }

  @Test
  void thousandsOfRowsAreStoredAsSentAndAChangedFileUpdatesOnlyWhatChanged() {
    Viewer viewer = member();
    String projectHeader =
        "key,title_en,title_az,commitments,stage,leads,amount,currency,financing_status,"
            + "financing_source,place,latitude,longitude";

    Map<String, List<String>> projects = projectRows(false);
    List<Long> progress = new ArrayList<>();
    ProjectCsv.ImportReport first =
        projectCsv.importCsv(
            CharterKey.of(CHARTER),
            GROUP,
            new StringReader(csv(projectHeader, projects)),
            viewer,
            progress::add);
    assertThat(first.errors()).isEmpty();
    assertThat(first.created()).isEqualTo(PROJECTS);
    assertThat(progress).contains(1000L, 2000L, (long) PROJECTS);
    assertThat(storedProjects()).isEqualTo(projects);
    assertThat(versions("project").values()).containsOnly(0L);

    Map<String, List<String>> changedProjects = projectRows(true);
    ProjectCsv.ImportReport second =
        projectCsv.importCsv(
            CharterKey.of(CHARTER),
            GROUP,
            new StringReader(csv(projectHeader, changedProjects)),
            viewer,
            n -> {});
    assertThat(second.errors()).isEmpty();
    assertThat(second.updated()).isEqualTo(PROJECTS / 3);
    assertThat(second.unchanged()).isEqualTo(PROJECTS - PROJECTS / 3);
    assertThat(second.created()).isZero();
    assertThat(storedProjects()).isEqualTo(changedProjects);
    versions("project")
        .forEach(
            (key, version) ->
                assertThat(version)
                    .as(key)
                    .isEqualTo(Integer.parseInt(key.substring(8)) % 3 == 0 ? 1L : 0L));
    assertThat(audited("projects.imported")).isEqualTo(2);

    String milestoneHeader = String.join(",", MilestoneCsv.HEADER);
    Map<String, List<String>> milestones = milestoneRows(false);
    MilestoneCsv.ImportReport imported =
        milestoneCsv.importCsv(
            CharterKey.of(CHARTER),
            GROUP,
            new StringReader(csv(milestoneHeader, milestones)),
            viewer);
    assertThat(imported.errors()).isEmpty();
    assertThat(imported.created()).isEqualTo(MILESTONES);
    assertThat(storedMilestones(milestones)).isEqualTo(milestones);
    assertThat(versions("milestone").values()).containsOnly(0L);

    Map<String, List<String>> changedMilestones = milestoneRows(true);
    MilestoneCsv.ImportReport changed =
        milestoneCsv.importCsv(
            CharterKey.of(CHARTER),
            GROUP,
            new StringReader(csv(milestoneHeader, changedMilestones)),
            viewer);
    assertThat(changed.errors()).isEmpty();
    assertThat(changed.updated()).isEqualTo(MILESTONES / 4);
    assertThat(changed.unchanged()).isEqualTo(MILESTONES - MILESTONES / 4);
    assertThat(storedMilestones(changedMilestones)).isEqualTo(changedMilestones);
    versions("milestone")
        .forEach(
            (key, version) ->
                assertThat(version)
                    .as(key)
                    .isEqualTo(Integer.parseInt(key.substring(2)) % 4 == 0 ? 1L : 0L));

    // a replay changes nothing and is not audited
    MilestoneCsv.ImportReport replay =
        milestoneCsv.importCsv(
            CharterKey.of(CHARTER),
            GROUP,
            new StringReader(csv(milestoneHeader, changedMilestones)),
            viewer);
    assertThat(replay.unchanged()).isEqualTo(MILESTONES);
    assertThat(audited("milestones.imported")).isEqualTo(2);
    assertThat(storedMilestones(changedMilestones)).isEqualTo(changedMilestones);
  }
}

package org.entente.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.entente.parity.ParityScenarios.World;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The walks of what is made from a form's fields or a CSV file: projects, roadmaps and indicator
 * values (issue 18's parity test). A CSV file sent to the API and the same file uploaded on the
 * page make the same records with the same audit events.
 */
final class ImportParity {

  private static final String C = ParityScenarios.C;
  private static final String GROUP = ParityScenarios.GROUP;
  private static final String OTHER = ParityScenarios.OTHER_GROUP;

  private ImportParity() {}

  private static MockMultipartFile csv(String name, String text) {
    return new MockMultipartFile("file", name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
  }

  static void createProject(Parity p, World world) throws Exception {
    Parity.Call api =
        p.api(
            HttpMethod.POST,
            "/api/charters/" + C + "/working-groups/" + GROUP + "/projects",
            """
            {"key":"zx-api","title":{"en":"Trans-Caspian fibre link","az":"Transxəzər fiber xətti"},
             "commitments":["energy-data-connectivity"],"leads":{"US":"Department of Commerce"},
             "financing":[{"amount":2500000,"currency":"USD","source":"DFC","status":"COMMITTED"}],
             "classification":"bilateral"}
            """);
    Parity.Call form =
        p.form(
            MockMvcRequestBuilders.post("/charters/" + C + "/working-groups/" + OTHER + "/projects")
                .param("key", "zx-form")
                .param("titleEn", "Trans-Caspian fibre link")
                .param("titleAz", "Transxəzər fiber xətti")
                .param("commitments", "energy-data-connectivity")
                .param("lead-US", "Department of Commerce")
                .param("amount", "2,500,000")
                .param("currency", "usd")
                .param("source", "DFC")
                .param("financingStatus", "committed")
                .param("classification", "bilateral"),
            "form project");
    p.alias(GROUP, OTHER).alias("zx-api", "zx-form");
    String viaApi = api.field("id");
    String viaForm = project(p, OTHER, "zx-form");
    p.sameRecord(p.read("/api/projects/" + viaApi), p.read("/api/projects/" + viaForm));
    p.sameEvents(api, form);
  }

  /** The id of a group's project with this key. */
  @SuppressWarnings("unchecked")
  static String project(Parity p, String group, String key) throws Exception {
    Map<String, Object> list = ParityScenarios.projectList(p, group);
    return ((List<Map<String, Object>>) list.get("projects"))
        .stream()
            .filter(x -> key.equals(x.get("key")))
            .map(x -> (String) x.get("id"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no project " + key + " in " + list));
  }

  static final String PROJECTS_CSV =
      "key,title_en,title_az,commitments\n"
          + "zx-%1$s-port,Port of Alat terminal,Ələt limanı,energy-data-connectivity\n"
          + "zx-%1$s-rail,TRIPP rail link,,energy-data-connectivity\n";

  static void importProjects(Parity p, World world) throws Exception {
    Parity.Call api =
        p.apiText(
            "/api/charters/" + C + "/working-groups/" + GROUP + "/projects/import",
            "text/csv",
            PROJECTS_CSV.formatted("a"));
    Parity.Call form =
        p.formInTheBackground(
            MockMvcRequestBuilders.multipart(
                    "/charters/" + C + "/working-groups/" + OTHER + "/import")
                .file(csv("projects.csv", PROJECTS_CSV.formatted("b")))
                .param("kind", "PROJECTS"),
            "the import page");
    p.alias(GROUP, OTHER).alias("zx-a-", "zx-b-");
    Map<String, Object> viaApi = ParityScenarios.projectList(p, GROUP);
    Map<String, Object> viaForm = ParityScenarios.projectList(p, OTHER);
    p.aliasAt(viaApi, viaForm, "agreement", "fingerprint");
    assertThat((List<?>) viaForm.get("projects")).hasSize(2);
    p.sameRecord(viaApi, viaForm);
    p.sameEvents(api, withoutTheJob(form));
  }

  static final String MILESTONES_CSV =
      "key,title_en,title_az,owner,planned_start,planned_end,actual_start,actual_end,status,"
          + "project,depends_on\n"
          + "zx-%1$s-survey,Route survey,,Azerbaijan Railways,2026-12-01,2026-12-31,,,,,\n"
          + "zx-%1$s-design,Terminal design,Terminalın layihəsi,,2027-01-01,2027-02-28,,,,,"
          + "zx-%1$s-survey\n";

  static void importMilestones(Parity p, World world) throws Exception {
    Parity.Call api =
        p.apiText(
            "/api/charters/" + C + "/working-groups/" + GROUP + "/roadmap/import",
            "text/csv",
            MILESTONES_CSV.formatted("a"));
    Parity.Call form =
        p.formInTheBackground(
            MockMvcRequestBuilders.multipart(
                    "/charters/" + C + "/working-groups/" + OTHER + "/import")
                .file(csv("milestones.csv", MILESTONES_CSV.formatted("b")))
                .param("kind", "MILESTONES"),
            "the import page");
    p.alias(GROUP, OTHER).alias("zx-a-", "zx-b-");
    Map<String, Object> viaApi = roadmap(p, GROUP);
    Map<String, Object> viaForm = roadmap(p, OTHER);
    assertThat((List<?>) viaForm.get("milestones")).hasSize(2);
    p.sameRecord(viaApi, viaForm);
    p.sameEvents(api, withoutTheJob(form));
  }

  /** A group's roadmap as the API reads it, without the day it is read as of. */
  static Map<String, Object> roadmap(Parity p, String group) throws Exception {
    return p.read("/api/charters/" + C + "/working-groups/" + group + "/roadmap");
  }

  /**
   * The page's upload runs as a job of the import module, which records that it started and ended;
   * the rows' own events are what the API's call appends.
   */
  private static Parity.Call withoutTheJob(Parity.Call form) {
    return new Parity.Call(
        form.status(),
        form.body(),
        form.location(),
        form.events().stream().filter(e -> !e.action().startsWith("import.")).toList());
  }

  static void roadmapStep(Parity p, World world) throws Exception {
    for (String group : List.of(GROUP, OTHER)) {
      p.api(
          HttpMethod.POST,
          "/api/charters/" + C + "/working-groups/" + group + "/roadmap/milestones",
          """
          {"key":"zx-%s","title":{"en":"Route survey"},"plannedStart":"2027-01-10",
           "plannedEnd":"2027-03-01","dependsOn":[],"classification":"bilateral"}
          """
              .formatted(group));
    }
    p.alias(GROUP, OTHER);
    Parity.Call api =
        p.api(
            HttpMethod.POST,
            "/api/charters/" + C + "/working-groups/" + GROUP + "/roadmap/submit",
            null);
    Parity.Call form = p.form("/charters/" + C + "/working-groups/" + OTHER + "/roadmap/submit");
    Map<String, Object> viaApi = p.read("/api/charters/" + C + "/agreements/roadmap/" + GROUP);
    Map<String, Object> viaForm = p.read("/api/charters/" + C + "/agreements/roadmap/" + OTHER);
    p.aliasAt(viaApi, viaForm, "agreement", "fingerprint");
    p.sameRecord(viaApi, viaForm);
    p.sameEvents(api, form);
  }

  static final String VALUES_CSV =
      "kind,year,date,value,unit,source_url,publisher,note,official,used\n"
          + "baseline,2025,,100,trains,https://ady.az/a,ADY,,true,true\n"
          + "actual,2026,,130,trains,https://ady.az/c,ADY,,true,true\n";

  static void importValues(Parity p, World world) throws Exception {
    String[] ids = new String[2];
    String[] keys = {"zx-api", "zx-form"};
    for (int i = 0; i < 2; i++) {
      ids[i] =
          p.api(
                  HttpMethod.POST,
                  "/api/charters/" + C + "/indicators",
                  """
                  {"key":"%s","name":{"en":"Container trains via Baku"},"unit":"trains",
                   "direction":"higher","commitments":["middle-corridor"],
                   "workingGroup":"%s","classification":"bilateral"}
                  """
                      .formatted(keys[i], GROUP))
              .field("id");
    }
    p.alias("zx-api", "zx-form").alias(ids[0], ids[1]);
    Parity.Call api =
        p.apiText("/api/indicators/" + ids[0] + "/values/import", "text/csv", VALUES_CSV);
    Parity.Call form =
        p.form(
            MockMvcRequestBuilders.multipart("/indicators/" + ids[1] + "/values/import")
                .file(csv("values.csv", VALUES_CSV)),
            "the values' upload");
    Map<String, Object> viaForm = p.read("/api/indicators/" + ids[1]);
    assertThat((List<?>) viaForm.get("values")).hasSize(2);
    p.sameRecord(p.read("/api/indicators/" + ids[0]), viaForm);
    p.sameEvents(api, form);
  }

  /** Two projects alike in the group, by id: the first for the API, the second for the form. */
  static String[] twoProjects(Parity p) throws Exception {
    String[] ids = new String[2];
    String[] keys = {"zx-api", "zx-form"};
    for (int i = 0; i < 2; i++) {
      ids[i] =
          p.api(
                  HttpMethod.POST,
                  "/api/charters/" + C + "/working-groups/" + GROUP + "/projects",
                  """
                  {"key":"%s","title":{"en":"Trans-Caspian fibre link"},
                   "commitments":["energy-data-connectivity"]}
                  """
                      .formatted(keys[i]))
              .field("id");
    }
    p.alias("zx-api", "zx-form").alias(ids[0], ids[1]);
    return ids;
  }

  static void moveStage(Parity p, World world) throws Exception {
    String[] ids = twoProjects(p);
    Parity.Call api =
        p.api(
            HttpMethod.POST,
            "/api/projects/" + ids[0] + "/stage",
            "{\"stage\":\"suspended\",\"reason\":\"Waiting for the survey\",\"version\":0}");
    Parity.Call form =
        p.form(
            "/projects/" + ids[1] + "/stage",
            "stage",
            "suspended",
            "reason",
            "Waiting for the survey",
            "version",
            "0");
    Map<String, Object> moved = p.read("/api/projects/" + ids[1]);
    assertThat(moved).containsEntry("stage", "suspended");
    p.sameRecord(p.read("/api/projects/" + ids[0]), moved);
    p.sameEvents(api, form);
  }
}

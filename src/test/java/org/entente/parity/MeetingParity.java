package org.entente.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.entente.parity.ParityScenarios.World;
import org.springframework.http.HttpMethod;

/** The walks of meetings, their records and their action items (issue 18's parity test). */
final class MeetingParity {

  private static final String C = ParityScenarios.C;
  private static final String GROUP = ParityScenarios.GROUP;

  private MeetingParity() {}

  static final String MEETING_JSON =
      """
      {"body":"working-group","bodyKey":"%s","title":"Connectivity working group, annual meeting",
       "startsAt":"2026-11-20T10:00","endsAt":"2026-11-20T13:00","timeZone":"Asia/Baku",
       "place":"Baku","online":false,"classification":"bilateral",
       "participants":[{"party":"AZ","organization":"Ministry of Digital Development",
                        "personName":"R. Aliyev","attendance":"invited"},
                       {"party":"US","organization":"United States","attendance":"invited"}]}
      """;

  /** A meeting of the group made through the API, by its id. */
  static String meeting(Parity p) throws Exception {
    return p.api(HttpMethod.POST, "/api/charters/" + C + "/meetings", MEETING_JSON.formatted(GROUP))
        .field("id");
  }

  /** Two meetings alike, the first for the API, the second for the form. */
  static String[] twoMeetings(Parity p) throws Exception {
    String[] both = {meeting(p), meeting(p)};
    p.alias(both[0], both[1]);
    return both;
  }

  static Map<String, Object> read(Parity p, String meeting) throws Exception {
    return p.read("/api/meetings/" + meeting);
  }

  static void schedule(Parity p, World world) throws Exception {
    Parity.Call api =
        p.api(HttpMethod.POST, "/api/charters/" + C + "/meetings", MEETING_JSON.formatted(GROUP));
    Parity.Call form =
        p.form(
            "/charters/" + C + "/meetings",
            "body",
            "working-group:" + GROUP,
            "title",
            "Connectivity working group, annual meeting",
            "startsAt",
            "2026-11-20T10:00",
            "endsAt",
            "2026-11-20T13:00",
            "timeZone",
            "Asia/Baku",
            "place",
            "Baku",
            "classification",
            "bilateral",
            "party-1",
            "AZ",
            "organization-1",
            "Ministry of Digital Development",
            "person-1",
            "R. Aliyev",
            "party-2",
            "US",
            "organization-2",
            "United States");
    String viaApi = api.field("id");
    p.alias(viaApi, form.locationId());
    p.sameRecord(read(p, viaApi), read(p, form.locationId()));
    p.sameEvents(api, form);
  }

  static void change(Parity p, World world) throws Exception {
    String[] m = twoMeetings(p);
    Parity.Call api =
        p.api(
            HttpMethod.PATCH,
            "/api/meetings/" + m[0],
            """
            {"version":0,"startsAt":"2026-11-20T11:00","endsAt":"2026-11-20T14:00",
             "timeZone":"Asia/Baku","status":"held"}
            """);
    Parity.Call form =
        p.form(
            "/meetings/" + m[1] + "/change",
            "version",
            "0",
            "startsAt",
            "2026-11-20T11:00",
            "endsAt",
            "2026-11-20T14:00",
            "timeZone",
            "Asia/Baku",
            "status",
            "held");
    assertThat(read(p, m[1])).containsEntry("status", "held");
    p.sameRecord(read(p, m[0]), read(p, m[1]));
    p.sameEvents(api, form);
    // the minutes, the other half of the same route
    Parity.Call minutesApi =
        p.api(
            HttpMethod.PATCH,
            "/api/meetings/" + m[0],
            "{\"version\":1,\"minutes\":\"<p>Opened at <b>10:00</b>.</p>\"}");
    Parity.Call minutesForm =
        p.form(
            "/meetings/" + m[1] + "/minutes",
            "version",
            "1",
            "minutes",
            "<p>Opened at <b>10:00</b>.</p>");
    p.sameRecord(read(p, m[0]), read(p, m[1]));
    p.sameEvents(minutesApi, minutesForm);
  }

  static void participant(Parity p, World world) throws Exception {
    String[] m = twoMeetings(p);
    Parity.Call api =
        p.api(
            HttpMethod.POST,
            "/api/meetings/" + m[0] + "/participants",
            """
            {"party":"US","organization":"United States","personName":"J. Smith",
             "attendance":"attended"}
            """);
    Parity.Call form =
        p.form(
            "/meetings/" + m[1] + "/participants",
            "party",
            "US",
            "organization",
            "United States",
            "personName",
            "J. Smith",
            "attendance",
            "attended");
    p.sameRecord(read(p, m[0]), read(p, m[1]));
    p.sameEvents(api, form);
  }

  static void attendance(Parity p, World world) throws Exception {
    String[] m = twoMeetings(p);
    String first = JsonPath.read(p.readText("/api/meetings/" + m[0]), "$.participants[0].id");
    String second = JsonPath.read(p.readText("/api/meetings/" + m[1]), "$.participants[0].id");
    p.alias(first, second);
    Parity.Call api =
        p.api(
            HttpMethod.POST,
            "/api/meetings/" + m[0] + "/attendance",
            "{\"" + first + "\":\"attended\"}");
    Parity.Call form =
        p.form("/meetings/" + m[1] + "/attendance", "attendance-" + second, "attended");
    p.sameRecord(read(p, m[0]), read(p, m[1]));
    p.sameEvents(api, form);
  }

  static void agendaItem(Parity p, World world) throws Exception {
    String[] m = twoMeetings(p);
    Parity.Call api =
        p.api(
            HttpMethod.POST,
            "/api/meetings/" + m[0] + "/agenda-items",
            "{\"title\":\"Progress of the fibre link\",\"commitment\":\"middle-corridor\"}");
    Parity.Call form =
        p.form(
            "/meetings/" + m[1] + "/agenda",
            "title",
            "Progress of the fibre link",
            "commitment",
            "middle-corridor");
    p.sameRecord(read(p, m[0]), read(p, m[1]));
    p.sameEvents(api, form);
  }

  static void decision(Parity p, World world) throws Exception {
    String[] m = twoMeetings(p);
    Parity.Call api =
        p.api(
            HttpMethod.POST,
            "/api/meetings/" + m[0] + "/decisions",
            "{\"text\":\"The survey starts in January.\"}");
    Parity.Call form =
        p.form("/meetings/" + m[1] + "/decisions", "text", "The survey starts in January.");
    p.sameRecord(read(p, m[0]), read(p, m[1]));
    p.sameEvents(api, form);
  }

  static final String ACTION_JSON =
      """
      {"title":"Share the route survey","ownerOrganization":"United States",
       "dueOn":"2027-01-31"}
      """;

  static void actionItem(Parity p, World world) throws Exception {
    String[] m = twoMeetings(p);
    Parity.Call api =
        p.api(HttpMethod.POST, "/api/meetings/" + m[0] + "/action-items", ACTION_JSON);
    Parity.Call form =
        p.form(
            "/meetings/" + m[1] + "/action-items",
            "title",
            "Share the route survey",
            "ownerOrganization",
            "United States",
            "dueOn",
            "2027-01-31");
    p.sameRecord(read(p, m[0]), read(p, m[1]));
    p.sameEvents(api, form);
  }

  /** An action item in each of two meetings alike, by id. */
  static String[] twoActionItems(Parity p) throws Exception {
    String[] m = twoMeetings(p);
    String first =
        p.api(HttpMethod.POST, "/api/meetings/" + m[0] + "/action-items", ACTION_JSON).field("id");
    String second =
        p.api(HttpMethod.POST, "/api/meetings/" + m[1] + "/action-items", ACTION_JSON).field("id");
    p.alias(first, second);
    return new String[] {first, second};
  }

  static void actionItemStatus(Parity p, World world) throws Exception {
    String[] a = twoActionItems(p);
    Parity.Call api =
        p.api(
            HttpMethod.PATCH,
            "/api/action-items/" + a[0],
            "{\"version\":0,\"status\":\"cancelled\",\"dueOn\":\"2027-02-15\"}");
    Parity.Call form =
        p.form(
            "/action-items/" + a[1] + "/status",
            "version",
            "0",
            "status",
            "cancelled",
            "dueOn",
            "2027-02-15");
    assertThat(p.read("/api/action-items/" + a[1])).containsEntry("status", "cancelled");
    p.sameRecord(p.read("/api/action-items/" + a[0]), p.read("/api/action-items/" + a[1]));
    p.sameEvents(api, form);
  }

  static void milestoneFromActionItem(Parity p, World world) throws Exception {
    String[] a = twoActionItems(p);
    Parity.Call api =
        p.api(HttpMethod.POST, "/api/action-items/" + a[0] + "/milestone", "{\"key\":\"zx-api\"}");
    Parity.Call form = p.form("/action-items/" + a[1] + "/milestone", "key", "zx-form");
    p.alias("zx-api", "zx-form");
    p.sameRecord(
        ParityScenarios.milestone(p, GROUP, "zx-api"),
        ParityScenarios.milestone(p, GROUP, "zx-form"));
    p.sameRecord(p.read("/api/action-items/" + a[0]), p.read("/api/action-items/" + a[1]));
    p.sameEvents(api, form);
  }

  /** A statement in both languages of the charter, as the API takes it. */
  static final String STATEMENT_JSON =
      "{\"text\":{\"az\":\"Hər iki tərəf tədqiqatı alqışladı.\","
          + "\"en\":\"Both sides welcomed the survey.\"},\"publish\":true}";

  static void statement(Parity p, World world) throws Exception {
    String[] m = twoMeetings(p);
    Parity.Call api = p.api(HttpMethod.PUT, "/api/meetings/" + m[0] + "/statement", STATEMENT_JSON);
    Parity.Call form =
        p.form(
            "/meetings/" + m[1] + "/statement",
            "text.az",
            "Hər iki tərəf tədqiqatı alqışladı.",
            "text.en",
            "Both sides welcomed the survey.",
            "publish",
            "on");
    sameStatements(p, m);
    p.sameEvents(api, form);
  }

  /** The two meetings are the same but for what their statements' fingerprints are over. */
  static void sameStatements(Parity p, String[] m) throws Exception {
    Map<String, Object> viaApi = read(p, m[0]);
    Map<String, Object> viaForm = read(p, m[1]);
    p.aliasAt(viaApi, viaForm, "statement", "agreement", "fingerprint");
    p.sameRecord(viaApi, viaForm);
  }

  static void statementStep(Parity p, World world) throws Exception {
    String[] m = twoMeetings(p);
    for (String meeting : m) {
      p.api(HttpMethod.PUT, "/api/meetings/" + meeting + "/statement", STATEMENT_JSON);
    }
    Parity.Call api = p.api(HttpMethod.POST, "/api/meetings/" + m[0] + "/statement/submit", null);
    Parity.Call form = p.form("/meetings/" + m[1] + "/statement/submit");
    sameStatements(p, m);
    p.sameEvents(api, form);
  }

  static void proposePlatform(Parity p, World world) throws Exception {
    Parity.Call api =
        p.api(
            HttpMethod.POST,
            "/api/charters/" + C + "/dialogue-platforms",
            """
            {"key":"zx-api","name":"Water dialogue","purpose":"Shared rivers and supply",
             "classification":"bilateral"}
            """);
    Parity.Call form =
        p.form(
            "/charters/" + C + "/dialogue-platforms",
            "key",
            "zx-form",
            "name",
            "Water dialogue",
            "purpose",
            "Shared rivers and supply",
            "classification",
            "bilateral");
    p.alias("zx-api", "zx-form");
    Map<String, Object> viaApi =
        p.read("/api/charters/" + C + "/agreements/dialogue-platform/zx-api");
    Map<String, Object> viaForm =
        p.read("/api/charters/" + C + "/agreements/dialogue-platform/zx-form");
    assertThat(viaForm.toString()).contains("proposed");
    p.aliasAt(viaApi, viaForm, "agreement", "fingerprint");
    p.sameRecord(viaApi, viaForm);
    p.sameEvents(api, form);
  }
}

package org.entente.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.entente.obligations.RecordEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pages in a real browser: Debian's Chromium driven by its chromedriver (never a downloaded
 * one). Each page is checked with axe-core for serious or critical violations, for its content, and
 * is photographed into {@code target/browser-screenshots}. Runs only with {@code -Pbrowser}.
 *
 * <p>The clock is the real one: assertions about deadlines hold for any day after 2026-05-10 (the
 * project lists are overdue) and before 2027-01-10 (the yearly meetings are not yet overdue).
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "entente.definitions.folder="
    })
@ActiveProfiles("test")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class PagesBrowserTest {

  private static Chromium chromium;
  private static ChromeDriver driver;

  @LocalServerPort int port;

  @org.springframework.beans.factory.annotation.Autowired org.entente.identity.Accounts accounts;
  @org.springframework.beans.factory.annotation.Autowired org.entente.identity.Viewers viewers;

  @org.springframework.beans.factory.annotation.Autowired
  org.entente.definition.Definitions definitions;

  @org.springframework.beans.factory.annotation.Autowired
  org.entente.obligations.Obligations obligations;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = Chromium.start(true);
    driver = chromium.driver;
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
      chromium = null;
      driver = null;
    }
  }

  static Stream<Arguments> pages() {
    return Stream.of(
        Arguments.of("overview", "/", "Charter of Strategic Partnership"),
        Arguments.of("charters", "/charters", "Charters"),
        Arguments.of(
            "commitment", "/charters/az-us-2026/commitments/middle-corridor", "Middle Corridor"),
        Arguments.of(
            "working-group",
            "/charters/az-us-2026/working-groups/wg-connectivity-digital",
            "Working Group on Connectivity, AI and Digital Development"),
        Arguments.of("deadlines", "/charters/az-us-2026/deadlines", "Deadlines"),
        Arguments.of(
            "deadlines-overdue",
            "/charters/az-us-2026/deadlines?sort=status&status=overdue",
            "Deadlines"),
        Arguments.of("progress", "/charters/az-us-2026/progress", "Progress"),
        Arguments.of(
            "workspace", "/charters/az-us-2026/working-groups/wg-energy/workspace", "workspace"),
        Arguments.of(
            "import",
            "/charters/az-us-2026/working-groups/wg-energy/import",
            "Import projects or milestones"),
        Arguments.of("meetings", "/charters/az-us-2026/meetings", "Meetings"),
        Arguments.of("statements", "/charters/az-us-2026/statements", "Joint statements"),
        Arguments.of("search", "/charters/az-us-2026/search?q=corridor", "Search"),
        Arguments.of("indicators", "/charters/az-us-2026/indicators", "Indicators"),
        Arguments.of(
            "indicator",
            "/charters/az-us-2026/indicators/titr-cargo-volume",
            "Middle Corridor (TITR) cargo volume"),
        Arguments.of(
            "report", "/charters/az-us-2026/report?year=2026", "Annual implementation report"),
        Arguments.of(
            "report-bad-period",
            "/charters/az-us-2026/report?year=1999",
            "Annual implementation report"),
        Arguments.of("open-data", "/charters/az-us-2026/open-data", "Open data"),
        Arguments.of("not-found", "/charters/nope", "Not found"),
        Arguments.of("overview-az", "/?lang=az", "Strateji Tərəfdaşlıq Xartiyası"),
        Arguments.of("deadlines-az", "/charters/az-us-2026/deadlines?lang=az", "Son tarixlər"),
        Arguments.of("meetings-az", "/charters/az-us-2026/meetings?lang=az", "İclaslar"),
        Arguments.of("search-az", "/charters/az-us-2026/search?q=corridor&lang=az", "Axtarış"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("pages")
  void pageHasItsHeadingAndNoSeriousAccessibilityViolation(
      String name, String path, String heading) {
    open(path);
    screenshot(name);
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains(heading);
    assertThat(driver.findElements(By.cssSelector("main#main"))).hasSize(1);
    assertNoSeriousViolations(path);
  }

  /**
   * Every group's project list is overdue but the connectivity group's, which the co-chairs'
   * journey agreed and published (it then shows met, late, to everyone: issue 18).
   */
  @Test
  void deadlinesShowTheProjectListsAsOverdue() {
    open("/charters/az-us-2026/deadlines");
    List<WebElement> projectLists =
        rows().stream()
            .filter(r -> r.getText().contains("Project list"))
            .filter(r -> !r.getText().contains("Connectivity"))
            .toList();
    assertThat(projectLists).isNotEmpty();
    assertThat(projectLists)
        .allSatisfy(
            r ->
                assertThat(r.findElement(By.cssSelector(".status")).getText())
                    .isEqualTo("Overdue"));
  }

  @Test
  void overdueFilterShowsOnlyOverdueObligations() {
    open("/charters/az-us-2026/deadlines?sort=status&status=overdue");
    List<WebElement> rows = rows();
    assertThat(rows).isNotEmpty();
    assertThat(rows)
        .allSatisfy(
            r ->
                assertThat(r.findElement(By.cssSelector(".status")).getText())
                    .isEqualTo("Overdue"));
    assertThat(rows).anySatisfy(r -> assertThat(r.getText()).contains("Project list"));
    assertThat(rows).noneSatisfy(r -> assertThat(r.getText()).contains("Meeting of"));
    assertThat(
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("status")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("Overdue");
  }

  @Test
  void firstTabFocusesTheSkipLinkWhichLeadsToMain() {
    open("/");
    // Start where a reader starts: at the top of the document (the shared browser window may not
    // hold the keyboard focus after an earlier test).
    js().executeScript(
            "document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex');");
    tab();
    WebElement skip = driver.switchTo().activeElement();
    assertThat(skip.getText()).isEqualTo("Skip to content");
    assertThat(skip.getAttribute("href")).endsWith("#main");
    assertThat(skip.isDisplayed()).as("the skip link shows when focused").isTrue();
    screenshot("overview-skip-link-focused");

    skip.sendKeys(Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> d.getCurrentUrl().endsWith("#main"));
    tab();
    Object inMain =
        js().executeScript(
                "return document.getElementById('main').contains(document.activeElement)");
    assertThat(inMain).as("after the skip link, Tab moves inside #main").isEqualTo(Boolean.TRUE);
  }

  @Test
  void deadlineFiltersWorkFromTheKeyboard() {
    open("/charters/az-us-2026/deadlines");
    WebElement sort = tabUntil(e -> "sort".equals(e.getAttribute("id")));
    sort.sendKeys(Keys.ARROW_DOWN);
    assertThat(sort.getDomProperty("value")).isEqualTo("status");

    WebElement show = tabUntil(e -> "button".equals(e.getTagName()));
    assertThat(show.getText()).isEqualTo("Show");
    show.sendKeys(Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("sort="));
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().contains("sort=status"));
    screenshot("deadlines-sorted-by-keyboard");
  }

  /**
   * The first start: the one-time setup link creates the administrator, who creates a U.S. co-chair
   * and an Azerbaijani member; each logs in and sees what they may, and no more.
   */
  @Test
  @org.junit.jupiter.api.Order(1)
  void setupLinkAdministratorThenTwoPeopleEachSeeWhatTheyMay() {
    String password = "a passphrase for the journey";
    open("/setup?token=" + accounts.issueSetupToken().orElseThrow());
    assertNoSeriousViolations("/setup");
    screenshot("journey-1-setup");
    driver.findElement(By.id("username")).sendKeys("admin");
    driver.findElement(By.id("displayName")).sendKeys("Secretariat Administrator");
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("confirmPassword")).sendKeys(password + Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().endsWith("/login?created"));
    assertNoSeriousViolations("/login");

    logIn("admin", password);
    driver.findElement(By.linkText("Accounts")).click();
    assertNoSeriousViolations("/admin/accounts");
    createAccount("us.cochair", "U.S. co-chair", "US", "CO_CHAIR", password, true);
    assertNoSeriousViolations("/admin/accounts/new");
    createAccount("az.member", "Azerbaijani member", "AZ", "MEMBER", password, false);
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("us.cochair", "az.member", "CO_CHAIR", "MEMBER", "Working Group on Energy");

    // Each records an event of the energy group: the Azerbaijani member one for their party only,
    // the U.S. co-chair one for both parties' members.
    obligations.record(
        org.entente.shared.CharterKey.of("az-us-2026"),
        new RecordEvent(
            "meeting-held",
            "wg-energy",
            null,
            java.time.LocalDate.of(2026, 10, 5),
            "Azerbaijani preparatory meeting",
            null,
            "party-internal"),
        viewers.of("az.member").orElseThrow());
    obligations.record(
        org.entente.shared.CharterKey.of("az-us-2026"),
        new RecordEvent(
            "meeting-held",
            "wg-energy",
            null,
            java.time.LocalDate.of(2026, 10, 20),
            "Energy group call of both parties",
            null,
            "bilateral"),
        viewers.of("us.cochair").orElseThrow());
    screenshot("journey-2-accounts");
    open("/admin/audit");
    assertNoSeriousViolations("/admin/audit");
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("account.created");
    logOut();

    for (String person : List.of("us.cochair", "az.member")) {
      logIn(person, password);
      assertThat(driver.findElement(By.tagName("header")).getText())
          .contains("Signed in as " + person)
          .doesNotContain("Accounts")
          .doesNotContain("Audit");
      open("/charters/az-us-2026");
      assertThat(driver.findElement(By.tagName("h1")).getText())
          .contains("Charter of Strategic Partnership");
      open("/admin/accounts");
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
      open("/charters/az-us-2026/deadlines");
      String events = eventsTable().getText();
      assertThat(events).contains("Energy group call of both parties");
      if (person.equals("az.member")) {
        assertThat(events).contains("Azerbaijani preparatory meeting", "Only AZ (party-internal)");
      } else {
        assertThat(events).doesNotContain("Azerbaijani preparatory meeting");
      }
      for (String page :
          List.of(
              "/account/calendars",
              "/account/reminders",
              "/account/notifications",
              "/account/password",
              "/account/password?lang=az",
              "/dashboard/az-us-2026",
              "/dashboard/az-us-2026?group=wg-energy&days=90",
              "/dashboard/az-us-2026?days=0",
              "/dashboard/az-us-2026?lang=az",
              "/charters/az-us-2026/report?lang=en")) {
        open(page);
        assertNoSeriousViolations(page);
      }
      open("/dashboard");
      assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Dashboard");
      open("/account/calendars");
      driver.findElement(By.cssSelector("form[action$='/account/calendars'] button")).click();
      assertThat(waitFor(By.id("new-calendar-url")).getAttribute("value"))
          .contains("/calendars/")
          .endsWith(".ics");
      assertNoSeriousViolations("/account/calendars (created)");
      open("/account/tokens");
      assertNoSeriousViolations("/account/tokens");
      driver.findElement(By.id("name")).sendKeys("journey" + Keys.ENTER);
      assertThat(waitFor(By.id("new-token")).getText()).startsWith("ent_");
      screenshot("journey-3-" + person);
      logOut();
    }
    open("/charters/az-us-2026/deadlines");
    assertThat(eventsTable().getText())
        .doesNotContain("Energy group call of both parties")
        .doesNotContain("Azerbaijani preparatory meeting");
  }

  /**
   * The connectivity working group's two co-chairs agree its project list (a Middle Corridor
   * project and a TRIPP project) and its roadmap through the workspace's forms; the deadlines page
   * then shows both three-month obligations met today, late. Runs after the setup journey, which
   * needs a deployment without accounts.
   */
  @Test
  @org.junit.jupiter.api.Order(2)
  void coChairsDraftAndAgreeTheConnectivityProjectListAndRoadmap() {
    String password = "a passphrase for the co-chairs";
    for (String[] p : new String[][] {{"us.connect", "US"}, {"az.connect", "AZ"}}) {
      accounts.create(
          new org.entente.identity.Accounts.NewAccount(
              p[0],
              p[0],
              p[1],
              null,
              java.util.EnumSet.of(org.entente.identity.Role.CO_CHAIR),
              false,
              password,
              List.of(
                  new org.entente.identity.Accounts.MembershipInput(
                      "az-us-2026", "wg-connectivity-digital", true))));
    }
    String workspace = "/charters/az-us-2026/working-groups/wg-connectivity-digital/workspace";
    logIn("us.connect", password);
    open(workspace);
    assertNoSeriousViolations(workspace + " (empty)");
    driver.findElement(By.linkText("Add a project")).click();
    assertNoSeriousViolations(
        "/charters/az-us-2026/working-groups/wg-connectivity-digital/projects/new");
    addProject(
        "middle-corridor-port",
        "Port of Alat: Middle Corridor terminal",
        "Ələt limanı",
        "middle-corridor",
        "150000000",
        "USD");
    addProject(
        "tripp-rail-link", "TRIPP rail link", "TRIPP dəmir yolu", "tripp", "80000000", "AZN");
    driver.findElement(By.linkText("Add a milestone")).click();
    assertNoSeriousViolations(
        "/charters/az-us-2026/working-groups/wg-connectivity-digital/roadmap/milestones/new");
    addMilestone(
        "feasibility",
        "Feasibility studies",
        "2026-12-01",
        "2027-03-31",
        "middle-corridor-port",
        null);
    addMilestone(
        "tender",
        "Tender for the terminal",
        "2027-04-01",
        "2027-06-30",
        "middle-corridor-port",
        "feasibility");
    button("Submit the project list as it is now");
    button("Approve version 1 for my party");
    button("Submit the roadmap as it is now");
    button("Approve version 1 for my party");
    String mine = driver.findElement(By.tagName("main")).getText();
    assertThat(mine)
        .contains("Version 1 approved by one party")
        .doesNotContain("waits for your approval");
    assertNoSeriousViolations(workspace + " (approved by one party)");
    driver.findElement(By.linkText("Port of Alat: Middle Corridor terminal")).click();
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Port of Alat: Middle Corridor terminal");
    assertNoSeriousViolations("/projects/{id}");
    logOut();

    logIn("az.connect", password);
    open(workspace);
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Version 1 of the project list waits for your approval.")
        .contains("Version 1 of the roadmap waits for your approval.");
    button("Approve version 1 for my party");
    button("Approve version 1 for my party");
    String agreed = driver.findElement(By.tagName("main")).getText();
    assertThat(agreed.split("Agreed: version 1", -1)).as("both show agreed").hasSize(3);
    screenshot("journey-4-agreed");
    // Publication is agreed apart: the Azerbaijani co-chair proposes both and approves them.
    buttonOf("/project-list/publish");
    buttonOf("/roadmap/publish");
    buttonOf("/project-list/approve-publication");
    buttonOf("/roadmap/approve-publication");
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Proposed for publication: version 1.")
        .contains("Not published to the public.");
    open("/public/charters/az-us-2026/working-groups");
    assertThat(driver.findElement(By.tagName("main")).getText())
        .as("one party's approval publishes nothing")
        .doesNotContain("Port of Alat");
    open("/charters/az-us-2026/deadlines?sort=subject");
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    List<String> connectivity =
        rows().stream()
            .map(WebElement::getText)
            .filter(t -> t.contains("Connectivity"))
            .filter(
                t ->
                    t.contains("project list")
                        || t.contains("roadmap")
                        || t.contains("Project list")
                        || t.contains("Roadmap"))
            .toList();
    assertThat(connectivity)
        .hasSize(2)
        .allSatisfy(
            t ->
                assertThat(t)
                    .contains("Met on " + shownDate(java.time.LocalDate.parse(today)))
                    .contains("late"));
    logOut();

    logIn("us.connect", password);
    open(workspace);
    buttonOf("/project-list/approve-publication");
    buttonOf("/roadmap/approve-publication");
    assertThat(
            driver
                .findElement(By.tagName("main"))
                .getText()
                .split("Published to the public: version 1.", -1))
        .as("the list and the roadmap published")
        .hasSize(3);
    assertNoSeriousViolations(workspace + " (published)");
    logOut();

    String portal = "/public/charters/az-us-2026/working-groups";
    open(portal);
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains(
            "Port of Alat: Middle Corridor terminal", "TRIPP rail link", "Feasibility studies");
    assertNoSeriousViolations(portal + " (published projects)");
    open(portal + "?lang=az");
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("Ələt limanı");
    assertNoSeriousViolations(portal + "?lang=az (published projects)");
    open(portal + "?lang=en");
  }

  /**
   * A meeting of the connectivity working group, held yesterday in Baku: its agenda item on the
   * project agreed before, a decision, an action item, then its joint statement, which both
   * co-chairs agree with its publication, and which an anonymous visitor then reads. The deadlines
   * page shows the group's annual meeting met and the next one due. Runs after the project list
   * journey, whose co-chairs and project it uses.
   */
  @Test
  @org.junit.jupiter.api.Order(3)
  void coChairsHoldAMeetingAndPublishItsJointStatement() {
    String password = "a passphrase for the co-chairs";
    java.time.LocalDate heldOn = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
    logIn("az.connect", password);
    open("/charters/az-us-2026/meetings/new");
    assertNoSeriousViolations("/charters/az-us-2026/meetings/new");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("body")))
        .selectByValue("working-group:wg-connectivity-digital");
    driver.findElement(By.id("title-en")).sendKeys("Connectivity working group, annual meeting");
    ((JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById('startsAt').value = arguments[0];"
                + " document.getElementById('endsAt').value = arguments[1];",
            heldOn + "T10:00",
            heldOn + "T13:00");
    // the zone is typed, as a person searches the form's list of zones
    driver.findElement(By.id("timeZone")).clear();
    driver.findElement(By.id("timeZone")).sendKeys("Asia/Baku");
    driver.findElement(By.id("place")).sendKeys("Baku");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("party-1")))
        .selectByValue("AZ");
    driver.findElement(By.id("organization-1")).sendKeys("Azerbaijan");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("party-2")))
        .selectByValue("US");
    driver.findElement(By.id("organization-2")).sendKeys("United States");
    driver.findElement(By.xpath("//button[normalize-space()='Schedule the meeting']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().matches(".*/meetings/[0-9a-f-]{36}$"));
    String meeting = driver.getCurrentUrl().replaceAll(".*/meetings/", "");
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Connectivity working group, annual meeting");
    assertNoSeriousViolations("/meetings/{id}");

    driver.findElement(By.id("agenda-title-en")).sendKeys("Progress of the Port of Alat terminal");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("agenda-project")))
        .selectByVisibleText("Port of Alat: Middle Corridor terminal");
    button("Add the agenda item");
    driver
        .findElement(By.id("decision-text-en"))
        .sendKeys("Feasibility studies start in December.");
    button("Record the decision");
    driver.findElement(By.id("action-title-en")).sendKeys("Share the terminal's feasibility scope");
    driver.findElement(By.id("action-organization")).sendKeys("United States");
    driver.findElement(By.id("action-owner")).sendKeys("us.connect");
    ((JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById('action-due').value = arguments[0];",
            heldOn.plusMonths(1).toString());
    button("Add the action item");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("status")))
        .selectByValue("held");
    button("Change the status");
    driver
        .findElement(By.id("statement-text-en"))
        .sendKeys("The working group reviewed the Middle Corridor terminal and agreed next steps.");
    driver
        .findElement(By.id("statement-text-az"))
        .sendKeys(
            "İşçi qrup Orta Dəhliz terminalını nəzərdən keçirdi və növbəti addımları razılaşdırdı.");
    button("Save the draft");
    button("Submit the statement for agreement");
    button("Approve version 1 for my party");
    String main = driver.findElement(By.tagName("main")).getText();
    assertThat(main)
        .contains("Port of Alat: Middle Corridor terminal")
        .contains("Feasibility studies start in December.")
        .contains("Share the terminal's feasibility scope")
        .contains("Version 1 approved by one party");
    assertThat(driver.findElement(By.id("meeting-status")).getText()).isEqualTo("held");
    assertNoSeriousViolations("/meetings/{id} (held, statement approved by one party)");
    screenshot("meeting-1-approved-by-one");
    logOut();

    open("/statements/" + meeting);
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");

    logIn("us.connect", password);
    open("/meetings/" + meeting);
    assertThat(driver.findElement(By.id("when-viewer")).getText()).contains("America/New_York");
    assertThat(driver.findElement(By.id("when-local")).getText())
        .contains(shownDate(heldOn) + ", 10:00")
        .contains("Asia/Baku");
    button("Approve version 1 for my party");
    assertThat(driver.findElement(By.id("statement-published")).getText()).contains("Published");
    screenshot("meeting-2-published");
    open("/account/action-items");
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Share the terminal's feasibility scope");
    assertNoSeriousViolations("/account/action-items");
    logOut();

    open("/statements/" + meeting);
    assertThat(driver.findElement(By.id("statement-text-en")).getText())
        .isEqualTo(
            "The working group reviewed the Middle Corridor terminal and agreed next steps.");
    assertNoSeriousViolations("/statements/{id} (anonymous)");
    screenshot("meeting-3-public-statement");

    // The meeting is the group's (bilateral): its members see the obligation it met.
    logIn("az.connect", password);
    open("/charters/az-us-2026/deadlines?sort=subject");
    List<String> annual =
        rows().stream()
            .map(WebElement::getText)
            .filter(t -> t.contains("Connectivity"))
            .filter(t -> t.contains("Meeting of each working group"))
            .toList();
    assertThat(annual)
        .hasSize(1)
        .allSatisfy(
            t ->
                assertThat(t)
                    .contains("Last met on " + shownDate(heldOn))
                    .contains(shownDate(heldOn.plusMonths(12))));
    logOut();
  }

  /**
   * A co-chair marks the published roadmap's first milestone done on its edit page, reached from
   * the workspace's roadmap table: the form is accessible, and the milestone keeps its status and
   * actual dates (its plan, published, stays as agreed). Runs after the project list journey.
   */
  @Test
  @org.junit.jupiter.api.Order(4)
  void aCoChairMarksAMilestoneDoneOnItsEditPage() {
    String password = "a passphrase for the co-chairs";
    String workspace = "/charters/az-us-2026/working-groups/wg-connectivity-digital/workspace";
    logIn("us.connect", password);
    open(workspace);
    driver
        .findElement(
            By.xpath(
                "//a[contains(@href, '/roadmap/milestones/')"
                    + " and contains(normalize-space(.), 'Feasibility studies')]"))
        .click();
    waitFor(By.id("status"));
    String editPage = driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    assertNoSeriousViolations("/charters/…/roadmap/milestones/{id} (edit)");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("status")))
        .selectByValue("done");
    ((JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById('actualStart').value = '2026-12-01';"
                + " document.getElementById('actualEnd').value = arguments[0];",
            java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
    driver.findElement(By.xpath("//button[normalize-space()='Save the milestone']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().endsWith("/workspace"));
    open(editPage);
    assertThat(
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("status")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("done");
    assertThat(driver.findElement(By.id("actualStart")).getAttribute("value"))
        .isEqualTo("2026-12-01");
    assertThat(driver.findElement(By.id("plannedEnd")).getAttribute("value"))
        .as("the published plan is unchanged")
        .isEqualTo("2027-03-31");
    logOut();
  }

  /**
   * A co-chair adds an indicator for the connectivity group and gives it a target, in the browser
   * (issue 18: before, only the API could): both forms are accessible, and the target shows on the
   * indicator's page. Runs after the project list journey, whose co-chairs it uses.
   */
  @Test
  @org.junit.jupiter.api.Order(5)
  void aCoChairAddsAnIndicatorAndItsTarget() {
    String password = "a passphrase for the co-chairs";
    logIn("us.connect", password);
    open("/charters/az-us-2026/indicators");
    assertNoSeriousViolations("/charters/az-us-2026/indicators (with the form)");
    driver.findElement(By.id("key")).sendKeys("alat-port-throughput");
    driver.findElement(By.id("name-en")).sendKeys("Port of Alat throughput (browser test)");
    driver.findElement(By.id("unit-en")).sendKeys("TEU");
    driver.findElement(By.id("direction-higher")).click();
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("workingGroup")))
        .selectByValue("wg-connectivity-digital");
    driver.findElement(By.id("commitment-0")).click();
    WebElement list = driver.findElement(By.tagName("html"));
    driver.findElement(By.xpath("//button[normalize-space()='Add the indicator']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(gone(list));
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .contains("Port of Alat throughput (browser test)");
    assertNoSeriousViolations("/indicators/{id} (with the value form)");
    driver.findElement(By.id("kind-target")).click();
    driver.findElement(By.id("year")).sendKeys("2027");
    driver.findElement(By.id("value")).sendKeys("250000");
    driver.findElement(By.id("publisher")).sendKeys("Port of Baku (browser test)");
    WebElement indicator = driver.findElement(By.tagName("html"));
    driver.findElement(By.xpath("//button[normalize-space()='Add the value']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(gone(indicator));
    assertThat(driver.findElements(By.cssSelector("[role=alert]"))).as("no refusal").isEmpty();
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Port of Baku (browser test)")
        .contains("2027");
    logOut();
  }

  /**
   * The Azerbaijani co-chair withdraws the connectivity group's published project list alone, with
   * a reason: the workspace says so, and the public page shows a correction notice in its place and
   * no longer the projects (issue 18). Runs after the project list journey; nothing after it needs
   * the list published.
   */
  @Test
  @org.junit.jupiter.api.Order(6)
  void aCoChairWithdrawsThePublishedProjectListAndANoticeStandsInItsPlace() {
    logIn("az.connect", "a passphrase for the co-chairs");
    open("/charters/az-us-2026/working-groups/wg-connectivity-digital/workspace");
    driver
        .findElement(By.id("project-list-withdraw-reason"))
        .sendKeys("Published before the port's figures were checked");
    buttonOf("/project-list/withdraw");
    assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
        .contains("withdrawn from the public");
    assertNoSeriousViolations("/charters/…/workspace (withdrawn)");
    logOut();
    String portal = "/public/charters/az-us-2026/working-groups";
    open(portal);
    String main = driver.findElement(By.tagName("main")).getText();
    assertThat(main).contains("was withdrawn by the").doesNotContain("TRIPP rail link");
    assertNoSeriousViolations(portal + " (a withdrawn list)");
  }

  /**
   * A co-chair records a meeting held outside Entente from the deadlines page and corrects it, then
   * moves the due date of the action item the meeting journey gave him, on the meeting's page
   * (issue 18: before, only the API could). Both forms are accessible. The event is internal to the
   * co-chair's party, so that what the public sees stays as the other journeys expect.
   */
  @Test
  @org.junit.jupiter.api.Order(11)
  void aCoChairRecordsAnEventAndChangesAnActionItemsDueDate() {
    logIn("us.connect", "a passphrase for the co-chairs");
    open("/charters/az-us-2026/deadlines");
    driver.findElement(By.linkText("Record an event")).click();
    waitFor(By.id("kind"));
    assertNoSeriousViolations("/charters/az-us-2026/events/new");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind")))
        .selectByValue("meeting-held");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("subject")))
        .selectByValue("wg-connectivity-digital");
    js().executeScript("document.getElementById('occurredOn').value = '2026-11-15';");
    driver.findElement(By.id("title")).sendKeys("Expert meeting in Alat (browser test)");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("classification")))
        .selectByValue("party-internal");
    button("Record the event");
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Expert meeting in Alat (browser test)");
    assertNoSeriousViolations("/charters/az-us-2026/events/{id}");
    WebElement title = driver.findElement(By.id("title"));
    title.clear();
    title.sendKeys("Expert meeting at the Port of Alat (browser test)");
    button("Save the correction");
    assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
        .contains("correction is saved");
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Expert meeting at the Port of Alat (browser test)");

    open("/account/action-items");
    driver
        .findElement(By.xpath("//tr[contains(., \"Share the terminal's feasibility scope\")]//a"))
        .click();
    WebElement change =
        waitFor(
            By.xpath(
                "//details[.//summary[contains(@aria-label,"
                    + " \"Share the terminal's feasibility scope\")]]"));
    change.findElement(By.tagName("summary")).click();
    WebElement due = change.findElement(By.cssSelector("input[type=date]"));
    js().executeScript("arguments[0].value = '2027-02-26';", due);
    assertNoSeriousViolations("/meetings/{id} (an action item's change form open)");
    press(
        By.xpath(
            "//details[.//summary[contains(@aria-label,"
                + " \"Share the terminal's feasibility scope\")]]//button"),
        "Save");
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("26 February 2027");
    logOut();
  }

  /**
   * The American co-chair withdraws the connectivity meeting's published joint statement alone,
   * with a reason, on the meeting's page (issue 18, item 5): the public statements list and the
   * statement's page show a correction notice in its place. Runs after the meeting journey; nothing
   * after it needs the statement published.
   */
  @Test
  @org.junit.jupiter.api.Order(12)
  void aCoChairWithdrawsAPublishedJointStatementAndANoticeStandsInItsPlace() {
    open("/charters/az-us-2026/statements");
    driver.findElement(By.cssSelector("main a[href^='/statements/']")).click();
    waitFor(By.tagName("h1"));
    String meeting = driver.getCurrentUrl().replaceAll(".*/statements/", "");
    logIn("us.connect", "a passphrase for the co-chairs");
    open("/meetings/" + meeting);
    driver
        .findElement(By.id("statement-withdraw-reason"))
        .sendKeys("The figures in the statement were not yet checked");
    assertNoSeriousViolations("/meetings/{id} (a published statement and its withdrawal form)");
    buttonOf("/statement/withdraw");
    logOut();
    open("/charters/az-us-2026/statements");
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Correction: the joint statement")
        .contains("was withdrawn by the US party");
    assertNoSeriousViolations("/charters/az-us-2026/statements (a withdrawn statement)");
    open("/statements/" + meeting);
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("was withdrawn");
    assertNoSeriousViolations("/statements/{id} (withdrawn)");
  }

  private void addProject(
      String key,
      String english,
      String azerbaijani,
      String commitment,
      String amount,
      String currency) {
    open("/charters/az-us-2026/working-groups/wg-connectivity-digital/projects/new");
    driver.findElement(By.id("key")).sendKeys(key);
    driver.findElement(By.id("titleEn")).sendKeys(english);
    driver.findElement(By.id("titleAz")).sendKeys(azerbaijani);
    driver
        .findElement(By.xpath("//input[@name='commitments' and @value='" + commitment + "']"))
        .click();
    driver.findElement(By.id("lead-US")).sendKeys("Department of State");
    driver.findElement(By.id("lead-AZ")).sendKeys("Ministry of Digital Development and Transport");
    driver.findElement(By.id("amount")).sendKeys(amount);
    driver.findElement(By.id("currency")).sendKeys(currency);
    driver.findElement(By.xpath("//button[normalize-space()='Add the project']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().endsWith("/workspace"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains(english);
  }

  private void addMilestone(
      String key, String title, String start, String end, String project, String after) {
    open("/charters/az-us-2026/working-groups/wg-connectivity-digital/roadmap/milestones/new");
    driver.findElement(By.id("key")).sendKeys(key);
    driver.findElement(By.id("title-en")).sendKeys(title);
    ((JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById('plannedStart').value = arguments[0];"
                + " document.getElementById('plannedEnd').value = arguments[1];",
            start,
            end);
    driver.findElement(By.id("project")).sendKeys(project);
    if (after != null) {
      driver.findElement(By.xpath("//input[@name='dependsOn' and @value='" + after + "']")).click();
    }
    driver.findElement(By.xpath("//button[normalize-space()='Add the milestone']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().endsWith("/workspace"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains(title);
  }

  /** Clicks the first button with this text and checks the page says it was done. */
  private void button(String text) {
    press(By.xpath("//button[normalize-space()='" + text + "']"), text);
  }

  /** Presses the button of the form that posts to an address ending in {@code action}. */
  private void buttonOf(String action) {
    press(By.cssSelector("form[action$='" + action + "'] button"), action);
  }

  private void press(By button, String text) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.findElement(button).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(gone(page));
    WebElement outcome = waitFor(By.cssSelector("[role=status], [role=alert]"));
    assertThat(outcome.getAttribute("role"))
        .as("no refusal after " + text + ": " + outcome.getText())
        .isEqualTo("status");
  }

  /** Waits for an element, for pages loaded by a click or a submitted form. */
  private WebElement waitFor(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.findElements(by).stream().findFirst().orElse(null));
  }

  /**
   * The deadlines page's table of recorded events. Once (in CI, 2026-12-03) the page came without
   * it and the failure said nothing of what came instead; this says what the page showed and, if it
   * was not the deadlines page, loads it once more so that one stray response is told apart from a
   * page that is broken (which still fails).
   */
  private WebElement eventsTable() {
    By table = By.cssSelector("table.events");
    if (driver.findElements(table).isEmpty()) {
      String shown =
          driver.getCurrentUrl()
              + " | "
              + driver.getTitle()
              + " | "
              + driver.findElement(By.tagName("body")).getText().replace('\n', ' ');
      System.err.println("[PagesBrowserTest] the deadlines page came without its events: " + shown);
      driver.navigate().refresh();
      if (driver.findElements(table).isEmpty()) {
        throw new AssertionError(
            "The deadlines page has no events table twice; it showed: "
                + shown
                + " then: "
                + driver.findElement(By.tagName("body")).getText());
      }
    }
    return driver.findElement(table);
  }

  private void logIn(String username, String password) {
    open("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password + Keys.ENTER);
    // the login page's own header may still be there, and go stale, while the next page loads
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .withMessage(() -> "not signed in as " + username)
        .until(
            d ->
                d.findElement(By.tagName("header")).getText().contains("Signed in as " + username));
  }

  private void logOut() {
    driver.findElement(By.xpath("//button[normalize-space()='Log out']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().endsWith("/login?logout"));
  }

  private void createAccount(
      String username, String name, String party, String role, String password, boolean chair) {
    open("/admin/accounts/new");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("displayName")).sendKeys(name);
    driver.findElement(By.id("party")).sendKeys(party);
    driver.findElement(By.id("role-" + role)).click();
    driver
        .findElement(By.xpath("//input[@name='member' and @value='az-us-2026/wg-energy']"))
        .click();
    if (chair) {
      driver
          .findElement(By.xpath("//input[@name='coChair' and @value='az-us-2026/wg-energy']"))
          .click();
    }
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.xpath("//button[normalize-space()='Create account']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().contains("/admin/accounts?created=" + username));
  }

  /**
   * Opens a page. Unless the path chooses a language (?lang=az), the page is in English: the
   * language an earlier page chose (its cookie) is forgotten first.
   */
  /**
   * Whether the page this element was on has gone (a new page was loaded). Chromium answers a
   * question about an element of a page being replaced either as stale or, at times, with "Node
   * with given id does not belong to the document", which {@code ExpectedConditions.stalenessOf}
   * lets through as an error: both mean the element's page is gone.
   */
  private static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(
      WebElement element) {
    return driver -> {
      try {
        element.isEnabled();
        return false;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        return true;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
          return true;
        }
        throw e;
      }
    };
  }

  private void open(String path) {
    if (!path.contains("lang=")) {
      try {
        driver.manage().deleteCookieNamed("entente-lang");
      } catch (org.openqa.selenium.WebDriverException noPageYet) {
        // nothing to forget before the first page
      }
    }
    driver.get("http://localhost:" + port + path);
  }

  private JavascriptExecutor js() {
    return driver;
  }

  private List<WebElement> rows() {
    return driver.findElements(By.cssSelector("table.deadlines tbody tr"));
  }

  private void tab() {
    new Actions(driver).sendKeys(Keys.TAB).perform();
  }

  private WebElement tabUntil(java.util.function.Predicate<WebElement> wanted) {
    for (int i = 0; i < 40; i++) {
      tab();
      WebElement active = driver.switchTo().activeElement();
      if (wanted.test(active)) {
        return active;
      }
    }
    return fail("not reached with 40 presses of Tab on " + driver.getCurrentUrl());
  }

  private void assertNoSeriousViolations(String path) {
    Chromium.assertNoSeriousViolations(driver, path);
  }

  /** The whole page, not only the window, when Chromium can; else the window. */
  private void screenshot(String name) {
    Path file = Chromium.SCREENSHOTS.resolve(name + ".png");
    byte[] png;
    try {
      Number width = (Number) js().executeScript("return document.documentElement.scrollWidth");
      Number height = (Number) js().executeScript("return document.documentElement.scrollHeight");
      Map<String, Object> shot =
          driver.executeCdpCommand(
              "Page.captureScreenshot",
              Map.of(
                  "format",
                  "png",
                  "captureBeyondViewport",
                  true,
                  "clip",
                  Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
      png = Base64.getDecoder().decode((String) shot.get("data"));
    } catch (RuntimeException e) {
      png = driver.getScreenshotAs(OutputType.BYTES);
    }
    try {
      Files.write(file, png);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A co-chair of the economy and trade group opens a project of the group, edits it on its edit
   * page (issue 18: before, only the API could), adding a second partner and a second financing
   * line (each with the form's "add another" button, without JavaScript) and its coordinates; the
   * project page shows them, and its stage form moves it on. The edit page is accessible. Uses a
   * group and a project no other journey asserts on.
   */
  @Test
  @org.junit.jupiter.api.Order(7)
  void aCoChairEditsAProjectWithASecondPartnerAndFinancingLineAndMovesItsStage() {
    String password = "a passphrase for the trade co-chair";
    accounts.create(
        new org.entente.identity.Accounts.NewAccount(
            "us.trade",
            "us.trade",
            "US",
            null,
            java.util.EnumSet.of(org.entente.identity.Role.CO_CHAIR),
            false,
            password,
            List.of(
                new org.entente.identity.Accounts.MembershipInput(
                    "az-us-2026", "wg-economy-trade", true))));
    logIn("us.trade", password);
    String title = "Trade facilitation portal (browser test)";
    open("/charters/az-us-2026/working-groups/wg-economy-trade/projects/new");
    driver.findElement(By.id("key")).sendKeys("trade-portal-browser");
    driver.findElement(By.id("titleEn")).sendKeys(title);
    driver.findElement(By.id("commitment-0")).click();
    driver.findElement(By.id("amount")).sendKeys("1000000");
    driver.findElement(By.id("currency")).sendKeys("USD");
    driver.findElement(By.xpath("//button[normalize-space()='Add the project']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().endsWith("/workspace"));
    driver.findElement(By.linkText(title)).click();
    waitFor(By.linkText("Edit this project")).click();
    waitFor(By.id("partner-name-0"));
    assertNoSeriousViolations("/projects/{id}/edit");
    driver.findElement(By.id("partner-name-0")).sendKeys("Azerbaijan Export Promotion Agency");
    driver.findElement(By.id("partner-kind-0")).sendKeys("agency");
    selectValue("partner-role-0", "IMPLEMENTING");
    pressAndWait(By.xpath("//button[normalize-space()='Add another partner']"));
    assertThat(driver.findElement(By.id("partner-name-0")).getAttribute("value"))
        .as("what was typed is kept")
        .isEqualTo("Azerbaijan Export Promotion Agency");
    driver.findElement(By.id("partner-name-1")).sendKeys("U.S. Trade and Development Agency");
    driver.findElement(By.id("partner-kind-1")).sendKeys("agency");
    selectValue("partner-role-1", "FUNDING");
    driver.findElement(By.id("financing-amount-1")).sendKeys("250000");
    driver.findElement(By.id("financing-currency-1")).sendKeys("AZN");
    selectValue("financing-status-1", "COMMITTED");
    js().executeScript("document.getElementById('financing-date-1').value = '2026-11-03';");
    driver.findElement(By.id("place")).sendKeys("Baku International Sea Trade Port");
    driver.findElement(By.id("latitude")).sendKeys("40.2297");
    driver.findElement(By.id("longitude")).sendKeys("49.5003");
    assertNoSeriousViolations("/projects/{id}/edit (two partner rows)");
    screenshot("journey-7-project-edit");
    pressAndWait(By.id("save-project"));
    assertThat(driver.findElements(By.cssSelector("[role=alert]"))).as("no refusal").isEmpty();
    String main = driver.findElement(By.tagName("main")).getText();
    assertThat(main)
        .contains("Azerbaijan Export Promotion Agency")
        .contains("U.S. Trade and Development Agency")
        .contains("1,000,000")
        .contains("250,000")
        .contains("AZN")
        .contains("3 November 2026")
        .contains("40.2297")
        .contains("49.5003");
    assertNoSeriousViolations("/projects/{id} (with its stage form)");
    selectValue("stage", "under-study");
    pressAndWait(By.xpath("//button[normalize-space()='Move the project']"));
    assertThat(driver.findElements(By.cssSelector("[role=alert]"))).as("no refusal").isEmpty();
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("Under study");
    logOut();
  }

  private void selectValue(String id, String value) {
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(id))).selectByValue(value);
  }

  /** Clicks a button and waits for the page it leads to. */
  private void pressAndWait(By button) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.findElement(button).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(gone(page));
  }

  /**
   * A co-chair of the economy and trade group delegates their party's approval to a member of their
   * party on the delegation page, and takes it back; then proposes a dialogue platform on the
   * meetings page, which shows as proposed, awaiting the other party (issue 18, items 1 and 7).
   * Uses its own people and group, which no other journey asserts on.
   */
  @Test
  @org.junit.jupiter.api.Order(9)
  void aCoChairDelegatesAndTakesBackTheApprovalAndProposesADialoguePlatform() {
    String password = "a passphrase for the trade group";
    tradePerson("az.trade.chair", "Azerbaijani trade co-chair", true, password);
    tradePerson("az.trade.deputy", "Azerbaijani trade deputy", false, password);
    logIn("az.trade.chair", password);
    open("/charters/az-us-2026/working-groups/wg-economy-trade/workspace");
    driver.findElement(By.linkText("Delegate your party's approval in this group")).click();
    new org.openqa.selenium.support.ui.Select(waitFor(By.id("delegate-username")))
        .selectByValue("az.trade.deputy");
    assertNoSeriousViolations("/charters/…/delegates");
    button("Delegate");
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Azerbaijani trade deputy (az.trade.deputy)");
    assertNoSeriousViolations("/charters/…/delegates (delegated)");
    screenshot("journey-9-delegated");
    button("Take back");
    assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
        .contains("taken back");

    open("/charters/az-us-2026/meetings");
    driver.findElement(By.id("platform-key")).sendKeys("browser-water-dialogue");
    driver.findElement(By.id("platform-name-en")).sendKeys("Water dialogue (browser test)");
    button("Propose the platform");
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Water dialogue (browser test) (proposed — awaiting the other party's approval)");
    assertNoSeriousViolations("/charters/az-us-2026/meetings (a proposed platform)");
    screenshot("journey-9-proposed-platform");
    logOut();
  }

  private void tradePerson(String username, String name, boolean chair, String password) {
    accounts.create(
        new org.entente.identity.Accounts.NewAccount(
            username,
            name,
            "AZ",
            "Ministry of Economy",
            java.util.EnumSet.of(
                chair ? org.entente.identity.Role.CO_CHAIR : org.entente.identity.Role.MEMBER),
            false,
            password,
            List.of(
                new org.entente.identity.Accounts.MembershipInput(
                    "az-us-2026", "wg-economy-trade", chair))));
  }

  /**
   * A coordinator adds an organization to the directory with its party, IATI type and identifier,
   * then finds it with the directory's search box (issue 18): the directory page with its forms and
   * the organization's page are accessible. Uses an organization no other journey asserts on.
   */
  @Test
  @org.junit.jupiter.api.Order(8)
  void aCoordinatorAddsAnOrganizationToTheDirectoryAndFindsItBySearch() {
    String password = "a passphrase for the directory";
    accounts.create(
        new org.entente.identity.Accounts.NewAccount(
            "az.directory",
            "Azerbaijani coordinator",
            "AZ",
            null,
            java.util.EnumSet.of(org.entente.identity.Role.COORDINATOR),
            false,
            password));
    logIn("az.directory", password);
    String directory = "/charters/az-us-2026/organizations";
    open(directory);
    assertNoSeriousViolations(directory + " (with the form)");
    driver.findElement(By.id("org-name")).sendKeys("Caspian Shipping Company (browser test)");
    driver.findElement(By.id("org-second-name")).sendKeys("Xəzər Dəniz Gəmiçiliyi");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("org-party")))
        .selectByValue("AZ");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("org-type")))
        .selectByValue("70");
    driver.findElement(By.id("org-identifier")).sendKeys("AZ-VOEN-9900003611");
    WebElement list = driver.findElement(By.tagName("html"));
    driver.findElement(By.xpath("//button[normalize-space()='Add the organization']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(gone(list));
    assertThat(driver.findElements(By.cssSelector("[role=alert]"))).as("no refusal").isEmpty();
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Caspian Shipping Company (browser test)");
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("AZ-VOEN-9900003611", "Private Sector");
    assertNoSeriousViolations("/charters/az-us-2026/organizations/{id} (with the change form)");
    open(directory);
    driver.findElement(By.id("q")).sendKeys("shipping COMPANY" + Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().contains("q=shipping"));
    List<WebElement> found = driver.findElements(By.cssSelector("main table tbody tr"));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).getText())
        .contains("Caspian Shipping Company (browser test)", "AZ", "AZ-VOEN-9900003611");
    assertNoSeriousViolations(directory + "?q=shipping COMPANY");
    screenshot("journey-8-directory");
    logOut();
  }

  /**
   * Issue 19: a charter in English and Ukrainian, which the interface has no translation for. Its
   * pages are offered in Ukrainian: the content is Ukrainian, the interface English with a notice
   * and {@code <html lang="en">}; its project form asks for a title per language of the charter.
   * Uses a charter no other journey asserts on.
   */
  @Test
  @org.junit.jupiter.api.Order(13)
  void aCharterInUkrainianIsOfferedInUkrainianWithTheInterfaceFallingBackToEnglish() {
    assertThat(
            definitions
                .load(
                    "english-ukrainian.yaml",
                    org.entente.definition.DefinitionFixtures.resource(
                        "/definitions/english-ukrainian.yaml"))
                .loaded())
        .isTrue();
    String password = "a passphrase for two languages";
    accounts.create(
        new org.entente.identity.Accounts.NewAccount(
            "ta.bridges",
            "Testarian member",
            "TA",
            null,
            java.util.EnumSet.of(org.entente.identity.Role.MEMBER),
            false,
            password,
            List.of(
                new org.entente.identity.Accounts.MembershipInput(
                    "en-uk-test", "bridges-group", false))));
    open("/charters/en-uk-test?lang=uk");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(driver.findElement(By.cssSelector("[role=note].language-notice")).getText())
        .contains("not translated into Українська");
    assertThat(driver.findElement(By.cssSelector("[lang=uk]")).getText()).isNotBlank();
    assertNoSeriousViolations("/charters/en-uk-test?lang=uk");
    screenshot("journey-13-ukrainian-charter");
    logIn("ta.bridges", password);
    open("/charters/en-uk-test/working-groups/bridges-group/projects/new?lang=uk");
    assertNoSeriousViolations("/charters/en-uk-test/…/projects/new?lang=uk");
    driver.findElement(By.id("key")).sendKeys("bridge-browser");
    driver.findElement(By.id("titleEn")).sendKeys("A bridge over the river");
    driver.findElement(By.id("titleUk")).sendKeys("Міст через річку");
    driver.findElement(By.xpath("//input[@name='commitments' and @value='bridges']")).click();
    driver.findElement(By.xpath("//button[normalize-space()='Add the project']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().endsWith("/workspace"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("Міст через річку");
    assertNoSeriousViolations("/charters/en-uk-test/…/workspace?lang=uk");
    screenshot("journey-13-ukrainian-project");
    logOut();
  }

  /** A day as English pages write it for people ("10 February 2026"). */
  private static String shownDate(java.time.LocalDate day) {
    return day.format(
        java.time.format.DateTimeFormatter.ofPattern("d MMMM y", java.util.Locale.ENGLISH));
  }

  /**
   * A joint statement drafted in English is not submitted while its Azerbaijani text is missing
   * (the meeting page says so, and marks the Azerbaijani field); with both texts it is submitted,
   * both co-chairs approve the one version, and the public portal and the statement's page show
   * both texts, each marked with its language (issue 19, item 2). Uses its own co-chairs and
   * meeting of the energy group, which no other journey asserts on.
   */
  @Test
  @org.junit.jupiter.api.Order(16)
  void aJointStatementIsSubmittedOnlyWithItsTextInEveryLanguageAndPublishedWithBoth() {
    String password = "a passphrase for the statement co-chairs";
    statementChair("az.stmt.chair", "AZ", "Ministry of Energy", password);
    statementChair("us.stmt.chair", "US", "U.S. Department of Energy", password);
    java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2);
    java.util.UUID meeting =
        statementMeetings
            .schedule(
                org.entente.shared.CharterKey.of("az-us-2026"),
                new org.entente.meetings.MeetingInputs.MeetingInput(
                    "working-group",
                    "wg-energy",
                    "Energy statement in both languages (browser test)",
                    day.atTime(10, 0),
                    day.atTime(12, 0),
                    "Asia/Baku",
                    "Baku",
                    false,
                    null,
                    List.of(
                        new org.entente.meetings.MeetingInputs.ParticipantInput(
                            "AZ", "Azerbaijan", null, null),
                        new org.entente.meetings.MeetingInputs.ParticipantInput(
                            "US", "United States", null, null))),
                viewers.of("az.stmt.chair").orElseThrow())
            .id();
    String en = "Both parties agreed to share the grid study by the spring.";
    String az = "Hər iki tərəf şəbəkə tədqiqatını yazadək paylaşmağa razılaşdı.";

    logIn("az.stmt.chair", password);
    open("/meetings/" + meeting);
    assertThat(driver.findElement(By.id("statement-text-az")).getAttribute("lang")).isEqualTo("az");
    assertThat(driver.findElement(By.id("statement-text-en")).getAttribute("lang")).isEqualTo("en");
    driver.findElement(By.id("statement-text-en")).sendKeys(en);
    button("Save the draft");
    assertThat(driver.findElement(By.id("statement-missing")).getText()).contains("Azərbaycanca");
    WebElement page = driver.findElement(By.tagName("html"));
    driver
        .findElement(By.xpath("//button[normalize-space()='Submit the statement for agreement']"))
        .click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(gone(page));
    assertThat(waitFor(By.cssSelector("[role=alert]")).getText()).contains("no text in az");
    assertThat(driver.findElement(By.id("statement-text-az")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertNoSeriousViolations("/meetings/{id} (statement refused: no Azerbaijani text)");
    screenshot("journey-16-refused");

    driver.findElement(By.id("statement-text-az")).sendKeys(az);
    button("Save the draft");
    assertThat(driver.findElements(By.id("statement-missing"))).isEmpty();
    button("Submit the statement for agreement");
    button("Approve version 1 for my party");
    logOut();
    logIn("us.stmt.chair", password);
    open("/meetings/" + meeting);
    button("Approve version 1 for my party");
    assertThat(driver.findElement(By.id("statement-published")).getText()).contains("Published");
    logOut();

    open("/statements/" + meeting);
    assertThat(driver.findElement(By.id("statement-text-az")).getText()).isEqualTo(az);
    assertThat(driver.findElement(By.id("statement-text-az")).getAttribute("lang")).isEqualTo("az");
    assertThat(driver.findElement(By.id("statement-text-en")).getText()).isEqualTo(en);
    assertNoSeriousViolations("/statements/{id} (both languages)");
    open("/public/charters/az-us-2026/statements");
    assertThat(
            driver.findElements(By.cssSelector(".statement-text[lang=az]")).stream()
                .map(WebElement::getText))
        .contains(az);
    assertThat(
            driver.findElements(By.cssSelector(".statement-text[lang=en]")).stream()
                .map(WebElement::getText))
        .contains(en);
    assertNoSeriousViolations("/public/charters/az-us-2026/statements (both languages)");
    screenshot("journey-16-published");
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.entente.meetings.Meetings statementMeetings;

  private void statementChair(String username, String party, String organization, String pw) {
    accounts.create(
        new org.entente.identity.Accounts.NewAccount(
            username,
            username,
            party,
            organization,
            java.util.EnumSet.of(org.entente.identity.Role.CO_CHAIR),
            false,
            pw,
            List.of(
                new org.entente.identity.Accounts.MembershipInput(
                    "az-us-2026", "wg-energy", true))));
  }

  /**
   * Issue 19, item 2 for meetings: a member schedules a meeting with its title in English and in
   * Azerbaijani (the form has a field per language of the charter, each with its lang), records its
   * minutes in both, adds an agenda item in English only, and reads the meeting page with ?lang=az:
   * the title and the minutes in Azerbaijani, marked az-Latn; the agenda item in English, marked as
   * such. Uses its own member and meeting of the economy and trade group, which no other journey
   * asserts on.
   */
  @Test
  @org.junit.jupiter.api.Order(17)
  void aMeetingWrittenInTwoLanguagesIsReadInAzerbaijani() {
    String password = "a passphrase for the meeting texts member";
    accounts.create(
        new org.entente.identity.Accounts.NewAccount(
            "az.mtg.texts",
            "az.mtg.texts",
            "AZ",
            "Ministry of Economy",
            java.util.EnumSet.of(org.entente.identity.Role.MEMBER),
            false,
            password,
            List.of(
                new org.entente.identity.Accounts.MembershipInput(
                    "az-us-2026", "wg-economy-trade", false))));
    java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(3);
    String titleAz = "Ticarət sərgisinə hazırlıq (brauzer testi)";
    String minutesAz = "Qrup sərgiyə hazırlığı nəzərdən keçirdi.";

    logIn("az.mtg.texts", password);
    open("/charters/az-us-2026/meetings/new");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("body")))
        .selectByValue("working-group:wg-economy-trade");
    assertThat(driver.findElement(By.id("title-en")).getAttribute("lang")).isEqualTo("en");
    assertThat(driver.findElement(By.id("title-az")).getAttribute("lang")).isEqualTo("az-Latn");
    assertThat(driver.findElement(By.cssSelector("label[for=title-az]")).getText())
        .startsWith("Title (Azərbaycanca)");
    driver.findElement(By.id("title-en")).sendKeys("Trade fair preparations (browser test)");
    driver.findElement(By.id("title-az")).sendKeys(titleAz);
    js().executeScript(
            "document.getElementById('startsAt').value = arguments[0];"
                + " document.getElementById('endsAt').value = arguments[1];",
            day + "T10:00",
            day + "T12:00");
    driver.findElement(By.id("timeZone")).clear();
    driver.findElement(By.id("timeZone")).sendKeys("Asia/Baku");
    assertNoSeriousViolations("/charters/az-us-2026/meetings/new (a title per language)");
    driver.findElement(By.xpath("//button[normalize-space()='Schedule the meeting']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().matches(".*/meetings/[0-9a-f-]{36}$"));
    String meeting = driver.getCurrentUrl().replaceAll(".*/meetings/", "");

    driver
        .findElement(By.id("minutes-en"))
        .sendKeys("<p>The group reviewed the preparations for the fair.</p>");
    driver.findElement(By.id("minutes-az")).sendKeys("<p>" + minutesAz + "</p>");
    button("Save the minutes");
    driver.findElement(By.id("agenda-title-en")).sendKeys("Exhibitors from both parties");
    button("Add the agenda item");

    open("/meetings/" + meeting + "?lang=az");
    WebElement title = driver.findElement(By.cssSelector("h1 span"));
    assertThat(title.getText()).isEqualTo(titleAz);
    assertThat(title.getAttribute("lang")).isEqualTo("az-Latn");
    WebElement minutes = driver.findElement(By.cssSelector("div.minutes"));
    assertThat(minutes.getText()).isEqualTo(minutesAz);
    assertThat(minutes.getAttribute("lang")).isEqualTo("az-Latn");
    WebElement agenda = driver.findElement(By.cssSelector("ol.agenda li span[lang]"));
    assertThat(agenda.getText()).isEqualTo("Exhibitors from both parties");
    assertThat(agenda.getAttribute("lang")).isEqualTo("en");
    assertThat(driver.findElement(By.cssSelector("ol.agenda li .fallback")).getText())
        .isEqualTo("(ingiliscə)");
    assertNoSeriousViolations("/meetings/{id}?lang=az (title and minutes in Azerbaijani)");
    screenshot("journey-17-meeting-in-azerbaijani");
    open("/meetings/" + meeting);
    logOut();
  }

  /**
   * The translation workflow (issue 19, item 3): a joint statement drafted in English awaits its
   * Azerbaijani text in the secretariat's queue; it is translated in the side-by-side editor (the
   * English source read-only beside the Azerbaijani field, each with its lang); the English text
   * changes, which puts the translation out of date until it is translated again; then both
   * co-chairs approve the one version, and the statement is published with both texts. Axe on the
   * queue and the editor. Uses its own co-chairs and meeting of the energy group, which no other
   * journey asserts on.
   */
  @Test
  @org.junit.jupiter.api.Order(19)
  void aJointStatementDraftedInEnglishIsTranslatedSideBySideApprovedAndPublishedWithBothTexts() {
    String password = "a passphrase for the translating co-chairs";
    statementChair("az.tr.chair", "AZ", "Ministry of Energy", password);
    statementChair("us.tr.chair", "US", "U.S. Department of Energy", password);
    java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(3);
    String title = "Energy statement translated side by side (browser test)";
    java.util.UUID meeting =
        statementMeetings
            .schedule(
                org.entente.shared.CharterKey.of("az-us-2026"),
                new org.entente.meetings.MeetingInputs.MeetingInput(
                    "working-group",
                    "wg-energy",
                    title,
                    day.atTime(10, 0),
                    day.atTime(12, 0),
                    "Asia/Baku",
                    "Baku",
                    false,
                    null,
                    List.of()),
                viewers.of("az.tr.chair").orElseThrow())
            .id();
    String en = "Both parties agreed to publish the storage study.";
    String enEdited = "Both parties agreed to publish the storage study before the winter.";
    String az = "Hər iki tərəf saxlama tədqiqatını dərc etməyə razılaşdı.";
    String azEdited = "Hər iki tərəf saxlama tədqiqatını qışdan əvvəl dərc etməyə razılaşdı.";

    logIn("az.tr.chair", password);
    open("/meetings/" + meeting);
    driver.findElement(By.id("statement-text-en")).sendKeys(en);
    button("Save the draft");
    assertThat(driver.findElement(By.id("translation-az")).getText())
        .contains("Azərbaycanca: not translated yet");
    assertThat(driver.findElement(By.id("statement-official")).getText())
        .contains("become official together");

    open("/charters/az-us-2026/workspace/translations/az");
    // the statement's entry: the meeting's own title awaits Azerbaijani too, under the same words
    WebElement queued =
        driver.findElement(
            By.cssSelector("a[href='/translations/joint-statement/" + meeting + "/az']"));
    assertNoSeriousViolations("/charters/{c}/workspace/translations/az");
    screenshot("journey-19-queue");
    queued.click();
    WebElement source = waitFor(By.id("translation-source"));
    assertThat(source.getText()).isEqualTo(en);
    assertThat(source.getAttribute("lang")).isEqualTo("en");
    WebElement field = driver.findElement(By.id("translation-text"));
    assertThat(field.getAttribute("lang")).isEqualTo("az");
    assertNoSeriousViolations("/translations/joint-statement/{id}/az");
    field.sendKeys(az);
    button("Save the translation");
    assertThat(driver.findElement(By.id("translation-state")).getText())
        .contains("translated from the English text as it is now");
    screenshot("journey-19-editor");

    open("/meetings/" + meeting);
    WebElement english = driver.findElement(By.id("statement-text-en"));
    english.clear();
    english.sendKeys(enEdited);
    button("Save the draft");
    assertThat(driver.findElement(By.id("translation-az")).getText())
        .contains("out of date since the English text changed on");
    driver.findElement(By.cssSelector("#translation-az a")).click();
    WebElement again = waitFor(By.id("translation-text"));
    assertThat(driver.findElement(By.id("translation-source")).getText()).isEqualTo(enEdited);
    assertThat(driver.findElement(By.id("translation-state")).getText()).contains("out of date");
    assertNoSeriousViolations("/translations/joint-statement/{id}/az (out of date)");
    again.clear();
    again.sendKeys(azEdited);
    button("Save the translation");

    open("/meetings/" + meeting);
    button("Submit the statement for agreement");
    button("Approve version 1 for my party");
    logOut();
    logIn("us.tr.chair", password);
    open("/meetings/" + meeting);
    button("Approve version 1 for my party");
    assertThat(driver.findElement(By.id("statement-published")).getText()).contains("Published");
    logOut();

    open("/statements/" + meeting);
    assertThat(driver.findElement(By.id("statement-text-az")).getText()).isEqualTo(azEdited);
    assertThat(driver.findElement(By.id("statement-text-az")).getAttribute("lang")).isEqualTo("az");
    assertThat(driver.findElement(By.id("statement-text-en")).getText()).isEqualTo(enEdited);
    assertThat(driver.findElement(By.id("statement-text-en")).getAttribute("lang")).isEqualTo("en");
    open("/public/charters/az-us-2026/statements");
    assertThat(
            driver.findElements(By.cssSelector(".statement-text[lang=az]")).stream()
                .map(WebElement::getText))
        .contains(azEdited);
    assertThat(
            driver.findElements(By.cssSelector(".statement-text[lang=en]")).stream()
                .map(WebElement::getText))
        .contains(enEdited);
    screenshot("journey-19-published");
  }

  /**
   * The United States–Ukraine charter of 2008 (issue 19, a second real charter): its public pages,
   * and the charter's own pages, read in Ukrainian show the content in Ukrainian and the interface
   * in English, said so, with 0 serious axe violations; in Ukrainian the parties are named Ukraine
   * first (the alternat), in English the United States first. No other journey loads this charter.
   */
  @Test
  @org.junit.jupiter.api.Order(20)
  void theUnitedStatesUkraineCharterReadsInUkrainianWithItsOwnOrderOfTheParties() {
    assertThat(
            definitions
                .load(
                    "us-ukraine-2008.yaml",
                    org.entente.definition.DefinitionFixtures.resource(
                        "/definitions/us-ukraine-2008.yaml"))
                .loaded())
        .isTrue();
    for (String page :
        List.of(
            "/public/charters/us-ua-2008",
            "/public/charters/us-ua-2008/text",
            "/public/charters/us-ua-2008/commitments",
            "/public/charters/us-ua-2008/working-groups",
            "/public/charters/us-ua-2008/statements",
            "/public/charters/us-ua-2008/deadlines",
            "/charters/us-ua-2008",
            "/charters/us-ua-2008/working-groups/wg-economy-energy")) {
      open(page + "?lang=uk");
      assertThat(driver.findElement(By.tagName("html")).getAttribute("lang"))
          .as(page)
          .isEqualTo("en");
      assertThat(driver.findElement(By.cssSelector("[role=note].language-notice")).getText())
          .as(page)
          .contains("not translated into Українська");
      if (!page.endsWith("/statements")) { // no statement yet: no content to show in Ukrainian
        assertThat(driver.findElements(By.cssSelector("main [lang=uk]"))).as(page).isNotEmpty();
      }
      assertNoSeriousViolations(page + "?lang=uk");
    }
    open("/public/charters/us-ua-2008?lang=uk");
    assertThat(partiesNamed()).containsSubsequence("Україна", "Сполучені Штати Америки");
    screenshot("journey-20-us-ukraine-in-ukrainian");
    open("/public/charters/us-ua-2008?lang=en");
    assertThat(partiesNamed()).containsSubsequence("United States of America", "Ukraine");
    assertNoSeriousViolations("/public/charters/us-ua-2008?lang=en");
  }

  /**
   * Journey 21 (issue 20): from the portal's home anyone reaches the installation's key, with the
   * fingerprint to compare out of band, in both languages and with 0 serious axe violations.
   */
  @Test
  @org.junit.jupiter.api.Order(21)
  void anyoneFindsTheInstallationsKeyFromThePortal() {
    open("/public?lang=en");
    driver.findElement(By.cssSelector("a[href='/public/transparency']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().endsWith("/public/transparency"));
    for (String lang : List.of("en", "az")) {
      open("/public/transparency?lang=" + lang);
      assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).startsWith(lang);
      assertThat(driver.findElement(By.id("fingerprint")).getText())
          .matches("([0-9a-f]{4} ){15}[0-9a-f]{4}");
      assertThat(driver.findElement(By.id("verifier-key")).getText()).startsWith("entente+");
      assertNoSeriousViolations("/public/transparency?lang=" + lang);
    }
    screenshot("journey-21-transparency-key");
  }

  /** The official names of the parties as the portal's overview lists them, in its order. */
  private List<String> partiesNamed() {
    return driver.findElements(By.cssSelector("main li > strong")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /**
   * A milestone written in English and Azerbaijani through the form, each field marked with its
   * language, is read in the other language: the Azerbaijani workspace shows its Azerbaijani title
   * marked az, the English one its English title (issue 19, item 2). Uses a cleared member of the
   * security and defence group (its records need a clearance), whose roadmap no other journey
   * asserts on.
   */
  @Test
  @org.junit.jupiter.api.Order(18)
  void aMilestoneWrittenInTwoLanguagesThroughTheFormIsReadInTheOther() {
    String password = "a passphrase for the bilingual roadmap";
    accounts.create(
        new org.entente.identity.Accounts.NewAccount(
            "az.bilingual",
            "az.bilingual",
            "AZ",
            "Ministry of Defence",
            java.util.EnumSet.of(org.entente.identity.Role.MEMBER),
            true,
            password,
            List.of(
                new org.entente.identity.Accounts.MembershipInput(
                    "az-us-2026", "wg-security-defense", false))));
    String group = "/charters/az-us-2026/working-groups/wg-security-defense";
    String en = "Joint demining training plan agreed (browser test)";
    String az = "Birgə minatəmizləmə təlimi planı razılaşdırıldı (brauzer testi)";
    logIn("az.bilingual", password);
    open(group + "/roadmap/milestones/new");
    assertThat(driver.findElement(By.id("title-en")).getAttribute("lang")).isEqualTo("en");
    assertThat(driver.findElement(By.id("title-az")).getAttribute("lang")).isEqualTo("az-Latn");
    assertNoSeriousViolations(group + "/roadmap/milestones/new (a title per language)");
    driver.findElement(By.id("key")).sendKeys("demining-training-plan");
    driver.findElement(By.id("title-en")).sendKeys(en);
    driver.findElement(By.id("title-az")).sendKeys(az);
    ((JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById('plannedStart').value = '2027-01-04';"
                + " document.getElementById('plannedEnd').value = '2027-03-31';");
    driver.findElement(By.xpath("//button[normalize-space()='Add the milestone']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().endsWith("/workspace"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains(en).doesNotContain(az);

    open(group + "/workspace?lang=az");
    assertThat(
            driver.findElements(By.cssSelector("main [lang=az-Latn]")).stream()
                .map(WebElement::getText))
        .contains(az);
    assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain(en);
    assertNoSeriousViolations(group + "/workspace?lang=az (the milestone in Azerbaijani)");
    screenshot("journey-18-milestone-in-azerbaijani");
    open(group + "/workspace");
    logOut();
  }
}

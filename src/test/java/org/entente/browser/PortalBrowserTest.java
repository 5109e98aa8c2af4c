package org.entente.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Journeys through the public portal in Debian's Chromium: from the list of charters through every
 * section of a charter by its links, in English and in Azerbaijani, once with JavaScript and once
 * with JavaScript switched off in the browser; every portal page is checked with axe-core for
 * serious or critical violations. Runs only with {@code -Pbrowser}.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:portal-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "entente.definitions.folder="
    })
@ActiveProfiles("test")
class PortalBrowserTest {

  private static final String CHROMIUM = System.getProperty("browser.binary", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("browser.driver", "/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");
  private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

  /** The headings of the sections, in the order of the portal's navigation, by language. */
  private static final Map<String, List<String>> HEADINGS =
      Map.of(
          "en",
          List.of(
              "Text of the charter",
              "Commitments and their progress",
              "Working groups",
              "Joint statements",
              "Deadlines of the charter"),
          "az",
          List.of(
              "Xartiyanın mətni",
              "Öhdəliklər və onların icrası",
              "İşçi qruplar",
              "Birgə bəyanatlar",
              "Xartiyanın müddətləri"));

  private static final Map<String, String> LIST_HEADING =
      Map.of("en", "Charters in force", "az", "Qüvvədə olan xartiyalar");

  private static ChromeDriver withScript;
  private static ChromeDriver withoutScript;
  private static final List<Path> userDataDirs = new ArrayList<>();

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowsers() throws IOException {
    for (String file : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(Paths.get(file))) {
        fail(file + " is missing: apt-get install -y chromium chromium-driver");
      }
    }
    // Never let Selenium Manager look for (or download) a driver.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    Files.createDirectories(SCREENSHOTS);
    withScript = browser(true);
    withoutScript = browser(false);
  }

  private static ChromeDriver browser(boolean javascript) throws IOException {
    Path userDataDir = Files.createTempDirectory("entente-portal-chromium-");
    userDataDirs.add(userDataDir);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1280,900",
        "--user-data-dir=" + userDataDir.toAbsolutePath());
    if (!javascript) {
      Map<String, Object> prefs = new LinkedHashMap<>();
      prefs.put("profile.managed_default_content_settings.javascript", 2);
      options.setExperimentalOption("prefs", prefs);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return driver;
  }

  @AfterAll
  static void stopBrowsers() throws IOException {
    for (ChromeDriver driver : new ChromeDriver[] {withScript, withoutScript}) {
      if (driver != null) {
        driver.quit();
      }
    }
    withScript = null;
    withoutScript = null;
    for (Path dir : userDataDirs) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  void englishJourneyWithJavaScriptAndAxeOnEveryPage() {
    journey(withScript, "en", true);
  }

  @Test
  void azerbaijaniJourneyWithJavaScriptAndAxeOnEveryPage() {
    journey(withScript, "az", true);
  }

  @Test
  void englishJourneyWithoutJavaScript() {
    journey(withoutScript, "en", false);
  }

  @Test
  void azerbaijaniJourneyWithoutJavaScript() {
    journey(withoutScript, "az", false);
  }

  @Test
  void theBrowserWithoutJavaScriptRunsNoScriptOfThePage() {
    withoutScript.get("http://localhost:" + port + "/public?lang=en");
    withScript.get("http://localhost:" + port + "/public?lang=en");
    assertThat(withScript.executeScript("return typeof window.htmx")).isEqualTo("object");
    Object htmx;
    try {
      htmx = withoutScript.executeScript("return typeof window.htmx");
    } catch (RuntimeException e) {
      htmx = "undefined";
    }
    assertThat(htmx).as("htmx never loads with JavaScript off").isEqualTo("undefined");
  }

  /**
   * From the list of charters to the charter, then through every section by the portal's own links,
   * checking each page's heading and language (and axe-core where scripts run).
   */
  private void journey(ChromeDriver driver, String language, boolean axe) {
    String mode = language + (axe ? "-js" : "-nojs");
    driver.get("http://localhost:" + port + "/public?lang=" + language);
    check(driver, "portal-charters-" + mode, LIST_HEADING.get(language), language, axe);

    driver.findElement(By.cssSelector("main .cards a")).click();
    assertThat(driver.getCurrentUrl()).endsWith("/public/charters/az-us-2026");
    check(driver, "portal-overview-" + mode, null, language, axe);
    assertThat(driver.findElements(By.cssSelector("section.area"))).isNotEmpty();

    List<String> headings = HEADINGS.get(language);
    for (int i = 0; i < headings.size(); i++) {
      List<WebElement> links = driver.findElements(By.cssSelector("nav.portal-nav a"));
      assertThat(links).hasSize(6);
      links.get(i + 1).click();
      check(driver, "portal-section-" + (i + 1) + "-" + mode, headings.get(i), language, axe);
      assertThat(
              driver.findElement(By.cssSelector("nav.portal-nav a[aria-current='page']")).getText())
          .isEqualTo(driver.findElements(By.cssSelector("nav.portal-nav a")).get(i + 1).getText());
    }
    driver.findElements(By.cssSelector("nav.portal-nav a")).get(0).click();
    assertThat(driver.getCurrentUrl()).endsWith("/public/charters/az-us-2026");
  }

  private void check(
      ChromeDriver driver, String name, String heading, String language, boolean axe) {
    screenshot(driver, name);
    String h1 = driver.findElement(By.tagName("h1")).getText();
    assertThat(h1).isNotBlank();
    if (heading != null) {
      assertThat(h1).isEqualTo(heading);
    }
    assertThat(driver.findElements(By.cssSelector("main#main"))).hasSize(1);
    assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).startsWith(language);
    assertThat(driver.findElement(By.cssSelector(".portal-banner")).getText()).isNotBlank();
    if (axe) {
      assertNoSeriousViolations(driver, driver.getCurrentUrl());
    }
  }

  private static void assertNoSeriousViolations(ChromeDriver driver, String path) {
    Results results = new AxeBuilder().analyze(driver);
    if (results.isErrored()) {
      fail("axe-core failed on " + path + ": " + results.getErrorMessage());
    }
    assertThat(results.getPasses()).as("axe-core ran its rules on " + path).isNotEmpty();
    List<Rule> violations = results.getViolations();
    if (!violations.isEmpty()) {
      System.out.println("axe-core on " + path + ":\n" + describe(violations));
    }
    List<Rule> blocking =
        violations.stream().filter(v -> BLOCKING_IMPACTS.contains(v.getImpact())).toList();
    if (!blocking.isEmpty()) {
      fail("serious or critical accessibility violations on " + path + ":\n" + describe(blocking));
    }
  }

  private static String describe(List<Rule> violations) {
    return violations.stream()
        .map(
            v ->
                "- "
                    + v.getId()
                    + " ("
                    + v.getImpact()
                    + "): "
                    + v.getHelp()
                    + "\n    "
                    + v.getNodes().stream()
                        .map(CheckedNode::getTarget)
                        .map(String::valueOf)
                        .collect(Collectors.joining("\n    ")))
        .collect(Collectors.joining("\n"));
  }

  private static void screenshot(ChromeDriver driver, String name) {
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

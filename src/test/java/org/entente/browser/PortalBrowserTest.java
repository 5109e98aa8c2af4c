package org.entente.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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

  private static Chromium scripted;
  private static Chromium unscripted;
  private static ChromeDriver withScript;
  private static ChromeDriver withoutScript;

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowsers() throws IOException {
    scripted = Chromium.start(true);
    unscripted = Chromium.start(false);
    withScript = scripted.driver;
    withoutScript = unscripted.driver;
  }

  @AfterAll
  static void stopBrowsers() throws IOException {
    for (Chromium browser : new Chromium[] {scripted, unscripted}) {
      if (browser != null) {
        browser.close();
      }
    }
    scripted = null;
    unscripted = null;
    withScript = null;
    withoutScript = null;
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
      Chromium.assertNoSeriousViolations(driver, driver.getCurrentUrl());
    }
  }

  private static void screenshot(ChromeDriver driver, String name) {
    try {
      Files.write(
          Chromium.SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

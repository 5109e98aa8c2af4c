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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium for the browser tests: headless, with a fresh profile of its own, driven by
 * Debian's chromedriver (nothing is looked for or downloaded at run time); and the axe-core check
 * every page must pass.
 */
final class Chromium implements AutoCloseable {

  static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");

  private static final String BINARY = System.getProperty("browser.binary", "/usr/bin/chromium");
  private static final String DRIVER =
      System.getProperty("browser.driver", "/usr/bin/chromedriver");
  private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

  final ChromeDriver driver;
  private final Path userDataDir;

  private Chromium(ChromeDriver driver, Path userDataDir) {
    this.driver = driver;
    this.userDataDir = userDataDir;
  }

  /** Starts a browser, with the page's scripts running or switched off. */
  static Chromium start(boolean javascript) throws IOException {
    for (String file : List.of(BINARY, DRIVER)) {
      if (!Files.isExecutable(Paths.get(file))) {
        fail(file + " is missing: apt-get install -y chromium chromium-driver");
      }
    }
    // Never let Selenium Manager look for (or download) a driver.
    System.setProperty("webdriver.chrome.driver", DRIVER);
    Files.createDirectories(SCREENSHOTS);
    Path userDataDir = Files.createTempDirectory("entente-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
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
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new Chromium(driver, userDataDir);
  }

  /** Quits the browser and removes its profile. */
  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> files = Files.walk(userDataDir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  /**
   * Runs axe-core on the page the driver shows: fails on a serious or critical violation, prints
   * the others.
   */
  static void assertNoSeriousViolations(ChromeDriver driver, String path) {
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
}

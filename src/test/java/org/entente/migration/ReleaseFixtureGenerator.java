package org.entente.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.entente.audit.AuditVerifier;
import org.entente.audit.Checkpoints;
import org.entente.calendars.CalendarViews.NewFeed;
import org.entente.calendars.CalendarViews.PreferenceChange;
import org.entente.calendars.Calendars;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.concurrence.Agreements;
import org.entente.concurrence.Agreements.Step;
import org.entente.identity.AccessTokens;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.projects.Project;
import org.entente.projects.ProjectChange;
import org.entente.projects.Projects;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Makes the migration fixture of a release (see {@link MigrationFromPreviousReleaseContract}):
 * starts the release's application on a fresh database in memory with the demo profile (its sample
 * accounts of every role, projects and milestones in every group, a held meeting whose joint
 * statement both co-chairs approved, the charter's reference indicators), adds through the services
 * what the demo does not make (agreed project lists and roadmaps, a published project list, one
 * list approved by one party only, a financing line and a place, a reminder setting, access tokens,
 * one revoked, and calendar feeds), signs a checkpoint of the audit chain, and writes the
 * database's content under {@code src/test/resources/migration/release-<release>/} ({@link
 * ReleaseFixture}).
 *
 * <p>Off unless asked for (and not named like a test, so the build never runs it). Run it on the
 * release's commit, before any later migration exists, and commit the new folder:
 *
 * <pre>
 * ./mvnw -B -q test -Djacoco.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=ReleaseFixtureGenerator -Dentente.fixture.release=0.2.0-abc1234
 * </pre>
 *
 * <p>When a later release adds records of a new kind, add them here too, so that its fixture holds
 * them for the releases after it.
 */
@Tag("fixture-generator")
@EnabledIfSystemProperty(named = "entente.fixture.release", matches = ".+")
@SpringBootTest(
    properties = {
      // a fresh database in memory, not the demo profile's file
      "spring.datasource.url=jdbc:h2:mem:fixture-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "entente.audit.signing-key-file=target/test-keys/fixture-${random.uuid}.key",
      "entente.definitions.folder="
    })
@ActiveProfiles({"test", "demo"})
class ReleaseFixtureGenerator {

  private static final String CHARTER = "az-us-2026";

  @Autowired DataSource dataSource;
  @Autowired Viewers viewers;
  @Autowired Charters charters;
  @Autowired Projects projects;
  @Autowired Roadmaps roadmaps;
  @Autowired Agreements agreements;
  @Autowired AccessTokens tokens;
  @Autowired Calendars calendars;
  @Autowired Checkpoints checkpoints;
  @Autowired AuditVerifier verifier;

  @Test
  void writeTheFixtureOfThisRelease() throws Exception {
    String release = System.getProperty("entente.fixture.release");
    String commit = release.substring(release.lastIndexOf('-') + 1);
    try {
      addWhatTheDemoDoesNotMake();
    } finally {
      SecurityContextHolder.clearContext();
    }
    assertThat(verifier.verify().intact()).isTrue();
    Path folder = Path.of("src/test/resources", ReleaseFixture.ROOT, "release-" + release);
    ReleaseFixture.write(
        dataSource,
        folder,
        release,
        commit,
        "ReleaseFixtureGenerator (demo profile plus agreements, tokens and feeds), on H2");
    Files.writeString(
        folder.resolve("checkpoint.json"),
        ReleaseFixture.JSON
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(checkpoints.export())
            + "\n");
  }

  private void addWhatTheDemoDoesNotMake() {
    List<WorkingGroupView> open =
        new ArrayList<>(
            charters.workingGroups(CharterKey.of(CHARTER), null, Viewer.ANONYMOUS).stream()
                .filter(g -> !g.restricted())
                .toList());
    assertThat(open).hasSizeGreaterThanOrEqualTo(2);
    // the first open group: project list and roadmap agreed by both, the project list published
    String first = open.get(0).key();
    // a financing line (a decimal), a place (two doubles), a reminder setting
    var project = projects.list(CharterKey.of(CHARTER), first, as("demo.az.secretariat")).get(0);
    projects.update(
        project.id(),
        new ProjectChange(
            project.version(),
            null,
            null,
            null,
            null,
            null,
            List.of(
                new Project.Financing(
                    new BigDecimal("1250000.50"),
                    new Project.CurrencyCode("USD"),
                    "[Demo] Partner fund",
                    Project.FinancingStatus.COMMITTED)),
            new Project.Location("[Demo] Baku", 40.4093, 49.8671),
            null,
            null,
            null,
            null,
            null,
            null),
        as("demo.az.secretariat"));
    calendars.changePreferences(
        new PreferenceChange(14, false, true, null, null), as("demo.us.secretariat"));
    String list = Projects.PROJECT_LIST;
    int v =
        agreements
            .submit(list, CharterKey.of(CHARTER), first, as("demo.az.cochair"))
            .currentVersion();
    agreements.approve(list, CharterKey.of(CHARTER), first, v, as("demo.az.cochair"));
    agreements.approve(list, CharterKey.of(CHARTER), first, v, as("demo.us.cochair"));
    agreements.step(
        list, CharterKey.of(CHARTER), first, Step.PUBLISH, v, null, as("demo.az.cochair"));
    agreements.step(
        list,
        CharterKey.of(CHARTER),
        first,
        Step.APPROVE_PUBLICATION,
        v,
        null,
        as("demo.us.cochair"));
    String roadmap = Roadmaps.ROADMAP;
    int r =
        agreements
            .submit(roadmap, CharterKey.of(CHARTER), first, as("demo.us.cochair"))
            .currentVersion();
    agreements.approve(roadmap, CharterKey.of(CHARTER), first, r, as("demo.us.cochair"));
    agreements.approve(roadmap, CharterKey.of(CHARTER), first, r, as("demo.az.cochair"));
    // the second: the project list approved by one party only; the roadmap submitted
    String second = open.get(1).key();
    int w =
        agreements
            .submit(list, CharterKey.of(CHARTER), second, as("demo.us.cochair"))
            .currentVersion();
    agreements.approve(list, CharterKey.of(CHARTER), second, w, as("demo.us.cochair"));
    agreements.submit(roadmap, CharterKey.of(CHARTER), second, as("demo.az.cochair"));
    // tokens, one revoked
    tokens.create("demo.az.secretariat", "Fixture read token", AccessTokens.Scope.READ, 90);
    var revoked =
        tokens.create("demo.us.coordinator", "Fixture write token", AccessTokens.Scope.WRITE, 30);
    tokens.revoke("demo.us.coordinator", revoked.token().id());
    // calendar feeds: a person's and a group's
    calendars.createFeed(
        new NewFeed("person", null, null), "http://localhost", as("demo.az.secretariat"));
    calendars.createFeed(
        new NewFeed("group", CHARTER, first), "http://localhost", as("demo.us.cochair"));
  }

  /** Acts as a sample account, as the demo loader does: the audit trail names it. */
  private Viewer as(String username) {
    Viewer viewer = viewers.of(username).orElseThrow();
    List<SimpleGrantedAuthority> authorities = new ArrayList<>();
    viewer.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
    if (viewer.party() != null) {
      authorities.add(
          new SimpleGrantedAuthority(org.entente.audit.Audit.PARTY_AUTHORITY + viewer.party()));
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new UsernamePasswordAuthenticationToken(username, null, authorities));
    SecurityContextHolder.setContext(context);
    return viewer;
  }
}

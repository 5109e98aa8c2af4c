package org.entente.projects;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterViews.WorkingGroupDetail;
import org.entente.charter.Charters;
import org.entente.concurrence.AgreementReached;
import org.entente.concurrence.AgreementSubject;
import org.entente.concurrence.Concurrence.Published;
import org.entente.concurrence.Concurrence.Subject;
import org.entente.identity.Viewer;
import org.entente.projects.ProjectViews.CommitmentRef;
import org.entente.projects.ProjectViews.ProjectList;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A working group's project list as a subject of the two-party agreement: a version is the group's
 * bilateral and public projects, and the publication of an agreed version makes its projects
 * public.
 */
@Component
class ProjectListSubject implements AgreementSubject {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Projects projects;
  private final Charters charters;
  private final JdbcClient jdbc;
  private final Audit audit;
  private final Clock clock;

  ProjectListSubject(
      Projects projects, Charters charters, JdbcClient jdbc, Audit audit, Clock clock) {
    this.projects = projects;
    this.charters = charters;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public String type() {
    return Projects.PROJECT_LIST;
  }

  @Override
  public String noun() {
    return "project list";
  }

  /** The charter's working group the key names; the subject's key is both keys. */
  @Override
  public Subject resolve(CharterKey charterKey, String key, Viewer viewer) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, key, viewer);
    return new Subject(
        type(), Projects.subjectKey(charterKey, key), group.charter().id(), group.group().id());
  }

  /**
   * The group's bilateral and public projects as they are now; the version is the list's own
   * content, the same whoever submits it.
   */
  @Override
  public Submission submission(Subject subject, Viewer viewer) {
    String[] keys = keys(subject.key());
    List<ProjectView> shared =
        projects.shared(charters.workingGroup(CharterKey.of(keys[0]), keys[1], viewer));
    if (shared.isEmpty()) {
      throw new BadRequestException("projects", "a project list needs at least one project");
    }
    List<String> parties =
        charters.overview(CharterKey.of(keys[0]), viewer).parties().stream()
            .map(p -> p.key())
            .toList();
    return new Submission(parties, canonical(shared));
  }

  @Override
  public ProjectList view(Subject subject, Viewer viewer) {
    String[] keys = keys(subject.key());
    return projects.projectList(CharterKey.of(keys[0]), keys[1], viewer);
  }

  /** Never for a restricted group: its records are never published. */
  @Override
  public void mayPublish(Subject subject, Viewer viewer) {
    String[] keys = keys(subject.key());
    charters.publishableGroup(CharterKey.of(keys[0]), keys[1], viewer);
  }

  /**
   * Both parties agreed to publish a version of a project list: its projects become public, through
   * the one visibility policy (classification {@code PUBLIC}). Refused, rolling the approval back,
   * when the list changed since that version, so the public sees exactly what was agreed; never for
   * a restricted group, never a party-internal project.
   */
  @Override
  public void publicationAgreed(AgreementReached reached, Published published) {
    String[] keys = keys(reached.subjectKey());
    WorkingGroupDetail group =
        charters.publishableGroup(
            CharterKey.of(keys[0]), keys[1], AgreementSubject.bothPartiesIn(reached.groupId()));
    published.requireUnchanged(noun(), canonical(projects.shared(group)));
    List<String> codes = published.keys();
    int count =
        codes.isEmpty()
            ? 0
            : jdbc.sql(
                    "update project set classification = 'PUBLIC', version = version + 1,"
                        + " updated_at = :now where group_id = :group and code in (:codes) and"
                        + " classification = 'BILATERAL' and retired = false")
                .param("now", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .param("group", reached.groupId())
                .param("codes", codes)
                .update();
    audit.record(
        "project-list.published",
        "agreement",
        reached.subjectKey(),
        Outcome.SUCCESS,
        Map.of("version", published.version(), "projects", count));
  }

  /**
   * A party withdrew the publication of a version: the projects it made public are shared between
   * the parties again, and gone from every public list.
   */
  @Override
  public void publicationWithdrawn(Subject subject, Published withdrawn) {
    List<String> codes = withdrawn.keys();
    int count =
        codes.isEmpty()
            ? 0
            : jdbc.sql(
                    "update project set classification = 'BILATERAL', version = version + 1,"
                        + " updated_at = :now where group_id = :group and code in (:codes) and"
                        + " classification = 'PUBLIC'")
                .param("now", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .param("group", subject.groupId())
                .param("codes", codes)
                .update();
    audit.record(
        "project-list.withdrawn",
        "agreement",
        subject.key(),
        Outcome.SUCCESS,
        Map.of("version", withdrawn.version(), "projects", count));
  }

  private static String[] keys(String subjectKey) {
    return subjectKey.split("/", 2);
  }

  /**
   * The canonical content of a project list: its projects by key, each with what both parties agree
   * on, as JSON with a fixed field order. Two lists with the same projects give the same bytes, so
   * the same fingerprint.
   */
  static String canonical(List<ProjectView> projects) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (ProjectView p :
        projects.stream().sorted(java.util.Comparator.comparing(ProjectView::key)).toList()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("key", p.key());
      item.put("title", new java.util.TreeMap<>(p.title().values()));
      item.put("description", new java.util.TreeMap<>(p.description().values()));
      item.put("commitments", p.commitments().stream().map(CommitmentRef::key).sorted().toList());
      item.put("leads", new java.util.TreeMap<>(p.leads()));
      item.put("partners", p.partners());
      item.put("stage", p.stage());
      item.put("financing", p.financing().stream().map(ProjectListSubject::line).toList());
      item.put("location", p.location());
      items.add(item);
    }
    return JSON.writeValueAsString(items);
  }

  /**
   * A financing line as a list is made of: amount, currency, source and status, then its date only
   * when it has one, so that a line without a date is what it was before lines had dates, and a
   * list agreed then keeps its fingerprint.
   */
  private static List<String> line(Project.Financing f) {
    List<String> line = new ArrayList<>();
    line.add(f.amount().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString());
    line.add(f.currency().code());
    line.add(String.valueOf(f.source()));
    line.add(f.status().name());
    if (f.date() != null) {
      line.add(f.date().toString());
    }
    return line;
  }
}

package org.entente.roadmaps;

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
import org.entente.roadmaps.RoadmapViews.Roadmap;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A working group's roadmap as a subject of the two-party agreement: a version is its bilateral and
 * public milestones' plan, the last agreed version is the baseline the forecast is measured
 * against, and the publication of an agreed version makes its milestones public.
 */
@Component
class RoadmapSubject implements AgreementSubject {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Roadmaps roadmaps;
  private final Charters charters;
  private final JdbcClient jdbc;
  private final Audit audit;
  private final Clock clock;

  RoadmapSubject(Roadmaps roadmaps, Charters charters, JdbcClient jdbc, Audit audit, Clock clock) {
    this.roadmaps = roadmaps;
    this.charters = charters;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public String type() {
    return Roadmaps.ROADMAP;
  }

  @Override
  public String noun() {
    return "roadmap";
  }

  /** The charter's working group the key names; the subject's key is both keys. */
  @Override
  public Subject resolve(CharterKey charterKey, String key, Viewer viewer) {
    WorkingGroupDetail group = charters.workingGroup(charterKey, key, viewer);
    return new Subject(
        type(), Roadmaps.subjectKey(charterKey, key), group.charter().id(), group.group().id());
  }

  /** The roadmap's shared milestones as they are now: the same whoever submits them. */
  @Override
  public Submission submission(Subject subject, Viewer viewer) {
    List<Stored> milestones = roadmaps.shared(subject.groupId());
    if (milestones.isEmpty()) {
      throw new BadRequestException("milestones", "a roadmap needs at least one milestone");
    }
    List<String> parties =
        charters.overview(CharterKey.of(keys(subject.key())[0]), viewer).parties().stream()
            .map(p -> p.key())
            .toList();
    return new Submission(parties, canonical(milestones));
  }

  @Override
  public Roadmap view(Subject subject, Viewer viewer) {
    String[] keys = keys(subject.key());
    return roadmaps.roadmap(CharterKey.of(keys[0]), keys[1], viewer);
  }

  /**
   * Never for a restricted group. Milestones that belong to projects not yet public may be
   * proposed: publication takes effect only when both parties agreed it, and that is refused until
   * those projects are public, so the two lists can be proposed and approved together.
   */
  @Override
  public void mayPublish(Subject subject, Viewer viewer) {
    String[] keys = keys(subject.key());
    charters.publishableGroup(CharterKey.of(keys[0]), keys[1], viewer);
  }

  /**
   * Both parties agreed to publish a version of a roadmap: its milestones become public through the
   * one visibility policy. Refused, rolling the approval back, when the roadmap changed since that
   * version, or a milestone belongs to a project not public; never for a restricted group, never a
   * party-internal milestone.
   */
  @Override
  public void publicationAgreed(AgreementReached reached, Published published) {
    String[] keys = keys(reached.subjectKey());
    WorkingGroupDetail group =
        charters.publishableGroup(
            CharterKey.of(keys[0]), keys[1], AgreementSubject.bothPartiesIn(reached.groupId()));
    List<Stored> agreed = roadmaps.shared(reached.groupId());
    published.requireUnchanged(noun(), canonical(agreed));
    roadmaps.requirePublicLinks(agreed);
    List<String> codes = published.keys();
    int count =
        codes.isEmpty()
            ? 0
            : jdbc.sql(
                    "update milestone set classification = 'PUBLIC', version = version + 1,"
                        + " updated_at = :now where group_id = :group and code in (:codes) and"
                        + " classification = 'BILATERAL' and retired = false")
                .param("now", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .param("group", reached.groupId())
                .param("codes", codes)
                .update();
    audit.record(
        "roadmap.published",
        "agreement",
        reached.subjectKey(),
        Outcome.SUCCESS,
        Map.of("version", published.version(), "milestones", count));
  }

  /**
   * A party withdrew the publication of a version: the milestones it made public are shared between
   * the parties again, and gone from every public list.
   */
  @Override
  public void publicationWithdrawn(Subject subject, Published withdrawn) {
    List<String> codes = withdrawn.keys();
    int count =
        codes.isEmpty()
            ? 0
            : jdbc.sql(
                    "update milestone set classification = 'BILATERAL', version = version + 1,"
                        + " updated_at = :now where group_id = :group and code in (:codes) and"
                        + " classification = 'PUBLIC'")
                .param("now", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .param("group", subject.groupId())
                .param("codes", codes)
                .update();
    audit.record(
        "roadmap.withdrawn",
        "agreement",
        subject.key(),
        Outcome.SUCCESS,
        Map.of("version", withdrawn.version(), "milestones", count));
  }

  private static String[] keys(String subjectKey) {
    return subjectKey.split("/", 2);
  }

  /** The canonical content of a roadmap version: its milestones by key, fields in fixed order. */
  static String canonical(List<Stored> milestones) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Stored s :
        milestones.stream()
            .sorted(java.util.Comparator.comparing((Stored x) -> x.milestone().key()))
            .toList()) {
      Milestone m = s.milestone();
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("key", m.key());
      item.put("title", new java.util.TreeMap<>(m.title().values()));
      item.put("owner", m.owner());
      item.put("plannedStart", m.plannedStart().toString());
      item.put("plannedEnd", m.plannedEnd().toString());
      item.put("project", m.project());
      item.put("dependsOn", m.dependsOn().stream().sorted().toList());
      items.add(item);
    }
    return JSON.writeValueAsString(items);
  }
}

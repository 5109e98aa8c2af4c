package org.entente.projects;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.entente.projects.Project.Stage;
import org.entente.projects.ProjectCsvReader.Row;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;

/**
 * Checks the rows of one import against what is stored: the commitments the importer may link, the
 * keys the charter's projects hold, the stage each project may move to; and tells which rows
 * create, update or leave a project as it is.
 */
final class ProjectCsvCheck {

  /**
   * A project stored under a key of the charter; {@code visible} whether the importer may see it
   * (and it is not retired): only those of the importer's group are brought up to date.
   */
  record Existing(UUID id, UUID groupId, Stage stage, boolean visible) {}

  /** A project to insert or update, with its id. */
  record Write(UUID id, Row row) {}

  /**
   * A stored project of the group as an import compares it: its content, the ids of the commitments
   * it serves and its classification.
   */
  record Stored(Project project, List<UUID> commitments, Classification classification) {}

  /** What an import will write. */
  record Plan(List<Write> inserts, List<Write> updates, int unchanged) {}

  private final UUID groupId;
  private final Map<String, UUID> commitments;
  private final Map<String, Existing> existing;
  private final Map<UUID, Stored> stored;
  private final LocalDate today;
  private final Map<String, Long> seen = new HashMap<>();

  /**
   * @param groupId the group imported into
   * @param commitments the ids of the commitments the imported projects may link to, by key
   * @param existing the charter's projects, by key
   * @param stored the group's projects that are not retired, by id
   * @param today today, from the injected clock: what a financing line's date is checked against
   */
  ProjectCsvCheck(
      UUID groupId,
      Map<String, UUID> commitments,
      Map<String, Existing> existing,
      Map<UUID, Stored> stored,
      LocalDate today) {
    this.groupId = groupId;
    this.today = today;
    this.commitments = commitments;
    this.existing = existing;
    this.stored = stored;
  }

  /** Today, from the injected clock: what a financing line's date is checked against. */
  LocalDate today() {
    return today;
  }

  /**
   * The ids of the commitments with these keys, each once.
   *
   * @throws BadRequestException when one is not a commitment the project may link to
   */
  List<UUID> commitments(List<String> keys) {
    List<UUID> ids = new ArrayList<>();
    for (String key : keys) {
      UUID id = commitments.get(key);
      if (id == null) {
        throw new BadRequestException("commitments", "the charter has no commitment '" + key + "'");
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * A row whose key is its own in the file and in the charter, and whose stage its stored project
   * may move to.
   *
   * @throws BadRequestException naming the field
   */
  Row row(Row row) {
    String key = row.project().key();
    Long earlier = seen.putIfAbsent(key, row.line());
    if (earlier != null) {
      throw new BadRequestException("key", "the key '" + key + "' is also on line " + earlier);
    }
    Existing known = existing.get(key);
    // Keys are unique in the charter: a key held by a record the importer may not see (or a
    // retired one) is only "already used", so that the import neither changes nor describes it.
    if (known != null && !known.visible()) {
      throw new BadRequestException("key", "the key '" + key + "' is already used in this charter");
    }
    if (known != null && !known.groupId().equals(groupId)) {
      throw new BadRequestException(
          "key", "the key '" + key + "' belongs to a project of another group");
    }
    Stage stage = row.project().stage();
    if (known != null && known.stage() != stage && !known.stage().next().contains(stage)) {
      throw new BadRequestException(
          "stage",
          "project '" + key + "' cannot move from " + known.stage().code() + " to " + stage.code());
    }
    Stored before = known == null ? null : stored.get(known.id());
    requireClassification(row, before);
    if (row.columns().legacyFinancing()
        && before != null
        && before.project().financing().size() > 1) {
      throw new BadRequestException(
          "amount",
          "project '"
              + key
              + "' has "
              + before.project().financing().size()
              + " financing lines and this file, in the earlier format, only one (amount,"
              + " currency, financing_status, financing_source): export the projects again and"
              + " change that file, whose financing_N_ columns hold every line");
    }
    return row;
  }

  /**
   * An import neither reclassifies a project nor creates one that is not bilateral: a row that
   * names another classification is refused rather than changed silently.
   */
  private static void requireClassification(Row row, Stored before) {
    Classification named = row.classification();
    if (named == null) {
      return;
    }
    Classification now = before == null ? Classification.BILATERAL : before.classification();
    if (named != now) {
      throw new BadRequestException(
          "classification",
          before == null
              ? "an import creates bilateral projects: create a "
                  + named.code()
                  + " one on its page, or leave the classification empty"
              : "project '"
                  + row.project().key()
                  + "' is "
                  + now.code()
                  + ": an import does not change a classification, which is changed on the"
                  + " project's page");
    }
  }

  /**
   * What the rows write: a new key is inserted, a known one updated when it differs from what is
   * stored (a field the file does not say kept as stored).
   */
  Plan plan(List<Row> rows) {
    List<Write> inserts = new ArrayList<>();
    List<Write> updates = new ArrayList<>();
    int unchanged = 0;
    for (Row row : rows) {
      Existing known = existing.get(row.project().key());
      if (known == null) {
        inserts.add(new Write(UUID.randomUUID(), row));
        continue;
      }
      Stored before = stored.get(known.id());
      Row merged = row.keeping(before.project());
      if (!fingerprint(merged.project(), merged.commitments())
          .equals(fingerprint(before.project(), before.commitments()))) {
        updates.add(new Write(known.id(), merged));
      } else {
        unchanged++;
      }
    }
    return new Plan(inserts, updates, unchanged);
  }

  /**
   * What an import compares: the columns a file sets, in a fixed order, each text as a file reads
   * it back (stripped, an empty one as none), so that a stored text with surrounding spaces is not
   * "changed" by the export that carried it.
   */
  static String fingerprint(Project p, List<UUID> commitments) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("title", texts(p.title().values()));
    f.put("description", texts(p.description().values()));
    f.put("commitments", commitments.stream().map(UUID::toString).sorted().toList());
    f.put("stage", p.stage().name());
    f.put("stageReason", text(p.stageReason()));
    f.put("leads", texts(p.leads()));
    f.put(
        "partners",
        p.partners().stream()
            .map(x -> List.of(text(x.name()), text(x.kind()), x.role().name()))
            .toList());
    f.put(
        "financing",
        p.financing().stream()
            .map(
                x ->
                    List.of(
                        x.amount().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                        x.currency().code(),
                        text(x.source()),
                        x.status().name(),
                        Objects.toString(x.date(), "")))
            .toList());
    Project.Location at = p.location();
    List<String> location =
        at == null
            ? List.of("", "", "")
            : List.of(
                text(at.place()),
                Objects.toString(at.latitude(), ""),
                Objects.toString(at.longitude(), ""));
    f.put("location", location);
    return ProjectStore.JSON.writeValueAsString(f);
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }

  private static Map<String, String> texts(Map<String, String> values) {
    Map<String, String> texts = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          if (!text(value).isEmpty()) {
            texts.put(key, text(value));
          }
        });
    return texts;
  }
}

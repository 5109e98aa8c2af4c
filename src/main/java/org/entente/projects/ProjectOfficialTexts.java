package org.entente.projects;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.concurrence.AgreementSubject;
import org.entente.concurrence.Concurrence;
import org.entente.identity.Viewer;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.shared.CharterKey;
import org.entente.translations.Official;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which of a project's texts are official (decision 0040): its title or description in a language
 * is official when the last version of its group's project list both parties agreed (decision 0026)
 * holds exactly that text for that project ({@link ProjectListSubject#canonical} keeps both texts
 * in every language); otherwise it is a working text. The agreed version is read as both parties
 * see it, never as one viewer does, and only the texts of a project its reader may see are compared
 * with it, so nothing of another project is told.
 */
@Component
class ProjectOfficialTexts {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Concurrence concurrence;

  ProjectOfficialTexts(Concurrence concurrence) {
    this.concurrence = concurrence;
  }

  /** The content of a version of an agreement, as {@link Concurrence#content} gives it. */
  String content(String type, String subjectKey, int version, Viewer viewer) {
    return concurrence.content(type, subjectKey, version, viewer);
  }

  /** A project's texts in the last agreed version: title and description by language. */
  private record Agreed(Map<String, String> title, Map<String, String> description) {}

  /**
   * Whether each of a project's texts is official, per language it has a text in: {@code title} and
   * {@code description} (when it has one).
   */
  Map<String, Map<String, String>> of(ProjectView project, UUID groupId) {
    return of(project, agreed(CharterKey.of(project.charter()), project.workingGroup(), groupId));
  }

  /**
   * Each project of one group, with whether its texts are official: the group's agreed list read
   * once.
   */
  List<ProjectView> withOfficial(List<ProjectView> projects, UUID groupId) {
    if (projects.isEmpty()) {
      return projects;
    }
    ProjectView first = projects.get(0);
    Map<String, Agreed> agreed =
        agreed(CharterKey.of(first.charter()), first.workingGroup(), groupId);
    return projects.stream().map(p -> p.withOfficial(of(p, agreed))).toList();
  }

  private static Map<String, Map<String, String>> of(
      ProjectView project, Map<String, Agreed> agreedTexts) {
    Agreed agreed = agreedTexts.getOrDefault(project.key(), new Agreed(Map.of(), Map.of()));
    Map<String, Map<String, String>> official = new LinkedHashMap<>();
    official.put("title", Official.of(project.title(), agreed.title()));
    if (!project.description().isEmpty()) {
      official.put("description", Official.of(project.description(), agreed.description()));
    }
    return official;
  }

  private Map<String, Agreed> agreed(CharterKey charterKey, String groupKey, UUID groupId) {
    String subjectKey = Projects.subjectKey(charterKey, groupKey);
    return concurrence
        .find(Projects.PROJECT_LIST, subjectKey, AgreementSubject.bothPartiesIn(groupId))
        .filter(a -> !a.agreedVersions().isEmpty())
        .map(
            a ->
                texts(
                    content(
                        Projects.PROJECT_LIST,
                        subjectKey,
                        a.agreedVersions().get(a.agreedVersions().size() - 1).version(),
                        AgreementSubject.bothPartiesIn(groupId))))
        .orElse(Map.of());
  }

  private static Map<String, Agreed> texts(String content) {
    Map<String, Agreed> texts = new HashMap<>();
    for (JsonNode item : JSON.readTree(content)) {
      texts.put(
          item.get("key").asString(),
          new Agreed(byLanguage(item.get("title")), byLanguage(item.get("description"))));
    }
    return texts;
  }

  private static Map<String, String> byLanguage(JsonNode text) {
    Map<String, String> byLanguage = new LinkedHashMap<>();
    if (text != null && text.isObject()) {
      for (Map.Entry<String, JsonNode> t : text.properties()) {
        if (t.getValue().isString()) {
          byLanguage.put(t.getKey(), t.getValue().asString());
        }
      }
    }
    return byLanguage;
  }
}

package org.entente.roadmaps;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.CharterViews.WorkingGroupInCharter;
import org.entente.concurrence.AgreementSubject;
import org.entente.concurrence.Concurrence;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.entente.translations.Official;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which milestone titles are official (decision 0040): a title in a language is official when the
 * last version of its group's roadmap both parties agreed (decision 0026) holds exactly that title
 * for that milestone; otherwise it is a working text. The agreed version is read as both parties
 * see it, never as one viewer does, and only the texts of a milestone its reader may see are
 * compared with it, so nothing of another milestone is told.
 */
@Component
class MilestoneOfficialTexts {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Concurrence concurrence;

  MilestoneOfficialTexts(Concurrence concurrence) {
    this.concurrence = concurrence;
  }

  /** The content of a version of an agreement, as {@link Concurrence#content} gives it. */
  String content(String type, String subjectKey, int version, Viewer viewer) {
    return concurrence.content(type, subjectKey, version, viewer);
  }

  /**
   * The titles by language of each milestone (by key) in the last version of the group's roadmap
   * both parties agreed; empty when none was agreed.
   */
  Map<String, Map<String, String>> agreedTitles(
      CharterKey charterKey, String groupKey, UUID group) {
    String subjectKey = Roadmaps.subjectKey(charterKey, groupKey);
    return concurrence
        .find(Roadmaps.ROADMAP, subjectKey, AgreementSubject.bothPartiesIn(group))
        .filter(a -> !a.agreedVersions().isEmpty())
        .map(a -> titles(content(a, subjectKey, group)))
        .orElse(Map.of());
  }

  /** Whether a milestone's title is official, per language it has a title in. */
  Map<String, String> of(WorkingGroupInCharter group, Stored milestone) {
    Map<String, String> agreed =
        agreedTitles(CharterKey.of(group.charter().key()), group.group().key(), group.group().id())
            .getOrDefault(milestone.milestone().key(), Map.of());
    return Official.of(milestone.milestone().title(), agreed);
  }

  private String content(AgreementView agreement, String subjectKey, UUID group) {
    int last = agreement.agreedVersions().get(agreement.agreedVersions().size() - 1).version();
    return content(Roadmaps.ROADMAP, subjectKey, last, AgreementSubject.bothPartiesIn(group));
  }

  /** Each item's title by language, by key: what {@link RoadmapSubject#canonical} wrote. */
  static Map<String, Map<String, String>> titles(String content) {
    Map<String, Map<String, String>> titles = new HashMap<>();
    for (JsonNode item : JSON.readTree(content)) {
      JsonNode title = item.get("title");
      Map<String, String> byLanguage = new LinkedHashMap<>();
      if (title != null && title.isObject()) {
        for (Map.Entry<String, JsonNode> t : title.properties()) {
          if (t.getValue().isString()) {
            byLanguage.put(t.getKey(), t.getValue().asString());
          }
        }
      }
      titles.put(item.get("key").asString(), byLanguage);
    }
    return titles;
  }
}

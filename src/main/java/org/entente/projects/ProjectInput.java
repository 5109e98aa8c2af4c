package org.entente.projects;

import java.util.List;
import java.util.Map;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.Location;
import org.entente.projects.Project.Partner;
import org.entente.shared.BadRequestException;
import org.entente.shared.LocalizedText;

/**
 * A new project.
 *
 * @param key a stable external key, unique in the charter (for import)
 * @param title by language: {@code en}, {@code az} or both, either first
 * @param commitments keys of the commitments it serves
 * @param leads the lead organization of each party, by party key
 * @param classification {@code bilateral} (default) or {@code party-internal}
 */
public record ProjectInput(
    String key,
    Map<String, String> title,
    Map<String, String> description,
    List<String> commitments,
    Map<String, String> leads,
    List<Partner> partners,
    List<Financing> financing,
    Location location,
    String classification) {

  /**
   * The project this input makes, identified (a new project's first stage).
   *
   * @throws BadRequestException naming the field that is wrong
   */
  Project project() {
    return new Project(
        key,
        LocalizedText.stripped(title),
        LocalizedText.stripped(description),
        commitments,
        leads,
        partners,
        Project.Stage.IDENTIFIED,
        null,
        financing,
        location);
  }
}

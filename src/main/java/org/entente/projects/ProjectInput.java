package org.entente.projects;

import java.util.List;
import java.util.Map;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.Location;
import org.entente.projects.Project.Partner;

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
    String classification) {}

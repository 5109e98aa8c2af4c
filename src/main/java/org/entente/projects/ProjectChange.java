package org.entente.projects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.Location;
import org.entente.projects.Project.Partner;

/**
 * A change to a project; null fields stay as they are. {@code key}, {@code workingGroup}, {@code
 * party}, {@code originParty} and {@code stage} are accepted only to be refused by name: the key
 * and group are fixed, the party is the one that made it, and the stage moves through its own
 * transitions.
 *
 * @param version the version the change was made against (required)
 */
public record ProjectChange(
    Long version,
    Map<String, String> title,
    Map<String, String> description,
    List<String> commitments,
    Map<String, String> leads,
    List<Partner> partners,
    List<Financing> financing,
    Location location,
    String classification,
    String key,
    String workingGroup,
    String party,
    String originParty,
    String stage) {

  Map<String, Object> fixedFields() {
    Map<String, Object> fixed = new LinkedHashMap<>();
    fixed.put("key", key);
    fixed.put("workingGroup", workingGroup);
    fixed.put("party", party);
    fixed.put("originParty", originParty);
    fixed.put("stage", stage);
    return fixed;
  }
}

package org.entente.roadmaps;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.entente.identity.Viewer;
import org.entente.shared.Classification;

/** A milestone as stored, with its links to whatever they point at, visible or not. */
record RawMilestone(
    UUID id,
    UUID groupId,
    Milestone milestone,
    Classification classification,
    String originParty,
    long version,
    Link project,
    List<Link> dependsOn) {

  /** A link from a milestone: the key of the record it points at, and who may see that record. */
  record Link(String key, Viewer.Audience audience) {}

  Viewer.Audience audience() {
    return new Viewer.Audience(classification, originParty, groupId);
  }

  /** The milestone with only the links that pass a test. */
  Stored keeping(Predicate<Viewer.Audience> shown) {
    Milestone linked =
        milestone.linkedTo(
            project != null && shown.test(project.audience()) ? project.key() : null,
            dependsOn.stream()
                .filter(d -> shown.test(d.audience()))
                .map(Link::key)
                .sorted()
                .toList());
    return new Stored(id, groupId, linked, classification, originParty, version);
  }
}

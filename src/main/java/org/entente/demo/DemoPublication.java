package org.entente.demo;

import java.util.List;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.concurrence.Agreements;
import org.entente.concurrence.Agreements.Step;
import org.entente.identity.Viewer;
import org.entente.projects.Projects;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;

/**
 * One working group's project list and roadmap, agreed and published through the one agreement
 * workflow ({@link Agreements}) as the two sample co-chairs: the Azerbaijani co-chair submits the
 * list as it is, both co-chairs approve that version, the Azerbaijani co-chair proposes to publish
 * it and both approve its publication; so the fingerprints, the audit events and the public pages
 * are the real ones.
 */
final class DemoPublication {

  /** The subjects the demo agrees and publishes, in this order. */
  static final List<String> SUBJECTS = List.of(Projects.PROJECT_LIST, Roadmaps.ROADMAP);

  private final Agreements agreements;
  private final DemoAccounts samples;
  private final CharterKey charter;

  DemoPublication(Agreements agreements, DemoAccounts samples, String charter) {
    this.agreements = agreements;
    this.samples = samples;
    this.charter = CharterKey.of(charter);
  }

  /** Agrees and publishes the group's project list and roadmap that are not yet published. */
  int publish(WorkingGroupView group) {
    int published = 0;
    for (String type : SUBJECTS) {
      published += publish(type, group.key());
    }
    return published;
  }

  private int publish(String type, String group) {
    Viewer az = samples.as("demo.az.cochair");
    if (agreements.publication(type, charter, group, az).publishedVersion() != null) {
      return 0;
    }
    int version = agreements.submit(type, charter, group, az).currentVersion();
    agreements.approve(type, charter, group, version, az);
    agreements.approve(type, charter, group, version, samples.as("demo.us.cochair"));
    for (String chair : List.of("demo.az.cochair", "demo.us.cochair")) {
      Viewer viewer = samples.as(chair);
      if (chair.startsWith("demo.az")) {
        agreements.step(type, charter, group, Step.PUBLISH, version, null, viewer);
      }
      agreements.step(type, charter, group, Step.APPROVE_PUBLICATION, version, null, viewer);
    }
    return 1;
  }
}

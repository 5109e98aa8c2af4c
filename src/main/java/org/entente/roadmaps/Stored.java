package org.entente.roadmaps;

import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.shared.Classification;

/** A milestone as stored, with its links as far as they are shown, and what the analysis needs. */
record Stored(
    UUID id,
    UUID groupId,
    Milestone milestone,
    Classification classification,
    String originParty,
    long version) {

  Viewer.Audience audience() {
    return new Viewer.Audience(classification, originParty, groupId);
  }
}

package org.entente.roadmaps;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.audit.RecordChanges;
import org.entente.identity.Viewer;
import org.springframework.stereotype.Component;

/**
 * Who may see each milestone, by id, kept until a record changes (decision 0020): what records that
 * link to milestones (action items) check each link against on every read of them. Only the ids not
 * kept under the last record change are read, in one statement; an id with no milestone is kept as
 * such too.
 */
@Component
class MilestoneAudiences {

  /** How many milestones' audiences are kept at most. */
  private static final int MAX_KEPT = 8192;

  private final MilestoneStore store;
  private final RecordChanges changes;
  private final RecordChanges.Kept<UUID, Optional<Viewer.Audience>> kept;

  MilestoneAudiences(MilestoneStore store, RecordChanges changes) {
    this.store = store;
    this.changes = changes;
    this.kept = changes.kept(MAX_KEPT);
  }

  /** Who may see each of these milestones (retired ones too), by id, whoever asks. */
  Map<UUID, Viewer.Audience> of(Collection<UUID> ids) {
    if (ids.isEmpty() || !changes.keepable()) {
      return store.audiences(ids);
    }
    long change = changes.last();
    Map<UUID, Viewer.Audience> audiences = new HashMap<>();
    List<UUID> unknown = new java.util.ArrayList<>();
    for (UUID id : new LinkedHashSet<>(ids)) {
      Optional<Viewer.Audience> known = kept.kept(id, change);
      if (known == null) {
        unknown.add(id);
      } else {
        known.ifPresent(audience -> audiences.put(id, audience));
      }
    }
    if (!unknown.isEmpty()) {
      Map<UUID, Viewer.Audience> read = store.audiences(unknown);
      for (UUID id : unknown) {
        kept.keep(id, change, Optional.ofNullable(read.get(id)))
            .ifPresent(audience -> audiences.put(id, audience));
      }
    }
    return audiences;
  }
}

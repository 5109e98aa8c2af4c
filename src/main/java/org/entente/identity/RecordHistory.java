package org.entente.identity;

import java.util.Arrays;
import java.util.List;
import org.entente.audit.Audit;
import org.entente.audit.Audit.HistoryLine;
import org.springframework.stereotype.Component;

/**
 * The history panel of a record page, as whoever makes the request may see it: every page that
 * shows one record includes {@code fragments/history :: panel(${@recordHistory.of(type, id)})}.
 * Which changes a reader sees is {@link Audit#history}'s rule; the operator token sees what the
 * public sees.
 */
@Component("recordHistory")
public class RecordHistory {

  private final Audit audit;
  private final Viewers viewers;

  RecordHistory(Audit audit, Viewers viewers) {
    this.audit = audit;
    this.viewers = viewers;
  }

  /**
   * The last changes to the records a page stands for (usually one), newest first; null for someone
   * not signed in: the public reaches a record through the portal, which shows what both parties
   * published and not how it came to be (the charter's own pages, made from its published
   * definition, show the public what changed and when: {@link #seenBy}).
   *
   * @param recordType the type the audit trail names them by, e.g. {@code project}
   * @param recordIds their ids (nulls are left out)
   */
  public List<HistoryLine> of(String recordType, Object... recordIds) {
    Viewer viewer = viewers.current();
    if (!viewer.signedIn() || viewer.operator()) {
      return null;
    }
    return seenBy(viewer, recordType, recordIds);
  }

  /** The same, for a viewer given. */
  public List<HistoryLine> seenBy(Viewer viewer, String recordType, Object... recordIds) {
    boolean person = viewer.signedIn() && !viewer.operator();
    return audit.history(
        recordType, Arrays.asList(recordIds), person, person ? viewer.party() : null);
  }
}

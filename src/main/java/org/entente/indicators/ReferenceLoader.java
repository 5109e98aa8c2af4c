package org.entente.indicators;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterIndex;
import org.entente.charter.Charters;
import org.entente.indicators.IndicatorReference.Entry;
import org.entente.indicators.IndicatorReference.Reference;
import org.entente.indicators.Indicators.ReferenceReport;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.entente.shared.ClusterLock;
import org.entente.shared.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * Stores a charter's reference indicators read by {@link IndicatorReference}: an indicator when its
 * key is new, a value when no current value fills its slot, a correction when the figure differs.
 */
@Component
class ReferenceLoader {

  private final IndicatorStore store;
  private final Charters charters;
  private final Audit audit;
  private final ClusterLock lock;
  private final Clock clock;

  ReferenceLoader(
      IndicatorStore store, Charters charters, Audit audit, ClusterLock lock, Clock clock) {
    this.clock = clock;
    this.store = store;
    this.charters = charters;
    this.audit = audit;
    this.lock = lock;
  }

  /** Counts of what one load stored. */
  private static final class Counts {
    int values;
    int created;
    int corrected;
  }

  /** Loads the reference in the caller's transaction (see {@link Indicators#loadReference}). */
  ReferenceReport load(Reference reference) {
    // Every node loads the reference at start-up: one at a time, so that nodes started together
    // do not insert the same indicators twice (the second finds them stored and changes nothing).
    lock.holdUntilCommit("indicator-reference");
    UUID charterId =
        CharterKey.parse(reference.charterKey())
            .flatMap(charters::idOf)
            .orElseThrow(
                () -> new IllegalStateException("no charter '" + reference.charterKey() + "'"));
    CharterIndex index = charters.index(charterId).orElseThrow();
    Counts counts = new Counts();
    for (Entry e : reference.indicators()) {
      for (String c : e.commitments()) {
        if (c == null || index.currentCommitment(c).isEmpty()) {
          throw new IllegalStateException(
              "indicator " + e.key() + " measures no commitment '" + c + "' of the charter");
        }
      }
      Indicator indicator = indicator(charterId, CharterKey.of(reference.charterKey()), e, counts);
      loadValues(indicator, e, counts);
    }
    if (counts.created + counts.corrected > 0) {
      audit.record(
          "indicator.reference-loaded",
          "indicator-reference",
          reference.charterKey(),
          Outcome.SUCCESS,
          Map.of(
              "file",
              reference.file(),
              "indicators",
              reference.indicators().size(),
              "created",
              counts.created,
              "corrected",
              counts.corrected));
    }
    return new ReferenceReport(
        reference.charterKey(),
        reference.indicators().size(),
        counts.values,
        counts.created,
        counts.corrected);
  }

  /** The stored indicator of an entry, created (public, of the framework) when its key is new. */
  private Indicator indicator(UUID charterId, CharterKey charterKey, Entry e, Counts counts) {
    Optional<Indicator> stored = store.byKey(charterId, charterKey, e.key());
    if (stored.isPresent()) {
      return stored.get();
    }
    Indicator created =
        new Indicator(
            UUID.randomUUID(),
            charterId,
            charterKey.value(),
            e.key(),
            e.name(),
            LocalizedText.of("en", e.unit()),
            e.direction(),
            e.area(),
            null,
            null,
            e.dataSource() == null || e.dataSource().isBlank()
                ? null
                : LocalizedText.of("en", e.dataSource()),
            Classification.PUBLIC,
            null,
            null,
            0);
    // the reference files are written in English: their texts' source is English
    store.insert(
        created,
        new LinkedHashSet<>(e.commitments()),
        IndicatorTranslationSources.created(created, "en", clock.instant()).toJson());
    counts.created++;
    return created;
  }

  private void loadValues(Indicator indicator, Entry e, Counts counts) {
    IndicatorValues values = new IndicatorValues(indicator, store.values(indicator.id()));
    List<CheckedValue> seen = new ArrayList<>();
    for (CheckedValue c : e.values()) {
      counts.values++;
      IndicatorValue same = values.sameSlotAs(c).orElse(null);
      if (same != null && same.amount().compareTo(c.amount()) == 0) {
        continue;
      }
      if (seen.stream().anyMatch(s -> s.sameSlot(c))) {
        throw new IllegalStateException(
            "indicator " + e.key() + " has two rows of one kind, year and source");
      }
      seen.add(c);
      store.store(indicator, same == null ? c : c.correcting(same.id()));
      if (same == null) {
        counts.created++;
      } else {
        counts.corrected++;
      }
    }
  }
}

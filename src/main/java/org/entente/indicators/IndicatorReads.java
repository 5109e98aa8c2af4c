package org.entente.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.CharterIndex;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.indicators.Indicator.Assessment;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.IndicatorViews.StatusView;
import org.entente.indicators.IndicatorViews.ValueView;
import org.springframework.stereotype.Component;

/**
 * The read side: indicators as they are shown, each with its values, the commitments it measures
 * and its status, in a fixed number of statements whatever their number. Links to the charter's
 * areas and commitments are checked against what the charter module says of them.
 */
@Component
class IndicatorReads {

  private final IndicatorStore store;
  private final Charters charters;

  IndicatorReads(IndicatorStore store, Charters charters) {
    this.store = store;
    this.charters = charters;
  }

  /**
   * The indicators (all of one charter) as shown, in the order given; those read without their
   * charter's key (by id) get it from the charter module with the rest.
   */
  List<IndicatorView> views(List<Indicator> indicators) {
    if (indicators.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = indicators.stream().map(Indicator::id).toList();
    Map<UUID, List<IndicatorValue>> values = store.values(ids);
    Map<UUID, List<String>> links = store.commitmentKeys(ids);
    boolean anyArea = indicators.stream().anyMatch(i -> i.area() != null);
    boolean keyless = indicators.get(0).charterKey() == null;
    CharterIndex index =
        anyArea || keyless || !links.isEmpty()
            ? charters.index(indicators.get(0).charterId()).orElse(null)
            : null;
    return indicators.stream()
        .map(i -> keyless ? i.inCharter(index == null ? null : index.charterKey()) : i)
        .map(
            i ->
                view(
                    i.shownWith(areaAudience(index, i.area())),
                    values.getOrDefault(i.id(), List.of()),
                    shownLinks(i, links.getOrDefault(i.id(), List.of()), index)))
        .toList();
  }

  /** Who may see an area of the charter, or null when there is none (or no area). */
  private static Viewer.Audience areaAudience(CharterIndex index, String area) {
    if (index == null || area == null) {
      return null;
    }
    return index.area(area).map(CharterIndex.Entry::audience).orElse(null);
  }

  /**
   * A link is shown only to a record at least as widely visible as the indicator: whoever sees the
   * indicator then sees it too, so no viewer learns a hidden key through it (links stored before
   * that rule included).
   */
  private static List<String> shownLinks(
      Indicator indicator, List<String> commitments, CharterIndex index) {
    Viewer.Audience audience = indicator.audience();
    return commitments.stream()
        .filter(
            c -> {
              Viewer.Audience target =
                  index == null ? null : index.currentCommitment(c).orElse(null);
              return target != null && audience.within(target);
            })
        .toList();
  }

  /** The keys of the charter's working groups by id, for indicators that belong to one. */
  Map<UUID, String> groupKeys(List<Indicator> indicators) {
    return indicators.stream().anyMatch(i -> i.groupId() != null)
        ? charters
            .index(indicators.get(0).charterId())
            .map(CharterIndex::workingGroupKeys)
            .orElseGet(HashMap::new)
        : new HashMap<>();
  }

  private static IndicatorView view(
      Indicator i, List<IndicatorValue> values, List<String> commitments) {
    return new IndicatorView(
        i.id(),
        i.charterKey(),
        i.code(),
        i.name(),
        i.unit(),
        i.direction().code(),
        i.area(),
        commitments,
        i.ownerOrganization(),
        i.definition(),
        i.dataSource(),
        i.classification(),
        status(i.assess(values)),
        values.stream().map(v -> value(v, i.unit())).toList(),
        i.version());
  }

  private static ValueView value(IndicatorValue v, org.entente.shared.LocalizedText unit) {
    return new ValueView(
        v.id(),
        v.kind().code(),
        v.year(),
        v.date(),
        tidy(v.amount()),
        unit,
        v.sourceUrl(),
        v.publisher(),
        v.note(),
        v.official(),
        v.used(),
        v.supersededBy(),
        v.createdAt().toInstant());
  }

  private static StatusView status(Assessment a) {
    return new StatusView(
        a.status().code(),
        a.status().label(),
        a.explanation(),
        a.latest() == null ? null : a.latest().year(),
        a.latest() == null ? null : tidy(a.latest().value()),
        a.expected() == null ? null : tidy(a.expected().round(MathContext.DECIMAL64)),
        a.origin() == null ? null : a.origin().year(),
        a.origin() == null ? null : tidy(a.origin().value()),
        a.target() == null ? null : a.target().year(),
        a.target() == null ? null : tidy(a.target().value()),
        a.basis(),
        "no-target".equals(a.basis()) ? a.latestYear() : null);
  }

  /** A number without trailing zeros, never in exponent notation. */
  static BigDecimal tidy(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }
}

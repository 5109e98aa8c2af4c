package org.entente.indicators;

import static org.entente.indicators.IndicatorInputs.optional;

import java.io.Reader;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterIndex;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Viewer;
import org.entente.indicators.Indicator.Direction;
import org.entente.indicators.IndicatorInputs.IndicatorInput;
import org.entente.indicators.IndicatorInputs.ValueInput;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.IndicatorViews.ValueView;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.entente.shared.SearchHit;
import org.entente.shared.TextQuery;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators module's one service: indicators of a charter's commitments and their values, each
 * read through the one visibility condition (the values are seen with their indicator); their
 * status (decision 0012); CSV export and import; and the reference indicators loaded from the
 * charter's companion file. The rules are the aggregate's ({@link Indicator}, {@link
 * IndicatorValues}); the SQL is {@link IndicatorStore}'s; the charter's records are read through
 * {@link Charters}.
 */
@Service
@Transactional(readOnly = true)
public class Indicators {

  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,99}");

  private final IndicatorStore store;
  private final IndicatorReads reads;
  private final IndicatorCsv csv;
  private final ReferenceLoader reference;
  private final Charters charters;
  private final Audit audit;
  private final Clock clock;

  Indicators(
      IndicatorStore store,
      IndicatorReads reads,
      IndicatorCsv csv,
      ReferenceLoader reference,
      Charters charters,
      Audit audit,
      Clock clock) {
    this.clock = clock;
    this.store = store;
    this.reads = reads;
    this.csv = csv;
    this.reference = reference;
    this.charters = charters;
    this.audit = audit;
  }

  // ---------------------------------------------------------------- reads

  /** The charter's indicators the viewer may see, by area and key, each with values and status. */
  public List<IndicatorView> list(CharterKey charterKey, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    return reads.views(store.inCharter(charter.id(), CharterKey.of(charter.key()), viewer));
  }

  /** The indicators the viewer may see that measure a commitment of the charter. */
  public List<IndicatorView> measuring(CharterKey charterKey, String commitmentKey, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    return reads.views(
        store.measuring(charter.id(), CharterKey.of(charter.key()), commitmentKey, viewer));
  }

  /**
   * The charter's indicators the viewer may see whose name, definition or data source match a
   * search, each with its status (e.g. {@code on-track}) and the working group it belongs to.
   *
   * @param charter the charter as the charter module gave it to this viewer (who may see it)
   */
  public List<SearchHit> search(
      CharterSummary charter, TextQuery query, boolean postgres, Viewer viewer) {
    TextQuery.Condition match =
        query.condition(
            "i.name || ' ' || coalesce(i.definition, '') || ' ' || coalesce(i.data_source, '')",
            postgres,
            "q");
    List<Indicator> found =
        store.matching(charter.id(), CharterKey.of(charter.key()), match, viewer);
    Map<UUID, String> groups = reads.groupKeys(found);
    Map<UUID, UUID> groupOf = new LinkedHashMap<>();
    found.stream().filter(i -> i.groupId() != null).forEach(i -> groupOf.put(i.id(), i.groupId()));
    return reads.views(found).stream()
        .map(
            v ->
                new SearchHit(
                    "indicator",
                    v.key(),
                    v.name().in(LocaleContextHolder.getLocale().getLanguage()).text(),
                    v.definition() == null
                        ? null
                        : v.definition().in(LocaleContextHolder.getLocale().getLanguage()).text(),
                    groups.get(groupOf.get(v.id())),
                    v.area() == null ? List.of() : List.of(v.area()),
                    v.status().status(),
                    "/charters/" + charter.key() + "/indicators/" + v.key()))
        .toList();
  }

  /**
   * An indicator with its values and status, as far as the viewer may see it.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public IndicatorView indicator(UUID id, Viewer viewer) {
    return reads.views(List.of(visible(id, viewer))).get(0);
  }

  /**
   * An indicator of the charter by its key, as far as the viewer may see it.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public IndicatorView indicator(CharterKey charterKey, String key, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    Indicator indicator =
        store
            .byKey(charter.id(), CharterKey.of(charter.key()), key, viewer)
            .orElseThrow(() -> new NotFoundException("indicator", key));
    return reads.views(List.of(indicator)).get(0);
  }

  /** The indicator with this id, when the viewer may see it (read without its charter's key). */
  private Indicator visible(UUID id, Viewer viewer) {
    return store
        .visible(id, viewer)
        .orElseThrow(() -> new NotFoundException("indicator", id.toString()));
  }

  private Indicator writable(UUID indicatorId, Viewer viewer) {
    Indicator indicator = visible(indicatorId, viewer);
    if (!indicator.writableBy(viewer)) {
      throw new ForbiddenException(null, "you may not add values to this indicator");
    }
    return indicator;
  }

  /**
   * Where the translations of an indicator's texts stand, as stored (an indicator made before V37
   * is written in its charter's text language).
   */
  IndicatorTranslationSources translationSources(UUID indicatorId, String textLanguage) {
    return IndicatorTranslationSources.fromJson(
        store.translationSources(indicatorId), textLanguage);
  }

  /** Whether the viewer may add values to this indicator (false when they may not see it). */
  boolean mayWrite(UUID indicatorId, Viewer viewer) {
    return store.visible(indicatorId, viewer).map(i -> i.writableBy(viewer)).orElse(false);
  }

  private LanguagesOfCharter languagesOf(CharterKey charterKey) {
    return charters
        .languages(charterKey)
        .orElseThrow(() -> new NotFoundException("charter", charterKey.value()));
  }

  private LanguagesOfCharter languagesOf(UUID charterId) {
    return charters
        .languages(charterId)
        .orElseThrow(() -> new NotFoundException("charter", charterId.toString()));
  }

  // ---------------------------------------------------------------- writes

  /**
   * Creates an indicator of the charter, for officials (of the framework) or members of the working
   * group it belongs to.
   *
   * @throws BadRequestException naming the field: a missing or malformed key, name, unit or
   *     direction, a key already used, an unknown commitment or area
   * @throws ForbiddenException when the viewer may not write there
   */
  @Transactional
  public IndicatorView create(CharterKey charterKey, IndicatorInput input, Viewer viewer) {
    if (input == null) {
      throw new BadRequestException(null, "an indicator is required");
    }
    CharterSummary charter = charters.require(charterKey, viewer);
    LanguagesOfCharter languages = languagesOf(charterKey);
    String textLanguage = languages.textLanguage();
    List<String> declared = charter.languages();
    // texts first, as a platform's are: one of the wrong type is refused naming it
    LocalizedText definition =
        Indicator.text("definition", input.definition(), 2000, false, textLanguage, declared);
    LocalizedText dataSource =
        Indicator.text("dataSource", input.dataSource(), 1000, false, textLanguage, declared);
    UUID groupId = writableGroup(charterKey, input.workingGroup(), viewer);
    String key = input.key() == null ? null : input.key().trim();
    if (key == null || !KEY.matcher(key).matches()) {
      throw new BadRequestException(
          "key", "a key of 2 to 100 lower-case letters, digits and hyphens is required");
    }
    LocalizedText name = Indicator.name(input.name(), declared);
    LocalizedText unit = Indicator.text("unit", input.unit(), 100, true, textLanguage, declared);
    Direction direction = Direction.fromCode("direction", input.direction());
    Classification classification = viewer.classificationToGive(input.classification());
    Indicator indicator =
        new Indicator(
            UUID.randomUUID(),
            charter.id(),
            charter.key(),
            key,
            name,
            unit,
            direction,
            optional("area", input.area(), 64),
            optional("ownerOrganization", input.ownerOrganization(), 300),
            definition,
            dataSource,
            classification,
            classification == Classification.PARTY_INTERNAL ? viewer.party() : null,
            groupId,
            0);
    List<String> commitments = input.commitments() == null ? List.of() : input.commitments();
    checkLinks(indicator, commitments, viewer);
    if (store.exists(charter.id(), key)) {
      throw new BadRequestException("key", "an indicator '" + key + "' exists already");
    }
    store.insert(
        indicator,
        new LinkedHashSet<>(commitments),
        IndicatorTranslationSources.created(indicator, textLanguage, clock.instant()).toJson());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("charter", charterKey.value());
    details.put("key", key);
    details.put("classification", classification.code());
    audit.record(
        "indicator.created", "indicator", indicator.id().toString(), Outcome.SUCCESS, details);
    return indicator(indicator.id(), viewer);
  }

  /**
   * The working group a new indicator is kept in (null: the framework), if the viewer may write.
   */
  private UUID writableGroup(CharterKey charterKey, String workingGroup, Viewer viewer) {
    UUID groupId = null;
    if (workingGroup != null && !workingGroup.isBlank()) {
      try {
        groupId = charters.workingGroup(charterKey, workingGroup, viewer).group().id();
      } catch (NotFoundException e) {
        throw new BadRequestException("workingGroup", "no working group '" + workingGroup + "'");
      }
    }
    if (groupId == null ? !viewer.mayWriteInFramework() : !viewer.mayWriteIn(groupId)) {
      throw new ForbiddenException(
          null,
          groupId == null
              ? "only officials of the parties create indicators of the charter"
              : "only members of " + workingGroup + " create its indicators");
    }
    return groupId;
  }

  /**
   * A link goes only to a record the viewer may see (any other is answered as missing, so its
   * existence does not show) and at least as widely visible as the indicator.
   */
  private void checkLinks(Indicator indicator, List<String> commitments, Viewer viewer) {
    Viewer.Audience audience = indicator.audience();
    for (int i = 0; i < commitments.size(); i++) {
      String field = "commitments[" + i + "]";
      String commitment = commitments.get(i);
      Viewer.Audience target =
          (commitment == null
                  ? Optional.<Viewer.Audience>empty()
                  : charters.commitmentAudience(
                      CharterKey.of(indicator.charterKey()), commitment, viewer))
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          field, "no commitment '" + commitment + "' in the charter"));
      Viewer.requireLink(field, audience, "indicator", target, "commitment");
    }
    String area = indicator.area();
    if (area != null) {
      Viewer.Audience target =
          charters
              .index(indicator.charterId())
              .flatMap(index -> index.area(area))
              .map(CharterIndex.Entry::audience)
              .filter(viewer::canSee)
              .orElseThrow(
                  () -> new BadRequestException("area", "no area '" + area + "' in the charter"));
      Viewer.requireLink("area", audience, "indicator", target, "area");
    }
  }

  /**
   * Adds a value to an indicator, for those who may write where the indicator is kept.
   *
   * <p>When the indicator has a used value of the same kind and year from another source, both are
   * kept and the earlier stays used, unless {@code use} asks for the new one. A value that {@code
   * corrects} an earlier one supersedes it: the earlier is kept as history, no longer used.
   *
   * @throws BadRequestException naming the field: a unit not the indicator's, a value that is not a
   *     number, a duplicate of the same kind, year and source, a target dated before the baseline
   * @throws NotFoundException when the viewer may not see the indicator
   * @throws ForbiddenException when the viewer may see but not write it
   */
  @Transactional
  public ValueView addValue(UUID indicatorId, ValueInput input, Viewer viewer) {
    Indicator indicator = writable(indicatorId, viewer);
    CheckedValue checked =
        new IndicatorValues(
                indicator, store.values(indicatorId), languagesOf(indicator.charterId()))
            .check(input, List.of());
    UUID id = store.store(indicator, checked);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("indicator", indicator.code());
    details.put("kind", checked.kind().code());
    details.put("year", checked.year() == null ? "" : checked.year());
    details.put("value", checked.amount().toPlainString());
    if (checked.corrects() != null) {
      details.put("corrects", checked.corrects().toString());
    }
    audit.record(
        "indicator.value-added", "indicator", indicatorId.toString(), Outcome.SUCCESS, details);
    return indicator(indicatorId, viewer).values().stream()
        .filter(v -> v.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  // ---------------------------------------------------------------- CSV

  /** One refused row: its line in the file, the field and what is wrong. */
  public record RowError(long line, String field, String message) {}

  /** What an import did: nothing is stored when there are errors. */
  public record ImportReport(int rows, int created, int unchanged, List<RowError> errors) {}

  /** An indicator's current values (not the superseded ones) as CSV, the import's columns. */
  public String exportCsv(UUID indicatorId, Viewer viewer) {
    IndicatorView indicator = indicator(indicatorId, viewer);
    return IndicatorCsv.export(
        indicator, languagesOf(CharterKey.of(indicator.charterKey())).languages());
  }

  /**
   * Imports values of an indicator from CSV (the export's columns; {@code used} is read as asking
   * to use the value). Idempotent: a row whose kind, year, date, source and value are stored
   * already is left as it is. All or nothing: one bad row refuses the file, and the report names
   * every bad line. Audited as one event.
   *
   * @throws NotFoundException when the viewer may not see the indicator
   * @throws ForbiddenException when the viewer may see but not write it
   */
  @Transactional
  public ImportReport importCsv(UUID indicatorId, Reader csv, Viewer viewer) {
    Indicator indicator = writable(indicatorId, viewer);
    return this.csv.importValues(indicator, languagesOf(indicator.charterId()), csv);
  }

  // ---------------------------------------------------------------- reference data

  /**
   * How loading a charter's reference indicators went: {@code created} counts indicators and values
   * created, {@code corrected} values that corrected a stored one.
   */
  public record ReferenceReport(
      String charterKey, int indicators, int values, int created, int corrected) {}

  /**
   * Stores a charter's reference indicators, public, from real public data (see {@link
   * IndicatorReference}): an indicator is created when its key is new; a value when no current
   * value of the same kind, year, date and source exists; a value whose figure differs from the
   * stored one of the same kind, year, date and source corrects it (the earlier kept as history).
   * Running it twice with the same data changes nothing.
   */
  @Transactional
  public ReferenceReport loadReference(IndicatorReference.Reference reference) {
    return this.reference.load(reference);
  }
}

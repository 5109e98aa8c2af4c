package org.entente.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterIndex;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Viewer;
import org.entente.indicators.IndicatorTranslationSources.Part;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.entente.translations.TranslatableTexts;
import org.entente.translations.TranslationState;
import org.entente.translations.TranslationStatus;
import org.entente.translations.Translations;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An indicator's name, unit and definition in the translation workflow (decision 0037, 0041), each
 * a text of its own ({@code indicator-name}, {@code indicator-unit}, {@code indicator-definition};
 * the key is the indicator's id): listed for a language while its translation is missing or out of
 * date and the reader may see the indicator, shown beside its source, and saved on its own by those
 * who may write where the indicator is kept, against the indicator's version (stale: 409), audited
 * ({@code indicator.translated}). A text the reference catalogue translates into a language (the
 * reference indicators' units, {@link ReferenceTranslations}) is not asked for in that language:
 * the catalogue's working translation stands until a party saves its own. Indicators are not agreed
 * through the agreement workflow, so their translations stay working translations.
 */
abstract class IndicatorTranslations implements TranslatableTexts {

  private final Part part;
  private final IndicatorStore store;
  private final Charters charters;
  private final Audit audit;
  private final ReferenceTranslations reference;

  IndicatorTranslations(Part part, Deps deps) {
    this.part = part;
    this.reference = deps.reference();
    this.store = deps.store();
    this.charters = deps.charters();
    this.audit = deps.audit();
  }

  /** What every kind of text needs. */
  @Component
  record Deps(
      IndicatorStore store, Charters charters, Audit audit, ReferenceTranslations reference) {}

  /** The indicators' names. */
  @Component
  static final class Names extends IndicatorTranslations {
    Names(Deps deps) {
      super(Part.NAME, deps);
    }
  }

  /** The indicators' units. */
  @Component
  static final class Units extends IndicatorTranslations {
    Units(Deps deps) {
      super(Part.UNIT, deps);
    }
  }

  /** The indicators' definitions. */
  @Component
  static final class Definitions extends IndicatorTranslations {
    Definitions(Deps deps) {
      super(Part.DEFINITION, deps);
    }
  }

  @Override
  public String subject() {
    return part.subject();
  }

  /** The charter's indicators the viewer may see whose text awaits this language. */
  @Override
  public List<Awaiting> awaiting(CharterKey charterKey, String language, Viewer viewer) {
    UUID charterId =
        charters
            .idOf(charterKey)
            .orElseThrow(() -> new NotFoundException("charter", charterKey.value()));
    String textLanguage = languages(charterId).textLanguage();
    List<Awaiting> awaiting = new ArrayList<>();
    Map<UUID, String> groups = null;
    for (IndicatorStore.Translating t : store.translatable(charterId, charterKey, viewer)) {
      Indicator indicator = t.indicator();
      LocalizedText text = part.of(indicator);
      TranslationState state =
          IndicatorTranslationSources.fromJson(t.sources(), textLanguage).of(part);
      TranslationStatus status = state.status(text, language);
      boolean catalogued =
          status == TranslationStatus.MISSING && reference.translates(text, language);
      if (status.awaited()
          && !catalogued
          && state.source() != null
          && !language.equals(state.source())) {
        if (groups == null && indicator.groupId() != null) {
          groups =
              charters
                  .index(charterId)
                  .map(CharterIndex::workingGroupKeys)
                  .orElseGet(LinkedHashMap::new);
        }
        awaiting.add(
            new Awaiting(
                subject(),
                indicator.id().toString(),
                readersName(indicator.name()),
                indicator.groupId() == null || groups == null
                    ? null
                    : groups.get(indicator.groupId()),
                state.source(),
                status,
                status == TranslationStatus.OUT_OF_DATE ? state.sourceChangedAt() : null));
      }
    }
    return awaiting;
  }

  @Override
  public Translatable text(String key, String language, Viewer viewer) {
    Indicator indicator = visible(key, viewer);
    LanguagesOfCharter languages = languages(indicator.charterId());
    Translations.requireLanguage(language, languages);
    return translatable(indicator, language, languages, viewer);
  }

  @Override
  public Translatable save(String key, String language, String text, Long version, Viewer viewer) {
    Indicator indicator = visible(key, viewer);
    if (!indicator.writableBy(viewer)) {
      throw new ForbiddenException(null, "you may not change this indicator");
    }
    LanguagesOfCharter languages = languages(indicator.charterId());
    Translations.requireLanguage(language, languages);
    if (version == null) {
      throw new BadRequestException("version", "the version read is required");
    }
    IndicatorTranslationSources sources =
        IndicatorTranslationSources.fromJson(
            store.translationSources(indicator.id()), languages.textLanguage());
    TranslationState state = sources.of(part);
    if (state.source() == null || language.equals(state.source())) {
      throw new BadRequestException(
          "language",
          "'"
              + language
              + "' is the language the indicator's text was written in, or it has no text: only a"
              + " translation of a written text is saved here");
    }
    LocalizedText changed =
        TranslationState.withTranslation(
            part.of(indicator), language, text, part.max(), languages.languages());
    TranslationState after = state.translated(changed, language);
    store.saveTranslation(part.on(indicator, changed), sources.with(part, after).toJson(), version);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("key", indicator.code());
    details.put("text", subject());
    details.put("language", language);
    details.put("source", state.source());
    details.put("length", changed.values().get(language).length());
    audit.record(
        "indicator.translated", "indicator", indicator.id().toString(), Outcome.SUCCESS, details);
    return translatable(visible(key, viewer), language, languages, viewer);
  }

  private Translatable translatable(
      Indicator indicator, String language, LanguagesOfCharter languages, Viewer viewer) {
    LocalizedText text = part.of(indicator);
    TranslationState state =
        IndicatorTranslationSources.fromJson(
                store.translationSources(indicator.id()), languages.textLanguage())
            .of(part);
    TranslationStatus status = state.status(text, language);
    return new Translatable(
        subject(),
        indicator.id().toString(),
        charters.index(indicator.charterId()).map(CharterIndex::charterKey).orElse(null),
        readersName(indicator.name()),
        "/indicators/" + indicator.id(),
        state.source(),
        state.source() == null ? null : text.values().get(state.source()),
        language,
        text.values().get(language),
        status,
        status == TranslationStatus.OUT_OF_DATE ? state.sourceChangedAt() : null,
        indicator.version(),
        indicator.writableBy(viewer),
        null);
  }

  private Indicator visible(String key, Viewer viewer) {
    return store
        .visible(IndicatorApi.uuid(key), viewer)
        .orElseThrow(() -> new NotFoundException("indicator", key));
  }

  private LanguagesOfCharter languages(UUID charterId) {
    return charters
        .languages(charterId)
        .orElseThrow(() -> new NotFoundException("charter", charterId.toString()));
  }

  /** The indicator's name in the reader's language (the request's), or the language it has. */
  private static String readersName(LocalizedText name) {
    return name.in(LocaleContextHolder.getLocale().getLanguage()).text();
  }
}

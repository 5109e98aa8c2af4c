package org.entente.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.CharterIndex;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingTranslationStore.Row;
import org.entente.meetings.MeetingViews.TextTranslations;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.ConflictException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.entente.translations.TranslatableTexts;
import org.entente.translations.TranslationState;
import org.entente.translations.TranslationStatus;
import org.entente.translations.Translations;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A meeting's texts in the translation workflow (decision 0037), each a text of its own: the
 * meeting's title ({@code meeting-title}) and minutes ({@code meeting-minutes}), keyed by the
 * meeting's id, and each agenda item ({@code meeting-agenda-item}), decision ({@code
 * meeting-decision}) and action item ({@code meeting-action-item}), keyed by the item's id. Listed
 * for a language while its translation is missing or out of date, for the meetings the reader may
 * see (an action item also as far as its own audience goes); a meeting's texts may change whatever
 * its status (the meeting's own rule), so every one is listed. Shown beside its source, and saved
 * on its own against the meeting's version (an action item's own version for its title), by those
 * who may change the meeting, audited ({@code meeting.translated}, {@code action-item.translated}).
 * Meetings are not agreed by the parties: their translations stay working translations.
 */
abstract class MeetingTranslations implements TranslatableTexts {

  private final MeetingText kind;
  private final Deps deps;

  MeetingTranslations(MeetingText kind, Deps deps) {
    this.kind = kind;
    this.deps = deps;
  }

  /** What every kind of text needs. */
  @Component
  record Deps(
      MeetingTranslationStore store,
      MeetingReads reads,
      Charters charters,
      MeetingAudit audit,
      Clock clock) {}

  /** The meetings' titles. */
  @Component
  static final class Titles extends MeetingTranslations {
    Titles(Deps deps) {
      super(MeetingText.TITLE, deps);
    }
  }

  /** The meetings' minutes. */
  @Component
  static final class Minutes extends MeetingTranslations {
    Minutes(Deps deps) {
      super(MeetingText.MINUTES, deps);
    }
  }

  /** The titles of the meetings' agenda items. */
  @Component
  static final class AgendaItemTitles extends MeetingTranslations {
    AgendaItemTitles(Deps deps) {
      super(MeetingText.AGENDA_ITEM, deps);
    }
  }

  /** The texts of the meetings' decisions. */
  @Component
  static final class DecisionTexts extends MeetingTranslations {
    DecisionTexts(Deps deps) {
      super(MeetingText.DECISION, deps);
    }
  }

  /** The titles of the meetings' action items. */
  @Component
  static final class ActionItemTitles extends MeetingTranslations {
    ActionItemTitles(Deps deps) {
      super(MeetingText.ACTION_ITEM, deps);
    }
  }

  @Override
  public String subject() {
    return kind.subject();
  }

  /** The texts of the charter's meetings the viewer may see that await this language. */
  @Override
  public List<Awaiting> awaiting(CharterKey charterKey, String language, Viewer viewer) {
    UUID charterId =
        deps.charters()
            .idOf(charterKey)
            .orElseThrow(() -> new NotFoundException("charter", charterKey.value()));
    String textLanguage = languages(charterId).textLanguage();
    CharterIndex.All names = deps.reads().names();
    List<Awaiting> awaiting = new ArrayList<>();
    Map<UUID, Meeting> listed = new LinkedHashMap<>();
    for (Row row : deps.store().ofCharter(kind, charterId, viewer, names)) {
      TranslationState state = state(kind, row.sources(), textLanguage);
      TranslationStatus status = state.status(row.text(), language);
      if (status.awaited() && hasSource(row, state) && !language.equals(state.source())) {
        listed.putIfAbsent(row.meeting().id(), row.meeting());
        awaiting.add(
            new Awaiting(
                subject(),
                row.id().toString(),
                readersTitle(row),
                MeetingReads.bodyName(row.meeting(), names),
                state.source(),
                status,
                status == TranslationStatus.OUT_OF_DATE ? state.sourceChangedAt() : null));
      }
    }
    deps.reads().recordRestrictedReads(List.copyOf(listed.values()), names);
    return awaiting;
  }

  @Override
  public Translatable text(String key, String language, Viewer viewer) {
    CharterIndex.All names = deps.reads().names();
    Row row = visible(key, viewer, names);
    LanguagesOfCharter languages = languages(row.meeting().charterId());
    Translations.requireLanguage(language, languages);
    deps.reads().recordRestrictedReads(List.of(row.meeting()), names);
    return translatable(row, language, languages, viewer);
  }

  @Override
  public Translatable save(String key, String language, String text, Long version, Viewer viewer) {
    CharterIndex.All names = deps.reads().names();
    Row row = visible(key, viewer, names);
    row.meeting().requireWritableBy(viewer);
    LanguagesOfCharter languages = languages(row.meeting().charterId());
    Translations.requireLanguage(language, languages);
    if (version == null) {
      throw new BadRequestException(
          "version", "the version the translation was made against is required");
    }
    if (version != row.version()) {
      throw new ConflictException(
          kind == MeetingText.ACTION_ITEM ? "action item" : "meeting", row.version());
    }
    TranslationState state = state(kind, row.sources(), languages.textLanguage());
    if (!hasSource(row, state) || language.equals(state.source())) {
      throw new BadRequestException(
          "language",
          "'"
              + language
              + "' is the language the meeting's text was written in, or the text has none yet:"
              + " change it with the meeting's forms, then translate the others");
    }
    LocalizedText changed =
        TranslationState.withTranslation(
            row.text(), language, text, kind.max(), languages.languages());
    if (kind == MeetingText.MINUTES) {
      changed = sanitized(changed, language, languages);
    }
    TranslationState after = state.translated(changed, language);
    deps.store()
        .save(
            kind,
            row,
            changed,
            withState(kind, row.sources(), languages.textLanguage(), after),
            OffsetDateTime.ofInstant(Instant.now(deps.clock()), ZoneOffset.UTC));
    deps.audit()
        .translated(
            kind == MeetingText.ACTION_ITEM,
            kind == MeetingText.ACTION_ITEM ? row.id() : row.meeting().id(),
            subject(),
            key,
            language,
            state.source(),
            changed.values().get(language).length());
    return translatable(visible(key, viewer, names), language, languages, viewer);
  }

  /** Minutes as a translator typed them are sanitized as the minutes' form does; none is a 400. */
  private static LocalizedText sanitized(
      LocalizedText texts, String language, LanguagesOfCharter languages) {
    String clean = Meeting.sanitize(texts.values().get(language));
    if (clean == null) {
      throw new BadRequestException("text", "the translation is required");
    }
    return TranslationState.withTranslation(
        texts, language, clean, Integer.MAX_VALUE, languages.languages());
  }

  private Translatable translatable(
      Row row, String language, LanguagesOfCharter languages, Viewer viewer) {
    TranslationState state = state(kind, row.sources(), languages.textLanguage());
    TranslationStatus status = state.status(row.text(), language);
    return new Translatable(
        subject(),
        row.id().toString(),
        row.meeting().charterKey(),
        readersTitle(row),
        "/meetings/" + row.meeting().id(),
        state.source(),
        state.source() == null ? null : row.text().values().get(state.source()),
        language,
        row.text().values().get(language),
        status,
        status == TranslationStatus.OUT_OF_DATE ? state.sourceChangedAt() : null,
        row.version(),
        row.meeting().writableBy(viewer),
        null);
  }

  private Row visible(String key, Viewer viewer, CharterIndex.All names) {
    UUID id;
    try {
      id = UUID.fromString(key);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(subject(), key);
    }
    return deps.store()
        .find(kind, id, viewer, names)
        .orElseThrow(() -> new NotFoundException(subject(), key));
  }

  private LanguagesOfCharter languages(UUID charterId) {
    return deps.charters()
        .languages(charterId)
        .orElseThrow(() -> new NotFoundException("charter", String.valueOf(charterId)));
  }

  /**
   * What the text is called in the reader's language (the request's): the meeting's title, and for
   * an item its own text after it.
   */
  private String readersTitle(Row row) {
    String language = LocaleContextHolder.getLocale().getLanguage();
    String meeting = row.meeting().title().in(language).text();
    if (kind.ofMeeting() || row.text().isEmpty()) {
      return meeting;
    }
    String item = row.text().in(language).text();
    return meeting + ": " + (item.length() > 120 ? item.substring(0, 119) + "…" : item);
  }

  /** Whether the text has a source to translate from (minutes not yet written have none). */
  private static boolean hasSource(Row row, TranslationState state) {
    return state.source() != null && row.text().values().containsKey(state.source());
  }

  /** Where a text's translations stand, from its stored form. */
  static TranslationState state(MeetingText kind, String sources, String textLanguage) {
    return switch (kind) {
      case TITLE -> MeetingTranslationSources.fromJson(sources, textLanguage).title();
      case MINUTES -> MeetingTranslationSources.fromJson(sources, textLanguage).minutes();
      default -> TranslationState.fromJson(sources, textLanguage);
    };
  }

  /** The stored form with a text's state replaced. */
  private static String withState(
      MeetingText kind, String sources, String textLanguage, TranslationState state) {
    return kind.ofMeeting()
        ? MeetingTranslationSources.fromJson(sources, textLanguage)
            .with(kind == MeetingText.TITLE, state)
            .toJson()
        : state.toJson();
  }

  /**
   * Where each text of a meeting (one the viewer saw) stands in each language of its charter: the
   * title and minutes under {@code meeting-title} and {@code meeting-minutes}, each item under its
   * id; nothing when the charter has one language.
   */
  @Component
  static class Statuses {

    private final MeetingTranslationStore store;
    private final Charters charters;

    Statuses(MeetingTranslationStore store, Charters charters) {
      this.store = store;
      this.charters = charters;
    }

    /**
     * @throws NotFoundException when there is no meeting, or the viewer may not see it
     */
    Map<String, TextTranslations> of(UUID meetingId, Viewer viewer) {
      List<MeetingTranslationStore.Stored> texts = store.ofMeeting(meetingId, viewer);
      if (texts.isEmpty()) {
        throw new NotFoundException("meeting", String.valueOf(meetingId));
      }
      Map<String, TextTranslations> all = new LinkedHashMap<>();
      LanguagesOfCharter languages = charters.languages(texts.get(0).charterId()).orElse(null);
      if (languages == null || languages.languages().size() < 2) {
        return all;
      }
      for (MeetingTranslationStore.Stored text : texts) {
        MeetingText kind = text.kind();
        TranslationState state = state(kind, text.sources(), languages.textLanguage());
        if (state.source() == null || !text.text().values().containsKey(state.source())) {
          continue; // no text yet (minutes not written)
        }
        all.put(
            kind.ofMeeting() ? kind.subject() : text.id().toString(),
            new TextTranslations(
                kind.subject(),
                text.id().toString(),
                state.source(),
                state.statuses(text.text(), languages.languages())));
      }
      return all;
    }
  }
}

package org.entente.projects;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Viewer;
import org.entente.projects.ProjectTranslationSources.Part;
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
 * A project's title and its description in the translation workflow (decision 0037), each a text of
 * its own ({@code project-title}, {@code project-description}; the key is the project's id): listed
 * for a language while its translation is missing or out of date and the project may still change
 * (not published), shown beside its source, and saved on its own against the project's version,
 * audited ({@code project.translated}). A project's texts become official when both parties agree
 * its group's project list.
 */
abstract class ProjectTranslations implements TranslatableTexts {

  private final Part part;
  private final ProjectStore store;
  private final ProjectReads reads;
  private final Charters charters;
  private final ProjectAudit audit;
  private final java.time.Clock clock;
  private final ProjectOfficialTexts official;

  ProjectTranslations(Part part, Deps deps) {
    this.part = part;
    this.store = deps.store();
    this.reads = deps.reads();
    this.charters = deps.charters();
    this.audit = deps.audit();
    this.clock = deps.clock();
    this.official = deps.official();
  }

  /** What both kinds of text need. */
  @Component
  record Deps(
      ProjectStore store,
      ProjectReads reads,
      Charters charters,
      ProjectAudit audit,
      java.time.Clock clock,
      ProjectOfficialTexts official) {}

  /** The projects' titles. */
  @Component
  static final class Titles extends ProjectTranslations {
    Titles(Deps deps) {
      super(Part.TITLE, deps);
    }
  }

  /** The projects' descriptions. */
  @Component
  static final class Descriptions extends ProjectTranslations {
    Descriptions(Deps deps) {
      super(Part.DESCRIPTION, deps);
    }
  }

  @Override
  public String subject() {
    return part.subject();
  }

  /** The charter's changeable projects the viewer may see whose text awaits this language. */
  @Override
  public List<Awaiting> awaiting(CharterKey charterKey, String language, Viewer viewer) {
    UUID charterId =
        charters
            .idOf(charterKey)
            .orElseThrow(() -> new NotFoundException("charter", charterKey.value()));
    String textLanguage = languages(charterKey).textLanguage();
    List<Awaiting> awaiting = new ArrayList<>();
    Map<UUID, String> groups = new java.util.HashMap<>();
    for (ProjectStore.Translating t : store.translatable(charterId, viewer)) {
      LocalizedText text = text(t.row());
      TranslationState state =
          ProjectTranslationSources.fromJson(t.sources(), textLanguage).of(part);
      TranslationStatus status = state.status(text, language);
      if (status.awaited() && state.source() != null && !language.equals(state.source())) {
        awaiting.add(
            new Awaiting(
                subject(),
                t.row().id().toString(),
                readersTitle(LocalizedText.fromJson(t.row().title())),
                groups.computeIfAbsent(t.row().groupId(), g -> charters.bodyKey(g).orElse(null)),
                state.source(),
                status,
                status == TranslationStatus.OUT_OF_DATE ? state.sourceChangedAt() : null));
      }
    }
    return awaiting;
  }

  @Override
  public Translatable text(String key, String language, Viewer viewer) {
    StoredProject stored = reads.stored(id(key), viewer);
    LanguagesOfCharter languages = languages(CharterKey.of(stored.view().charter()));
    Translations.requireLanguage(language, languages);
    return translatable(stored, language, languages, viewer);
  }

  @Override
  public Translatable save(String key, String language, String text, Long version, Viewer viewer) {
    UUID id = id(key);
    StoredProject stored = reads.stored(id, viewer);
    stored.requireChangeableBy(viewer);
    LanguagesOfCharter languages = languages(CharterKey.of(stored.view().charter()));
    Translations.requireLanguage(language, languages);
    stored.requireVersion(version);
    ProjectTranslationSources sources = sources(id, languages);
    TranslationState state = sources.of(part);
    if (state.source() == null || language.equals(state.source())) {
      throw new BadRequestException(
          "language",
          "'"
              + language
              + "' is the language the project's text was written in: change it with the"
              + " project's form, then translate the others");
    }
    LocalizedText changed =
        TranslationState.withTranslation(
            part.of(stored.project()),
            language,
            text,
            part == Part.TITLE ? 500 : 10000,
            languages.languages());
    TranslationState after = state.translated(changed, language);
    Project project = stored.project();
    store.saveTranslation(
        id,
        part == Part.TITLE ? changed : project.title(),
        part == Part.DESCRIPTION ? changed : project.description(),
        sources.with(part, after).toJson(),
        stored.version(),
        OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC));
    audit.translated(
        id, project.key(), subject(), language, state.source(), changed.values().get(language));
    return translatable(reads.stored(id, viewer), language, languages, viewer);
  }

  private Translatable translatable(
      StoredProject stored, String language, LanguagesOfCharter languages, Viewer viewer) {
    LocalizedText text = part.of(stored.project());
    TranslationState state = sources(stored.view().id(), languages).of(part);
    TranslationStatus status = state.status(text, language);
    boolean writable;
    try {
      stored.requireChangeableBy(viewer);
      writable = true;
    } catch (ForbiddenException e) {
      writable = false;
    }
    return new Translatable(
        subject(),
        stored.view().id().toString(),
        stored.view().charter(),
        readersTitle(stored.project().title()),
        "/projects/" + stored.view().id(),
        state.source(),
        state.source() == null ? null : text.values().get(state.source()),
        language,
        text.values().get(language),
        status,
        status == TranslationStatus.OUT_OF_DATE ? state.sourceChangedAt() : null,
        stored.version(),
        writable,
        official
            .of(stored.view(), stored.groupId())
            .getOrDefault(part == Part.TITLE ? "title" : "description", java.util.Map.of())
            .get(language));
  }

  private ProjectTranslationSources sources(UUID id, LanguagesOfCharter languages) {
    return ProjectTranslationSources.fromJson(
        store.translationSources(id), languages.textLanguage());
  }

  private LocalizedText text(ProjectRow row) {
    if (part == Part.TITLE) {
      return LocalizedText.fromJson(row.title());
    }
    return row.description() == null
        ? LocalizedText.empty()
        : LocalizedText.fromJson(row.description());
  }

  private LanguagesOfCharter languages(CharterKey charterKey) {
    return charters
        .languages(charterKey)
        .orElseThrow(() -> new NotFoundException("charter", charterKey.value()));
  }

  private static UUID id(String key) {
    return ProjectPages.id(key);
  }

  /** The project's title in the reader's language (the request's), or the language it has. */
  private static String readersTitle(LocalizedText title) {
    return title.in(LocaleContextHolder.getLocale().getLanguage()).text();
  }
}

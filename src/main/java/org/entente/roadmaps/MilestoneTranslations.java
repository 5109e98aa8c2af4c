package org.entente.roadmaps;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.entente.charter.CharterViews.WorkingGroupInCharter;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
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
 * A milestone's title in the translation workflow (decision 0037), subject {@code milestone-title},
 * the key the milestone's id: listed for a language while its translation is missing or out of date
 * and the milestone's plan may still change (not published), through the milestone's own
 * visibility; shown beside its source; saved on its own against the milestone's version (stale:
 * 409), audited ({@code milestone.translated}). Whether a language's title is official is read from
 * the group's agreed roadmap ({@link MilestoneOfficialTexts}, decision 0040).
 */
@Component
class MilestoneTranslations implements TranslatableTexts {

  /** The subject, as the workflow's URLs name it. */
  static final String SUBJECT = "milestone-title";

  /** The longest title a milestone has in one language ({@link Milestone}). */
  private static final int MAX_LENGTH = 500;

  private final MilestoneStore store;
  private final MilestoneQueries queries;
  private final Milestones milestones;
  private final Charters charters;
  private final MilestoneAudit audit;
  private final MilestoneOfficialTexts official;
  private final Clock clock;

  MilestoneTranslations(
      MilestoneStore store,
      MilestoneQueries queries,
      Milestones milestones,
      Charters charters,
      MilestoneAudit audit,
      MilestoneOfficialTexts official,
      Clock clock) {
    this.store = store;
    this.queries = queries;
    this.milestones = milestones;
    this.charters = charters;
    this.audit = audit;
    this.official = official;
    this.clock = clock;
  }

  @Override
  public String subject() {
    return SUBJECT;
  }

  /** The charter's changeable milestones the viewer may see whose title awaits this language. */
  @Override
  public List<Awaiting> awaiting(CharterKey charterKey, String language, Viewer viewer) {
    UUID charterId =
        charters
            .idOf(charterKey)
            .orElseThrow(() -> new NotFoundException("charter", charterKey.value()));
    String textLanguage = languages(charterKey).textLanguage();
    List<Awaiting> awaiting = new ArrayList<>();
    for (MilestoneStore.Translating t : store.translatable(charterId, viewer)) {
      TranslationState state = TranslationState.fromJson(t.sources(), textLanguage);
      TranslationStatus status = state.status(t.title(), language);
      if (status.awaited() && state.source() != null && !language.equals(state.source())) {
        awaiting.add(
            new Awaiting(
                SUBJECT,
                t.id().toString(),
                readersTitle(t.title()),
                charters.bodyKey(t.groupId()).orElse(null),
                state.source(),
                status,
                status == TranslationStatus.OUT_OF_DATE ? state.sourceChangedAt() : null));
      }
    }
    return awaiting;
  }

  @Override
  public Translatable text(String key, String language, Viewer viewer) {
    Visible visible = visible(key, viewer);
    Translations.requireLanguage(language, visible.languages());
    return translatable(visible, language, viewer);
  }

  @Override
  public Translatable save(String key, String language, String text, Long version, Viewer viewer) {
    Visible visible = visible(key, viewer);
    Stored stored = visible.stored();
    if (!viewer.mayWriteIn(stored.groupId())) {
      throw new ForbiddenException(null, "you may read this milestone but not change it");
    }
    if (stored.classification() == Classification.PUBLIC) {
      throw new ForbiddenException(
          null,
          "a published milestone's title changes only through both parties' agreement on its"
              + " roadmap");
    }
    Translations.requireLanguage(language, visible.languages());
    if (version == null) {
      throw new BadRequestException(
          "version", "the version the change was made against is required");
    }
    if (version != stored.version()) {
      throw new ConflictException("milestone", stored.version());
    }
    TranslationState state = state(stored.id(), visible.languages());
    if (state.source() == null || language.equals(state.source())) {
      throw new BadRequestException(
          "language",
          "'"
              + language
              + "' is the language the milestone's title was written in: change it with the"
              + " milestone's form, then translate the others");
    }
    LocalizedText title = stored.milestone().title();
    LocalizedText changed =
        TranslationState.withTranslation(
            title, language, text, MAX_LENGTH, visible.languages().languages());
    TranslationState after = state.translated(changed, language);
    if (!store.saveTranslation(
        stored.id(),
        changed,
        after.toJson(),
        stored.version(),
        OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))) {
      throw new ConflictException("milestone", stored.version() + 1);
    }
    audit.translated(
        stored.id(),
        stored.milestone().key(),
        language,
        state.source(),
        changed.values().get(language));
    return translatable(visible(key, viewer), language, viewer);
  }

  /** A milestone the viewer may see, with its group and its charter's languages. */
  private record Visible(
      Stored stored, WorkingGroupInCharter group, LanguagesOfCharter languages) {}

  private Visible visible(String key, Viewer viewer) {
    UUID id;
    try {
      id = UUID.fromString(key);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("milestone", key);
    }
    MilestoneStore.Placement placement = queries.placement(id, viewer);
    Stored stored = milestones.one(placement.groupId(), id, viewer);
    WorkingGroupInCharter group = queries.group(placement, viewer);
    return new Visible(stored, group, languages(CharterKey.of(group.charter().key())));
  }

  private Translatable translatable(Visible visible, String language, Viewer viewer) {
    Stored stored = visible.stored();
    LocalizedText title = stored.milestone().title();
    TranslationState state = state(stored.id(), visible.languages());
    TranslationStatus status = state.status(title, language);
    boolean writable =
        viewer.mayWriteIn(stored.groupId()) && stored.classification() != Classification.PUBLIC;
    String charterKey = visible.group().charter().key();
    String groupKey = visible.group().group().key();
    String link =
        "/charters/"
            + charterKey
            + "/working-groups/"
            + groupKey
            + (viewer.mayWriteIn(stored.groupId())
                ? "/roadmap/milestones/" + stored.id()
                : "/workspace");
    return new Translatable(
        SUBJECT,
        stored.id().toString(),
        charterKey,
        readersTitle(title),
        link,
        state.source(),
        state.source() == null ? null : title.values().get(state.source()),
        language,
        title.values().get(language),
        status,
        status == TranslationStatus.OUT_OF_DATE ? state.sourceChangedAt() : null,
        stored.version(),
        writable,
        official.of(visible.group(), stored).get(language));
  }

  private TranslationState state(UUID id, LanguagesOfCharter languages) {
    return TranslationState.fromJson(store.translationSources(id), languages.textLanguage());
  }

  private LanguagesOfCharter languages(CharterKey charterKey) {
    return charters
        .languages(charterKey)
        .orElseThrow(() -> new NotFoundException("charter", charterKey.value()));
  }

  /** The milestone's title in the reader's language (the request's), or the language it has. */
  private static String readersTitle(LocalizedText title) {
    return title.in(LocaleContextHolder.getLocale().getLanguage()).text();
  }
}

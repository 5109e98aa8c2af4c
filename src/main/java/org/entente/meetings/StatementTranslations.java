package org.entente.meetings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.entente.charter.CharterIndex;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.ConflictException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.entente.translations.TranslatableTexts;
import org.entente.translations.TranslationState;
import org.entente.translations.TranslationStatus;
import org.entente.translations.Translations;
import org.springframework.stereotype.Component;

/**
 * Joint statements in the translation workflow: a statement's texts are translated from the
 * language it was drafted in; each translation is saved on its own, against the statement's
 * version, while the statement is not published. Its key is the meeting's id. All its texts become
 * official together, when both co-chairs approve a version ({@link JointStatementSubject}).
 */
@Component
class StatementTranslations implements TranslatableTexts {

  private final MeetingStore store;
  private final StatementStore statements;
  private final MeetingReads reads;
  private final Charters charters;
  private final MeetingAudit audit;
  private final Clock clock;

  StatementTranslations(
      MeetingStore store,
      StatementStore statements,
      MeetingReads reads,
      Charters charters,
      MeetingAudit audit,
      Clock clock) {
    this.store = store;
    this.statements = statements;
    this.reads = reads;
    this.charters = charters;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public String subject() {
    return Meetings.JOINT_STATEMENT;
  }

  /** The drafts of the charter's meetings the viewer may see that await this language. */
  @Override
  public List<Awaiting> awaiting(CharterKey charterKey, String language, Viewer viewer) {
    UUID charterId =
        charters
            .idOf(charterKey)
            .orElseThrow(() -> new NotFoundException("charter", charterKey.value()));
    LanguagesOfCharter languages = languages(charterId);
    CharterIndex.All names = reads.names();
    List<Awaiting> awaiting = new ArrayList<>();
    List<Meeting> listed = new ArrayList<>();
    for (StatementStore.Unpublished u : statements.unpublishedDrafts(charterId, viewer, names)) {
      TranslationState state = u.draft().translations(languages.textLanguage());
      TranslationStatus status = state.status(u.draft().text(), language);
      if (status.awaited()) {
        listed.add(u.meeting());
        awaiting.add(
            new Awaiting(
                subject(),
                u.meeting().id().toString(),
                readersTitle(u.meeting()),
                MeetingReads.bodyName(u.meeting(), names),
                state.source(),
                status,
                status == TranslationStatus.OUT_OF_DATE ? state.sourceChangedAt() : null));
      }
    }
    reads.recordRestrictedReads(listed, names);
    return awaiting;
  }

  @Override
  public Translatable text(String key, String language, Viewer viewer) {
    Meeting meeting = visible(key, viewer);
    LanguagesOfCharter languages = languages(meeting.charterId());
    Translations.requireLanguage(language, languages);
    StatementStore.Draft draft = draft(meeting);
    return translatable(meeting, draft, language, languages, viewer);
  }

  @Override
  public Translatable save(String key, String language, String text, Long version, Viewer viewer) {
    Meeting meeting = visible(key, viewer).requireWritableBy(viewer);
    LanguagesOfCharter languages = languages(meeting.charterId());
    Translations.requireLanguage(language, languages);
    StatementStore.Draft draft = draft(meeting);
    if (version == null) {
      throw new BadRequestException(
          "version", "the version the translation was made against is required");
    }
    if (version != draft.version()) {
      throw new ConflictException("joint statement", draft.version());
    }
    if (draft.publishedAt() != null) {
      throw new BadRequestException(
          "text", "the statement is published; reopen its agreement to change it");
    }
    TranslationState state = draft.translations(languages.textLanguage());
    if (language.equals(state.source())) {
      throw new BadRequestException(
          "language",
          "'"
              + language
              + "' is the language the statement was drafted in: change it with the statement's"
              + " form, then translate the others");
    }
    LocalizedText changed =
        TranslationState.withTranslation(
            draft.text(), language, text, StatementTexts.MAX_LENGTH, languages.languages());
    TranslationState after = state.translated(changed, language);
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    if (!statements.update(meeting.id(), changed, draft.publish(), after, version, now)) {
      throw new ConflictException("joint statement", version + 1);
    }
    store.touch(meeting.id(), now);
    audit.statementTranslated(
        meeting.id(),
        language,
        state.source(),
        changed.values().getOrDefault(language, "").length());
    return translatable(meeting, draft(meeting), language, languages, viewer);
  }

  private Translatable translatable(
      Meeting meeting,
      StatementStore.Draft draft,
      String language,
      LanguagesOfCharter languages,
      Viewer viewer) {
    TranslationState state = draft.translations(languages.textLanguage());
    TranslationStatus status = state.status(draft.text(), language);
    return new Translatable(
        subject(),
        meeting.id().toString(),
        meeting.charterKey(),
        readersTitle(meeting),
        "/meetings/" + meeting.id(),
        state.source(),
        state.source() == null ? null : draft.text().values().get(state.source()),
        language,
        draft.text().values().get(language),
        status,
        status == TranslationStatus.OUT_OF_DATE ? state.sourceChangedAt() : null,
        draft.version(),
        meeting.writableBy(viewer) && draft.publishedAt() == null,
        null);
  }

  private Meeting visible(String key, Viewer viewer) {
    UUID id;
    try {
      id = UUID.fromString(key);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("joint statement", key);
    }
    return store
        .find(id, viewer, reads.names())
        .orElseThrow(() -> new NotFoundException("joint statement", key));
  }

  private StatementStore.Draft draft(Meeting meeting) {
    return statements
        .find(meeting.id())
        .orElseThrow(() -> new NotFoundException("joint statement", meeting.id().toString()));
  }

  private LanguagesOfCharter languages(UUID charterId) {
    return charters
        .languages(charterId)
        .orElseThrow(() -> new NotFoundException("charter", String.valueOf(charterId)));
  }

  /** The meeting's title in the reader's language (the request's), or the language it has. */
  private static String readersTitle(Meeting meeting) {
    return meeting
        .title()
        .in(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage())
        .text();
  }
}

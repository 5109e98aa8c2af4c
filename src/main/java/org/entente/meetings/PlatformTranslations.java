package org.entente.meetings;

import java.util.List;
import java.util.Map;
import org.entente.charter.CharterViews.DialoguePlatformView;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.concurrence.Agreements;
import org.entente.concurrence.Concurrence;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.entente.shared.LocalizedText;
import org.entente.translations.TranslationState;

/**
 * A proposed platform's name and its purpose in the translation workflow (decision 0037), each a
 * text of its own ({@code platform-name}, {@code platform-purpose}; the key is the platform's id):
 * listed for a language while its translation is missing or out of date and the platform is a
 * proposal the reader may see, shown beside its source, and saved by an official who may write for
 * the charter against the proposal's current version (stale: 409), audited ({@code
 * dialogue-platform.translated}); a saved translation changes the proposal, which is submitted
 * again for both parties' agreement, as any revision is. A platform of the definition, or one
 * established, is not in the workflow: its texts are what was loaded or agreed.
 */
abstract class PlatformTranslations implements org.entente.translations.TranslatableTexts {

  private final boolean ofName;
  private final Charters charters;
  private final org.springframework.beans.factory.ObjectProvider<Platforms> platformsProvider;
  private final Agreements agreements;
  private final Concurrence concurrence;

  PlatformTranslations(
      boolean ofName,
      Charters charters,
      org.springframework.beans.factory.ObjectProvider<Platforms> platforms,
      Agreements agreements,
      Concurrence concurrence) {
    this.ofName = ofName;
    this.concurrence = concurrence;
    this.charters = charters;
    this.platformsProvider = platforms;
    this.agreements = agreements;
  }

  private Platforms platforms() {
    return platformsProvider.getObject();
  }

  @Override
  public String subject() {
    return ofName ? "platform-name" : "platform-purpose";
  }

  private LocalizedText text(DialoguePlatformView p) {
    LocalizedText text = ofName ? p.name() : p.purpose();
    return text == null ? LocalizedText.empty() : text;
  }

  /** The charter's proposed platforms the viewer may see whose text awaits this language. */
  @Override
  public List<Awaiting> awaiting(CharterKey charterKey, String language, Viewer viewer) {
    List<Awaiting> awaiting = new java.util.ArrayList<>();
    for (DialoguePlatformView p : charters.platforms(charterKey, viewer)) {
      if (!Platforms.PROPOSED.equals(p.status())) {
        continue;
      }
      TranslationState state = platforms().texts(charterKey, p.key()).of(ofName);
      org.entente.translations.TranslationStatus status = state.status(text(p), language);
      if (status.awaited() && state.source() != null && !language.equals(state.source())) {
        awaiting.add(
            new Awaiting(
                subject(),
                p.id().toString(),
                readersName(p.name()),
                p.key(),
                state.source(),
                status,
                status == org.entente.translations.TranslationStatus.OUT_OF_DATE
                    ? state.sourceChangedAt()
                    : null));
      }
    }
    return awaiting;
  }

  @Override
  public Translatable text(String key, String language, Viewer viewer) {
    Found found = find(key, viewer);
    org.entente.translations.Translations.requireLanguage(language, found.languages());
    return translatable(found, language, viewer);
  }

  @Override
  public Translatable save(String key, String language, String typed, Long version, Viewer viewer) {
    Found found = find(key, viewer);
    if (!viewer.mayWriteInFramework()) {
      throw new org.entente.shared.ForbiddenException(
          null, "only officials of the parties change a proposal");
    }
    org.entente.translations.Translations.requireLanguage(language, found.languages());
    Charters.ProposedPlatform proposed =
        charters
            .proposedPlatform(found.charterKey(), found.platform().key())
            .orElseThrow(
                () ->
                    new org.entente.shared.StateConflictException(
                        "Not proposed",
                        "the dialogue platform '"
                            + found.platform().key()
                            + "' is established: its texts are what both parties agreed",
                        Map.of()));
    if (version == null) {
      throw new org.entente.shared.BadRequestException(
          "version", "say which version of the proposal you translate");
    }
    int current = currentVersion(found, viewer);
    if (current != version) {
      throw new org.entente.shared.ConflictException("dialogue platform proposal", current);
    }
    PlatformTexts states = platforms().texts(found.charterKey(), proposed.key());
    TranslationState state = states.of(ofName);
    if (state.source() == null || language.equals(state.source())) {
      throw new org.entente.shared.BadRequestException(
          "language",
          "'"
              + language
              + "' is the language the platform's text was written in, or it has none: change"
              + " it with the proposal, then translate the others");
    }
    LocalizedText changed =
        TranslationState.withTranslation(
            ofName ? proposed.name() : proposed.purpose(),
            language,
            typed,
            ofName ? 300 : 2000,
            found.languages().languages());
    charters.translateProposedPlatform(
        new Charters.ProposedPlatform(
            proposed.id(),
            proposed.charter(),
            proposed.key(),
            ofName ? changed : proposed.name(),
            ofName ? proposed.purpose() : changed,
            proposed.classification()),
        states.with(ofName, state.translated(changed, language)).toJson(),
        subject(),
        language);
    agreements.submit(Platforms.TYPE, found.charterKey(), proposed.key(), viewer);
    return translatable(find(key, viewer), language, viewer);
  }

  /** A platform the viewer may see, by its id, with its charter. */
  private record Found(
      CharterKey charterKey, DialoguePlatformView platform, LanguagesOfCharter languages) {}

  private Found find(String key, Viewer viewer) {
    java.util.UUID id;
    try {
      id = java.util.UUID.fromString(key);
    } catch (IllegalArgumentException e) {
      throw new org.entente.shared.NotFoundException("dialogue platform", key);
    }
    org.entente.charter.CharterIndex.Entry entry =
        charters
            .body(id)
            .filter(e -> !e.retired())
            .orElseThrow(() -> new org.entente.shared.NotFoundException("dialogue platform", key));
    CharterKey charterKey =
        charters
            .index(entry.charterId())
            .map(i -> CharterKey.of(i.charterKey()))
            .orElseThrow(() -> new org.entente.shared.NotFoundException("dialogue platform", key));
    DialoguePlatformView platform;
    try {
      platform = charters.platform(charterKey, entry.key(), viewer);
    } catch (org.entente.shared.NotFoundException e) {
      throw new org.entente.shared.NotFoundException("dialogue platform", key);
    }
    if (!platform.id().equals(id)) {
      throw new org.entente.shared.NotFoundException("dialogue platform", key);
    }
    return new Found(
        charterKey,
        platform,
        charters
            .languages(charterKey)
            .orElseThrow(() -> new org.entente.shared.NotFoundException("charter", key)));
  }

  private int currentVersion(Found found, Viewer viewer) {
    AgreementView agreement =
        concurrence
            .find(
                Platforms.TYPE,
                Platforms.subjectKey(found.charterKey(), found.platform().key()),
                viewer)
            .orElse(null);
    return agreement == null ? 0 : agreement.currentVersion();
  }

  private Translatable translatable(Found found, String language, Viewer viewer) {
    LocalizedText text = text(found.platform());
    TranslationState state =
        platforms().texts(found.charterKey(), found.platform().key()).of(ofName);
    org.entente.translations.TranslationStatus status = state.status(text, language);
    return new Translatable(
        subject(),
        found.platform().id().toString(),
        found.charterKey().value(),
        readersName(found.platform().name()),
        "/charters/" + found.charterKey().value() + "/meetings",
        state.source(),
        state.source() == null ? null : text.values().get(state.source()),
        language,
        text.values().get(language),
        status,
        status == org.entente.translations.TranslationStatus.OUT_OF_DATE
            ? state.sourceChangedAt()
            : null,
        currentVersion(found, viewer),
        Platforms.PROPOSED.equals(found.platform().status()) && viewer.mayWriteInFramework(),
        null);
  }

  private static String readersName(LocalizedText name) {
    return name.in(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage())
        .text();
  }

  /** The proposed platforms' names. */
  @org.springframework.stereotype.Component
  static final class NameTranslations extends PlatformTranslations {
    NameTranslations(
        Charters charters,
        org.springframework.beans.factory.ObjectProvider<Platforms> platforms,
        Agreements agreements,
        Concurrence concurrence) {
      super(true, charters, platforms, agreements, concurrence);
    }
  }

  /** The proposed platforms' purposes. */
  @org.springframework.stereotype.Component
  static final class PurposeTranslations extends PlatformTranslations {
    PurposeTranslations(
        Charters charters,
        org.springframework.beans.factory.ObjectProvider<Platforms> platforms,
        Agreements agreements,
        Concurrence concurrence) {
      super(false, charters, platforms, agreements, concurrence);
    }
  }
}

package org.entente.calendars;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.GroupDirectory;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.languages.Languages;
import org.entente.shared.CharterKey;
import org.entente.shared.LocalizedText;
import org.entente.shared.Texts;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The language a person reads what Entente writes for them without a request to say it: the daily
 * digest and its e-mail, and a calendar feed fetched without {@code ?lang=}. It is the one they
 * chose on their reminder settings (V38); until they choose one it is (decision 0039): among the
 * languages of the charters of the person's groups (then of every loaded charter), in the
 * definitions' order, the first that the JDK's CLDR data lists as spoken in the country the
 * person's party key names ({@code AZ}: {@code az}, {@code US}: {@code en}); failing that, the text
 * language of their first charter, the language every record of it is written in.
 */
@Component
class Readers {

  private final Viewers viewers;
  private final Charters charters;
  private final Texts texts;
  private final Preferences preferences;
  private final Languages languages;

  Readers(
      Viewers viewers,
      Charters charters,
      Texts texts,
      Preferences preferences,
      Languages languages) {
    this.viewers = viewers;
    this.charters = charters;
    this.texts = texts;
    this.preferences = preferences;
    this.languages = languages;
  }

  /** The codes of the languages a person may choose to read in: every charter's, English first. */
  List<String> offered() {
    return languages.all().stream().map(Languages.Language::code).toList();
  }

  /**
   * A record's text in the current language, or in the language it falls back to followed by the
   * marker that says which, in the current language: "Plan of the group (in English)".
   */
  String text(LocalizedText text) {
    if (text == null) {
      return "";
    }
    LocalizedText.Rendition shown = text.in(LocaleContextHolder.getLocale().getLanguage());
    return shown.fallback() ? shown.text() + " " + texts.marker(shown.language()) : shown.text();
  }

  /**
   * The code of the language this person reads generated text in: the one they chose (among the
   * languages still offered), else the one worked out from their party and charters.
   */
  String languageOf(Viewer viewer) {
    if (viewer.signedIn()) {
      String chosen = preferences.of(viewer.username()).language();
      if (chosen != null && offered().contains(chosen)) {
        return chosen;
      }
    }
    return workedOut(viewer);
  }

  /** The language worked out from the person's party and charters (decision 0039). */
  String workedOut(Viewer viewer) {
    List<LanguagesOfCharter> theirs = chartersOf(viewer);
    List<String> candidates = new ArrayList<>();
    theirs.forEach(c -> candidates.addAll(c.languages()));
    candidates.addAll(charters.declaredLanguages());
    return Languages.spokenIn(viewer.party(), candidates)
        .orElse(theirs.isEmpty() ? Languages.ENGLISH.code() : theirs.get(0).textLanguage());
  }

  /** The languages of the charters of the viewer's groups, then of the others loaded. */
  private List<LanguagesOfCharter> chartersOf(Viewer viewer) {
    Set<String> keys = new LinkedHashSet<>();
    for (GroupDirectory.Group g : viewers.groups()) {
      if (viewer.groups().contains(g.id())) {
        keys.add(g.charter());
      }
    }
    for (GroupDirectory.Group g : viewers.groups()) {
      keys.add(g.charter());
    }
    List<LanguagesOfCharter> found = new ArrayList<>();
    for (String key : keys) {
      charters.languages(CharterKey.of(key)).ifPresent(found::add);
    }
    return found;
  }

  /**
   * Does the work with this language as the current one, so that the message bundles and {@code
   * Formats} write in it, and puts the language that was current back after.
   */
  static <T> T in(String language, Supplier<T> work) {
    LocaleContext before = LocaleContextHolder.getLocaleContext();
    LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
    try {
      return work.get();
    } finally {
      LocaleContextHolder.setLocaleContext(before);
    }
  }
}

package org.entente.translations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.entente.shared.LocalizedText;
import org.junit.jupiter.api.Test;

/**
 * A translation knows the source text it was made from: it is current until the source changes, out
 * of date from then (with the moment the source changed) until it is translated again, and missing
 * while it has no text.
 */
class TranslationStateTest {

  static final Instant DRAFTED = Instant.parse("2026-11-20T09:00:00Z");
  static final Instant EDITED = Instant.parse("2026-11-24T15:30:00Z");
  static final List<String> LANGUAGES = List.of("az", "en");

  private static LocalizedText texts(String en, String az) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    if (az != null) {
      map.put("az", az);
    }
    if (en != null) {
      map.put("en", en);
    }
    return LocalizedText.ofMap(map);
  }

  private static TranslationState drafted(LocalizedText texts) {
    return TranslationState.unknown(null).afterEdit(LocalizedText.empty(), texts, "en", DRAFTED);
  }

  @Test
  void aTextDraftedInEnglishIsItsSourceAndItsMissingTranslationIsAwaited() {
    LocalizedText english = texts("Agreed.", null);
    TranslationState state = drafted(english);

    assertThat(state.source()).isEqualTo("en");
    assertThat(state.status(english, "en")).isEqualTo(TranslationStatus.SOURCE);
    assertThat(state.status(english, "az")).isEqualTo(TranslationStatus.MISSING);
    assertThat(state.awaited(english, LANGUAGES)).containsExactly("az");
  }

  @Test
  void aTranslationSavedIsCurrentUntilTheSourceChangesThenOutOfDateSinceThatEdit() {
    LocalizedText english = texts("Agreed.", null);
    LocalizedText both = texts("Agreed.", "Razılaşdırıldı.");
    TranslationState translated = drafted(english).translated(both, "az");
    assertThat(translated.status(both, "az")).isEqualTo(TranslationStatus.CURRENT);

    LocalizedText sourceEdited = texts("Agreed, with one reservation.", "Razılaşdırıldı.");
    TranslationState afterEdit = translated.afterEdit(both, sourceEdited, "en", EDITED);

    assertThat(afterEdit.status(sourceEdited, "az")).isEqualTo(TranslationStatus.OUT_OF_DATE);
    assertThat(afterEdit.statuses(sourceEdited, LANGUAGES))
        .containsExactly(
            new TranslationState.LanguageStatus("az", TranslationStatus.OUT_OF_DATE, EDITED),
            new TranslationState.LanguageStatus("en", TranslationStatus.SOURCE, null));
    assertThat(afterEdit.awaited(sourceEdited, LANGUAGES)).containsExactly("az");
  }

  @Test
  void aTranslationEditedTogetherWithItsSourceIsCurrentAndOneTranslatedAgainIsCurrentToo() {
    LocalizedText both = texts("Agreed.", "Razılaşdırıldı.");
    TranslationState state = drafted(both);
    assertThat(state.status(both, "az")).isEqualTo(TranslationStatus.CURRENT);

    LocalizedText bothEdited = texts("Agreed twice.", "İki dəfə razılaşdırıldı.");
    assertThat(state.afterEdit(both, bothEdited, "en", EDITED).status(bothEdited, "az"))
        .isEqualTo(TranslationStatus.CURRENT);

    LocalizedText sourceOnly = texts("Agreed twice.", "Razılaşdırıldı.");
    TranslationState outOfDate = state.afterEdit(both, sourceOnly, "en", EDITED);
    LocalizedText retranslated = texts("Agreed twice.", "İki dəfə razılaşdırıldı.");
    assertThat(outOfDate.translated(retranslated, "az").status(retranslated, "az"))
        .isEqualTo(TranslationStatus.CURRENT);
  }

  @Test
  void aTranslationMadeBeforeTheStateWasKeptIsOutOfDateOnceItsSourceChanges() {
    LocalizedText both = texts("Agreed.", "Razılaşdırıldı.");
    TranslationState legacy = TranslationState.fromJson(null, "en");
    assertThat(legacy.status(both, "az")).isEqualTo(TranslationStatus.CURRENT);

    LocalizedText edited = texts("Agreed, again.", "Razılaşdırıldı.");
    assertThat(legacy.afterEdit(both, edited, "en", EDITED).status(edited, "az"))
        .isEqualTo(TranslationStatus.OUT_OF_DATE);
  }

  @Test
  void theStoredFormReadsBackTheSameState() {
    LocalizedText both = texts("Agreed.", "Razılaşdırıldı.");
    TranslationState state =
        drafted(texts("Agreed before.", "Razılaşdırıldı."))
            .afterEdit(texts("Agreed before.", "Razılaşdırıldı."), both, "en", EDITED);

    TranslationState read = TranslationState.fromJson(state.toJson(), "az");

    assertThat(read).isEqualTo(state);
    assertThat(read.status(both, "az")).isEqualTo(TranslationStatus.OUT_OF_DATE);
  }
}

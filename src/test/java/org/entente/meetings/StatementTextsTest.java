package org.entente.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.LanguagesOfCharter;
import org.entente.concurrence.Concurrence;
import org.entente.shared.BadRequestException;
import org.entente.shared.LocalizedText;
import org.junit.jupiter.api.Test;

/**
 * A joint statement's canonical content covers its text in every language, and a version with the
 * one text every statement had before statements had a text per language keeps the fingerprint it
 * was agreed with.
 */
class StatementTextsTest {

  static final LanguagesOfCharter AZ_EN = new LanguagesOfCharter(List.of("az", "en"), "en");

  /** The demo's statement, as the release 0.1.0 fixture holds it, agreed under this fingerprint. */
  static final UUID DEMO_MEETING = UUID.fromString("86417fb7-4202-4a92-9736-2a2521bfd7d7");

  static final String DEMO_TEXT =
      "[Demo] Illustrative joint statement: the working group met, reviewed its sample project and"
          + " agreed on the next steps. This text is sample data, not a statement of either"
          + " government.";

  /** Computed by release 0.1.0 (commit 24a977e), before statements had a text per language. */
  static final String DEMO_FINGERPRINT =
      "2bf274a215fbebd1ce4a2bc06c73aa0bf0a847acb6dd19ba4f4896b6419960f6";

  @Test
  void aVersionWithTheOneLegacyTextKeepsTheFingerprintItWasAgreedWith() {
    String canonical =
        StatementTexts.canonical(DEMO_MEETING, LocalizedText.of("en", DEMO_TEXT), true, "en");
    assertThat(Concurrence.fingerprint(canonical)).isEqualTo(DEMO_FINGERPRINT);
  }

  @Test
  void aVersionInEveryLanguageHasTheVersionedFormWithEveryText() {
    String canonical =
        StatementTexts.canonical(DEMO_MEETING, texts("Bəyanat.", "Statement."), false, "en");
    assertThat(canonical)
        .isEqualTo(
            "{\"canonical\":\"joint-statement/2\",\"meeting\":\""
                + DEMO_MEETING
                + "\",\"texts\":{\"az\":\"Bəyanat.\",\"en\":\"Statement.\"},\"publish\":false}");
  }

  @Test
  void changingAnyOneLanguagesTextChangesTheFingerprint() {
    String both = fingerprint(texts("Bəyanat.", "Statement."));
    assertThat(fingerprint(texts("Bəyanat!", "Statement."))).isNotEqualTo(both);
    assertThat(fingerprint(texts("Bəyanat.", "Statement!"))).isNotEqualTo(both);
    assertThat(fingerprint(LocalizedText.of("en", "Statement."))).isNotEqualTo(both);
    // the same text under another language is another version
    assertThat(fingerprint(LocalizedText.of("az", "Statement.")))
        .isNotEqualTo(fingerprint(LocalizedText.of("en", "Statement.")));
  }

  @Test
  void theFingerprintDoesNotDependOnTheOrderTheTextsWereGivenIn() {
    Map<String, String> enFirst = new LinkedHashMap<>();
    enFirst.put("en", "Statement.");
    enFirst.put("az", "Bəyanat.");
    assertThat(fingerprint(LocalizedText.ofMap(enFirst)))
        .isEqualTo(fingerprint(texts("Bəyanat.", "Statement.")));
  }

  @Test
  void theLanguagesWithoutTextAreMissingAndRefuseTheSubmission() {
    LocalizedText english = StatementTexts.read(Map.of("en", "Statement.", "az", "  "), AZ_EN);
    assertThat(StatementTexts.missing(english, AZ_EN)).containsExactly("az");
    assertThatThrownBy(() -> StatementTexts.requireComplete(english, AZ_EN))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("no text in az")
        .extracting(e -> ((BadRequestException) e).field())
        .isEqualTo("text.az");
    StatementTexts.requireComplete(texts("Bəyanat.", "Statement."), AZ_EN);
  }

  private static LocalizedText texts(String az, String en) {
    return StatementTexts.read(Map.of("az", az, "en", en), AZ_EN);
  }

  private static String fingerprint(LocalizedText texts) {
    return Concurrence.fingerprint(StatementTexts.canonical(DEMO_MEETING, texts, true, "en"));
  }
}

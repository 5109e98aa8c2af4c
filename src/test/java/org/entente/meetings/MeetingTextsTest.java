package org.entente.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.entente.charter.LanguagesOfCharter;
import org.entente.meetings.MeetingInputs.ActionItemInput;
import org.entente.meetings.MeetingInputs.MeetingChange;
import org.entente.shared.BadRequestException;
import org.entente.shared.LocalizedText;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the texts written on a meeting are in the languages of its charter. The charter's text
 * language (the source) is required, the others optional; a language outside the charter is refused
 * naming the field; a plain string is the text language's; a change touches only the languages it
 * names.
 */
class MeetingTextsTest {

  static final LanguagesOfCharter AZ_EN = new LanguagesOfCharter(List.of("az", "en"), "en");
  static final LanguagesOfCharter EN_UK = new LanguagesOfCharter(List.of("en", "uk"), "en");
  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  static String refused(Runnable r) {
    try {
      r.run();
    } catch (BadRequestException e) {
      return e.field();
    }
    throw new AssertionError("not refused");
  }

  static Map<String, String> texts(String... pairs) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      texts.put(pairs[i], pairs[i + 1]);
    }
    return texts;
  }

  @Test
  void aPlainStringIsTheTextInTheChartersTextLanguage() {
    assertThat(MeetingTexts.required("title", "  Annual review ", AZ_EN, 300).values())
        .isEqualTo(Map.of("en", "Annual review"));
  }

  @Test
  void aTextInEachLanguageOfTheCharterIsKeptWithItsSourceFirst() {
    LocalizedText title =
        MeetingTexts.required(
            "title", texts("az", "İllik icmal", "en", "Annual review"), AZ_EN, 300);
    assertThat(title.values())
        .containsExactly(Map.entry("en", "Annual review"), Map.entry("az", "İllik icmal"));
    assertThat(
            MeetingTexts.required("title", texts("uk", "Мости", "en", "Bridges"), EN_UK, 300)
                .values())
        .containsEntry("uk", "Мости");
  }

  @Test
  void aLanguageOutsideTheCharterIsRefusedNamingTheFieldAndTheLanguage() {
    assertThat(
            refused(
                () ->
                    MeetingTexts.required(
                        "title", texts("en", "Review", "uk", "Огляд"), AZ_EN, 300)))
        .isEqualTo("title.uk");
    assertThat(refused(() -> MeetingTexts.required("text", texts("az", "Qərar"), EN_UK, 4000)))
        .isEqualTo("text.az");
  }

  @Test
  void theSourceLanguageIsRequiredAndTheOthersAreOptional() {
    assertThat(refused(() -> MeetingTexts.required("title", texts("az", "İcmal"), AZ_EN, 300)))
        .isEqualTo("title.en");
    assertThat(refused(() -> MeetingTexts.required("title", texts("en", "  "), AZ_EN, 300)))
        .isEqualTo("title.en");
    assertThat(refused(() -> MeetingTexts.required("title", null, AZ_EN, 300))).isEqualTo("title");
    assertThat(MeetingTexts.required("title", texts("en", "Review", "az", ""), AZ_EN, 300).values())
        .isEqualTo(Map.of("en", "Review"));
  }

  @Test
  void aTextThatIsNotAStringOrATooLongOneIsRefusedNamingItsLanguage() {
    Map<String, Object> number = new LinkedHashMap<>();
    number.put("en", 42);
    assertThat(refused(() -> MeetingTexts.required("title", number, AZ_EN, 300)))
        .isEqualTo("title.en");
    assertThat(refused(() -> MeetingTexts.required("title", List.of("x"), AZ_EN, 300)))
        .isEqualTo("title");
    assertThat(
            refused(() -> MeetingTexts.required("title", texts("az", "x".repeat(301)), AZ_EN, 300)))
        .isEqualTo("title.az");
  }

  @Test
  void aChangeReplacesTheLanguagesItNamesAndKeepsTheOthers() {
    LocalizedText before = LocalizedText.ofMap(texts("en", "Review", "az", "İcmal"));
    LocalizedText after =
        MeetingTexts.changed(
            "title",
            before,
            texts("az", "İllik icmal"),
            AZ_EN,
            300,
            false,
            UnaryOperator.identity());
    assertThat(after.values()).isEqualTo(Map.of("en", "Review", "az", "İllik icmal"));
    LocalizedText dropped =
        MeetingTexts.changed(
            "title", before, texts("az", ""), AZ_EN, 300, false, UnaryOperator.identity());
    assertThat(dropped.values()).isEqualTo(Map.of("en", "Review"));
    assertThat(
            refused(
                () ->
                    MeetingTexts.changed(
                        "title",
                        before,
                        texts("en", " "),
                        AZ_EN,
                        300,
                        false,
                        UnaryOperator.identity())))
        .isEqualTo("title.en");
  }

  @Test
  void aMeetingsMinutesInEachLanguageAreSanitizedAndMayBeClearedButNotLeftWithoutTheSource() {
    Meeting planned = MeetingTest.planned();
    Meeting after =
        planned
            .change(
                new MeetingChange(
                    3L,
                    texts("az", "İllik iclas"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    texts("az", "<p>Razılaşdırıldı</p><script>x()</script>")),
                AZ_EN,
                NOW)
            .meeting();
    assertThat(after.title().values())
        .isEqualTo(Map.of("en", "Annual meeting", "az", "İllik iclas"));
    assertThat(after.minutes().values())
        .isEqualTo(Map.of("en", "<p>Opened</p>", "az", "<p>Razılaşdırıldı</p>"));

    Meeting cleared =
        after
            .change(
                new MeetingChange(
                    3L, null, null, null, null, null, null, null, texts("en", "", "az", "")),
                AZ_EN,
                NOW)
            .meeting();
    assertThat(cleared.minutes().isEmpty()).isTrue();
    assertThat(
            refused(
                () ->
                    after.change(
                        new MeetingChange(
                            3L, null, null, null, null, null, null, null, texts("en", "")),
                        AZ_EN,
                        NOW)))
        .isEqualTo("minutes.en");
    assertThat(
            refused(
                () ->
                    after.change(
                        new MeetingChange(
                            3L, texts("fr", "Réunion"), null, null, null, null, null, null, null),
                        AZ_EN,
                        NOW)))
        .isEqualTo("title.fr");
  }

  @Test
  void anActionItemsTitleIsInTheLanguagesOfItsCharter() {
    ActionItem.New item =
        ActionItem.of(
            new ActionItemInput(
                texts("en", "Publish the tender", "uk", "Оголосити тендер"),
                "Org",
                null,
                LocalDate.parse("2027-03-31")),
            EN_UK,
            o -> true,
            u -> true);
    assertThat(item.title().values()).containsEntry("uk", "Оголосити тендер");
    assertThat(
            refused(
                () ->
                    ActionItem.of(
                        new ActionItemInput(
                            texts("en", "Publish", "az", "Dərc et"),
                            "Org",
                            null,
                            LocalDate.parse("2027-03-31")),
                        EN_UK,
                        o -> true,
                        u -> true)))
        .isEqualTo("title.az");
  }
}

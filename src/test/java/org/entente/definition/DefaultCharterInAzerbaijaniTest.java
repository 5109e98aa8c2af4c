package org.entente.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.charter.CharterContent;
import org.entente.shared.LocalizedText;
import org.junit.jupiter.api.Test;

/**
 * The default charter reads in Azerbaijani: every text a person reads has an Azerbaijani text,
 * written in the Azerbaijani Latin alphabet, marked as a working translation; the source quotes
 * stay the English sentences they quote.
 */
class DefaultCharterInAzerbaijaniTest {

  private final Definition definition =
      new DefinitionReader().read("az-us-2026.yaml", DefinitionFixtures.azerbaijanUnitedStates());

  @Test
  void everyTextOfTheDefaultCharterHasAnAzerbaijaniText() {
    Map<String, LocalizedText> texts = texts(definition);
    assertThat(texts).hasSizeGreaterThan(150);
    assertThat(texts.entrySet())
        .filteredOn(e -> e.getValue().values().getOrDefault("az", "").isBlank())
        .extracting(Map.Entry::getKey)
        .as("texts without Azerbaijani")
        .isEmpty();
  }

  @Test
  void theAzerbaijaniTextsAreMarkedAsAWorkingTranslationAndTheQuotesAsEnglish() {
    CharterContent charter = definition.charter();
    assertThat(charter.workingTranslations()).containsExactly("az");
    assertThat(charter.quoteLanguage()).isEqualTo("en");
    // the quotes are the announcement's English sentences, never translated
    assertThat(charter.commitments())
        .allSatisfy(c -> assertThat(c.source().quote()).isNotBlank().doesNotContain("ə", "ş"));
    assertThat(charter.articles())
        .flatExtracting(CharterContent.Article::clauses)
        .allSatisfy(c -> assertThat(c.source().quote()).isNotBlank().doesNotContain("ə", "ş"));
  }

  @Test
  void everyAzerbaijaniTextOfTheDefaultCharterUsesTheAzerbaijaniAlphabetOnly() {
    Map<String, LocalizedText> texts = texts(definition);
    Map<String, String> foreign = new LinkedHashMap<>();
    texts.forEach(
        (where, text) -> {
          String az = text.values().get("az");
          if (az == null) {
            foreign.put(where, "(no Azerbaijani text)");
          } else if (!Alphabets.foreignLetters("az", az).isEmpty()) {
            foreign.put(where, String.join(" ", Alphabets.foreignLetters("az", az)));
          }
        });
    assertThat(foreign).as("Azerbaijani texts with letters outside the alphabet").isEmpty();
  }

  @Test
  void anAzerbaijaniTextWithALetterOutsideTheAlphabetIsRefusedWithItsLine() {
    String text = DefinitionFixtures.azerbaijanUnitedStates();
    String wrong = text.replaceFirst("az: Vaşinqton Sülh Sammitinin Bəyannaməsi", "az: Washington");
    assertThat(wrong).isNotEqualTo(text);
    assertThatThrownBy(() -> new DefinitionReader().read("az-us-2026.yaml", wrong))
        .isInstanceOf(DefinitionException.class)
        .satisfies(
            e ->
                assertThat(((DefinitionException) e).problems())
                    .extracting(DefinitionProblem::toString)
                    .singleElement()
                    .asString()
                    .contains("foundation-documents[1].title.az")
                    .contains("letters outside its alphabet: W"));
  }

  @Test
  void aWorkingTranslationMustBeOneOfTheCharterLanguagesAndNotTheTextLanguage() {
    String text = DefinitionFixtures.azerbaijanUnitedStates();
    String foreign = text.replace("    az: working\n", "    fr: working\n");
    String own = text.replace("    az: working\n", "    en: working\n");
    assertThatThrownBy(() -> new DefinitionReader().read("a.yaml", foreign))
        .hasMessageContaining("charter.translations.fr")
        .hasMessageContaining("'fr' is not one of the charter's languages");
    assertThatThrownBy(() -> new DefinitionReader().read("a.yaml", own))
        .hasMessageContaining("charter.translations.en")
        .hasMessageContaining("'en' is the text-language");
  }

  /** Every text of the definition a person reads, by where it is; quotes are not texts. */
  static Map<String, LocalizedText> texts(Definition definition) {
    CharterContent c = definition.charter();
    Map<String, LocalizedText> texts = new LinkedHashMap<>();
    texts.put("charter.title", c.title());
    texts.put("charter.short-title", c.shortTitle());
    texts.put("charter.summary", c.summary());
    texts.put("charter.reading", c.reading());
    texts.put("charter.signed-at", c.signedAt());
    c.parties()
        .forEach(
            p -> {
              texts.put("party " + p.key() + " official-name", p.officialName());
              texts.put("party " + p.key() + " short-name", p.shortName());
              texts.put("party " + p.key() + " signatory", p.signatory());
            });
    c.foundationDocuments()
        .forEach(
            d -> {
              texts.put("document " + d.key() + " title", d.title());
              texts.put("document " + d.key() + " place", d.place());
              texts.put("document " + d.key() + " summary", d.summary());
            });
    c.principles().forEach(p -> texts.put("principle " + p.key(), p.text()));
    c.articles()
        .forEach(
            a -> {
              texts.put("article " + a.key() + " title", a.title());
              a.clauses().forEach(cl -> texts.put("clause " + cl.key(), cl.text()));
            });
    c.areas()
        .forEach(
            a -> {
              texts.put("area " + a.key() + " name", a.name());
              texts.put("area " + a.key() + " description", a.description());
            });
    c.commitments()
        .forEach(
            m -> {
              texts.put("commitment " + m.key() + " title", m.title());
              texts.put("commitment " + m.key() + " action", m.action());
            });
    c.workingGroups()
        .forEach(
            g -> {
              texts.put("group " + g.key() + " name", g.name());
              texts.put("group " + g.key() + " description", g.description());
              g.coChairs().forEach((p, t) -> texts.put("group " + g.key() + " co-chair " + p, t));
            });
    c.dialoguePlatforms()
        .forEach(
            p -> {
              texts.put("platform " + p.key() + " name", p.name());
              texts.put("platform " + p.key() + " purpose", p.purpose());
            });
    c.history()
        .forEach(
            h -> {
              texts.put("history " + h.key() + " title", h.title());
              if (!h.description().isEmpty()) {
                texts.put("history " + h.key() + " description", h.description());
              }
            });
    definition.rules().forEach(r -> texts.put("obligation " + r.key(), r.title()));
    return texts;
  }
}

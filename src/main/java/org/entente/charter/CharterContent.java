package org.entente.charter;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.entente.shared.Source;

/**
 * Everything a definition says about one charter, already validated: every key is unique in its
 * kind and every reference resolves. {@link Charters#synchronize} stores it.
 *
 * <p>{@code translations} names how each language other than the text-language is held ({@link
 * #WORKING} or {@link #OFFICIAL}); {@code quoteLanguage} is the language every source quote is
 * quoted in, verbatim. {@code partyOrder} is the alternat: for each language it names, the party
 * keys in the order that language names the parties; a language it does not name follows the order
 * of {@code parties}.
 */
public record CharterContent(
    String key,
    LocalizedText title,
    LocalizedText shortTitle,
    LocalizedText summary,
    LocalizedText reading,
    LocalizedText signedAt,
    LocalDate signedOn,
    List<String> languages,
    String textLanguage,
    Map<String, String> translations,
    String quoteLanguage,
    Map<String, List<String>> partyOrder,
    Source source,
    Classification classification,
    String definitionName,
    String definitionSha256,
    List<Party> parties,
    List<FoundationDocument> foundationDocuments,
    List<Principle> principles,
    List<Article> articles,
    List<Area> areas,
    List<Commitment> commitments,
    List<WorkingGroup> workingGroups,
    List<DialoguePlatform> dialoguePlatforms,
    List<HistoryEntry> history) {

  /** A language whose texts are a working translation, not an authentic text. */
  public static final String WORKING = "working";

  /** A language whose texts are an official, authentic text. */
  public static final String OFFICIAL = "official";

  public CharterContent {
    translations = Map.copyOf(translations);
    partyOrder =
        partyOrder == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(partyOrder));
  }

  /** The languages whose texts are working translations, in the order of {@code languages}. */
  public List<String> workingTranslations() {
    return languages.stream().filter(l -> WORKING.equals(translations.get(l))).toList();
  }

  public record Party(
      String key,
      LocalizedText officialName,
      LocalizedText shortName,
      LocalizedText signatory,
      List<String> timeZones) {

    public Party {
      timeZones = timeZones == null ? List.of() : List.copyOf(timeZones);
    }
  }

  public record FoundationDocument(
      String key,
      LocalizedText title,
      LocalizedText place,
      LocalizedText summary,
      LocalDate date,
      Source source) {}

  public record Principle(String key, LocalizedText text, Source source) {}

  public record Article(String key, String number, LocalizedText title, List<Clause> clauses) {}

  public record Clause(String key, String number, LocalizedText text, Source source) {}

  public record Area(String key, LocalizedText name, LocalizedText description) {}

  public record Commitment(
      String key,
      LocalizedText title,
      LocalizedText action,
      String clause,
      List<String> areas,
      Source source,
      Classification classification) {}

  public record WorkingGroup(
      String key,
      LocalizedText name,
      LocalizedText description,
      List<String> areas,
      Map<String, LocalizedText> coChairs,
      boolean restricted,
      Source source,
      Classification classification) {}

  public record DialoguePlatform(
      String key,
      LocalizedText name,
      LocalizedText purpose,
      List<String> areas,
      String status,
      Source source,
      Classification classification) {}

  public record HistoryEntry(
      String key,
      LocalDate date,
      String kind,
      LocalizedText title,
      LocalizedText description,
      String subject,
      String deliverable,
      Source source) {}
}

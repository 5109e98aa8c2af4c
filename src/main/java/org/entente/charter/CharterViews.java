package org.entente.charter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.entente.shared.Source;

/** What the charter module answers with: read models, never its stored rows. */
public final class CharterViews {

  private CharterViews() {}

  /**
   * A charter in a list. {@code workingTranslations} are the languages whose texts are working
   * translations, not authentic texts; {@code quoteLanguage} is the language the source quotes are
   * quoted in, verbatim; {@code partyOrder} is the alternat, the party keys in the order each
   * language it names names the parties (a language it does not name follows the parties' order).
   */
  public record CharterSummary(
      UUID id,
      String key,
      LocalizedText title,
      LocalizedText shortTitle,
      LocalDate signedOn,
      LocalizedText signedAt,
      List<String> languages,
      Classification classification,
      String definitionName,
      Instant loadedAt,
      List<String> workingTranslations,
      String quoteLanguage,
      Map<String, List<String>> partyOrder) {

    public CharterSummary {
      partyOrder = partyOrder == null ? Map.of() : partyOrder;
    }

    /** Whether the charter's texts in this language are a working translation. */
    public boolean workingTranslation(String language) {
      return workingTranslations.contains(language);
    }

    /**
     * These, ordered as this language names the parties: by the position of their party's key in
     * the language's order, those of a party it does not name after, as they were; unchanged when
     * the definition gives this language no order.
     */
    public <T> List<T> inPartyOrder(
        List<T> items, java.util.function.Function<T, String> party, String language) {
      List<String> order = partyOrder.getOrDefault(language, List.of());
      if (order.isEmpty()) {
        return items;
      }
      return items.stream()
          .sorted(
              java.util.Comparator.comparingInt(
                  (T item) -> {
                    int at = order.indexOf(party.apply(item));
                    return at < 0 ? order.size() : at;
                  }))
          .toList();
    }

    /** The group's co-chairs, in the order this language names the parties. */
    public List<CoChairView> coChairsIn(WorkingGroupView group, String language) {
      return inPartyOrder(group.coChairs(), CoChairView::party, language);
    }
  }

  /**
   * A party; {@code timeZones} are the IANA zones its officials see times in, the first the one
   * they see by default (none when the definition names none).
   */
  public record PartyView(
      String key,
      LocalizedText officialName,
      LocalizedText shortName,
      LocalizedText signatory,
      List<String> timeZones) {

    public PartyView {
      timeZones = timeZones == null ? List.of() : List.copyOf(timeZones);
    }

    /** The zone its officials see times in by default, or null. */
    public String timeZone() {
      return timeZones.isEmpty() ? null : timeZones.get(0);
    }

    /** The zones as the party table stores them: names joined by commas, or null for none. */
    static List<String> zones(String stored) {
      return stored == null || stored.isBlank() ? List.of() : List.of(stored.split(","));
    }
  }

  public record FoundationDocumentView(
      String key,
      LocalizedText title,
      LocalDate date,
      LocalizedText place,
      LocalizedText summary,
      Source source) {}

  public record PrincipleView(String key, LocalizedText text, Source source) {}

  public record ClauseView(
      String key,
      String number,
      LocalizedText text,
      Source source,
      String articleKey,
      String articleNumber,
      LocalizedText articleTitle) {}

  public record ArticleView(
      String key, String number, LocalizedText title, List<ClauseView> clauses) {}

  public record AreaView(String key, LocalizedText name, LocalizedText description) {}

  /** A reference to another record: its key and its name, enough for a link. */
  public record Ref(String key, LocalizedText name) {}

  public record CommitmentView(
      UUID id,
      String key,
      LocalizedText title,
      LocalizedText action,
      ClauseView clause,
      List<Ref> areas,
      List<Ref> workingGroups,
      Source source,
      Classification classification) {}

  public record CoChairView(String party, LocalizedText office) {}

  public record WorkingGroupView(
      UUID id,
      String key,
      LocalizedText name,
      LocalizedText description,
      List<Ref> areas,
      List<CoChairView> coChairs,
      boolean restricted,
      Source source,
      Classification classification) {}

  public record DialoguePlatformView(
      UUID id,
      String key,
      LocalizedText name,
      LocalizedText purpose,
      List<Ref> areas,
      String status,
      Source source,
      Classification classification) {}

  public record HistoryEntryView(
      String key,
      LocalDate date,
      String kind,
      LocalizedText title,
      LocalizedText description,
      String subject,
      String deliverable,
      Source source) {}

  /** An area with what the charter commits to in it and the groups that carry it. */
  public record AreaOverview(
      AreaView area, List<CommitmentView> commitments, List<Ref> workingGroups) {}

  /** Everything the overview page shows about one charter. */
  public record CharterOverview(
      CharterSummary charter,
      LocalizedText summary,
      LocalizedText reading,
      Source source,
      List<PartyView> parties,
      List<FoundationDocumentView> foundationDocuments,
      List<PrincipleView> principles,
      List<AreaOverview> areas,
      List<WorkingGroupView> workingGroups,
      List<DialoguePlatformView> dialoguePlatforms,
      List<HistoryEntryView> history) {

    /**
     * The parties in the order this language names them (the alternat of the definition), the
     * parties' own order where it gives none. {@link #parties()} stays in the parties' own order:
     * what the two parties agree on is never reordered by who reads it.
     */
    public List<PartyView> partiesIn(String language) {
      return charter.inPartyOrder(parties, PartyView::key, language);
    }
  }

  /** A working group and its charter, without its commitments: what a list of its records needs. */
  public record WorkingGroupInCharter(CharterSummary charter, WorkingGroupView group) {}

  /** A working group with the commitments of the areas it covers. */
  public record WorkingGroupDetail(
      CharterSummary charter, WorkingGroupView group, List<CommitmentView> commitments) {}

  /** How one synchronization went, counted by record. */
  public record SyncReport(
      String charterKey, boolean unchanged, int created, int updated, int retired) {}
}

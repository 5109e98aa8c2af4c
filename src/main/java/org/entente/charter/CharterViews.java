package org.entente.charter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
   * quoted in, verbatim.
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
      String quoteLanguage) {

    /** Whether the charter's texts in this language are a working translation. */
    public boolean workingTranslation(String language) {
      return workingTranslations.contains(language);
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
      List<HistoryEntryView> history) {}

  /** A working group and its charter, without its commitments: what a list of its records needs. */
  public record WorkingGroupInCharter(CharterSummary charter, WorkingGroupView group) {}

  /** A working group with the commitments of the areas it covers. */
  public record WorkingGroupDetail(
      CharterSummary charter, WorkingGroupView group, List<CommitmentView> commitments) {}

  /** How one synchronization went, counted by record. */
  public record SyncReport(
      String charterKey, boolean unchanged, int created, int updated, int retired) {}
}

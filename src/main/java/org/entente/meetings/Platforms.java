package org.entente.meetings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.charter.CharterViews.DialoguePlatformView;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.concurrence.Agreements;
import org.entente.concurrence.Concurrence;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.entente.shared.TextLanguages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dialogue platforms made in the application, a joint matter of the two parties (clause 8.3,
 * decision 0034): one party proposes a platform, which exists as proposed (seen by the officials of
 * both parties, never public, taking no meetings); it is established when both parties approve the
 * same version through the agreement workflow ({@link PlatformSubject}). A party-internal platform
 * is its party's own, established at once.
 */
@Service
@Transactional(readOnly = true)
public class Platforms {

  /** The subject type of a platform's agreement. */
  public static final String TYPE = "dialogue-platform";

  /** A platform's status until both parties agreed to establish it. */
  public static final String PROPOSED = "proposed";

  private final Charters charters;
  private final Agreements agreements;
  private final Concurrence concurrence;
  private final Clock clock;
  private final org.entente.identity.Viewers viewers;

  Platforms(
      Charters charters,
      Agreements agreements,
      Concurrence concurrence,
      Clock clock,
      org.entente.identity.Viewers viewers) {
    this.viewers = viewers;
    this.charters = charters;
    this.agreements = agreements;
    this.concurrence = concurrence;
    this.clock = clock;
  }

  /**
   * A platform as the API and pages show it, with where its agreement stands.
   *
   * @param status {@code proposed} until both parties agreed it, then {@code established}
   * @param note what its state means, for people: null once established
   * @param awaiting the parties whose approval of the current version it waits for
   * @param agreement the agreement to establish it; null for a platform that never needed one
   */
  public record PlatformView(
      String key,
      LocalizedText name,
      LocalizedText purpose,
      String status,
      Classification classification,
      String note,
      List<String> awaiting,
      AgreementView agreement) {}

  /**
   * Proposes a platform both parties share, and submits its first version for their agreement; a
   * party-internal one is established at once.
   *
   * @param name by language of the charter, or a plain string in its text language
   * @param purpose likewise, optional
   * @throws org.entente.shared.BadRequestException for a missing or taken key, or a missing name
   * @throws org.entente.shared.ForbiddenException when the viewer is not an official who may write
   *     for the charter
   */
  @Transactional
  public PlatformView propose(
      CharterKey charterKey,
      String key,
      Object name,
      Object purpose,
      String classification,
      Viewer viewer) {
    DialoguePlatformView made =
        charters.establishPlatform(
            charterKey,
            key,
            texts(charterKey, "name", name),
            texts(charterKey, "purpose", purpose),
            classification,
            viewer);
    charters.keepPlatformTranslationSources(
        charterKey,
        made.key(),
        PlatformTexts.none()
            .afterEdit(
                LocalizedText.empty(),
                LocalizedText.empty(),
                made.name(),
                made.purpose(),
                textLanguage(charterKey),
                clock.instant())
            .toJson());
    if (PROPOSED.equals(made.status())) {
      agreements.submit(TYPE, charterKey, made.key(), viewer);
    }
    return view(charterKey, made.key(), viewer);
  }

  /**
   * Changes a proposed platform: its agreement gets a new version, which both parties approve again
   * (their approvals of the earlier one are withdrawn).
   *
   * @param version the version of its agreement the change was made on
   * @throws org.entente.shared.ConflictException when that is no longer the current version
   */
  @Transactional
  public PlatformView revise(
      CharterKey charterKey, String key, Object name, Object purpose, Long version, Viewer viewer) {
    Map<String, String> names = texts(charterKey, "name", name);
    Map<String, String> purposes = texts(charterKey, "purpose", purpose);
    PlatformView before = view(charterKey, key, viewer);
    if (version == null) {
      throw new org.entente.shared.BadRequestException(
          "version", "say which version of the proposal you change");
    }
    if (before.agreement() != null && before.agreement().currentVersion() != version) {
      throw new org.entente.shared.ConflictException(
          "dialogue platform proposal", before.agreement().currentVersion());
    }
    PlatformTexts states = texts(charterKey, key);
    charters.reviseProposedPlatform(charterKey, key, names, purposes, viewer);
    charters.keepPlatformTranslationSources(
        charterKey,
        key,
        states
            .afterEdit(
                before.name(),
                before.purpose(),
                LocalizedText.stripped(names),
                LocalizedText.stripped(purposes),
                textLanguage(charterKey),
                clock.instant())
            .toJson());
    agreements.submit(TYPE, charterKey, key, viewer);
    return view(charterKey, key, viewer);
  }

  /**
   * A name or purpose as sent (decision 0036): by language, or a plain string in the charter's text
   * language, as before platforms' texts had languages; refused, naming the field, before any
   * platform is looked up, when it is neither or names a language the charter does not declare.
   */
  private Map<String, String> texts(CharterKey charterKey, String field, Object sent) {
    LanguagesOfCharter charter =
        charters.languages(charterKey).orElse(new LanguagesOfCharter(List.of("en"), "en"));
    Map<String, String> texts = TextLanguages.read(field, sent, charter.textLanguage());
    TextLanguages.require(field, LocalizedText.ofMap(texts), charter.languages(), null);
    return texts;
  }

  /**
   * A platform the viewer may see, with its agreement.
   *
   * @throws org.entente.shared.NotFoundException when there is none the viewer may see
   */
  public PlatformView view(CharterKey charterKey, String key, Viewer viewer) {
    return view(charterKey, charters.platform(charterKey, key, viewer), viewer);
  }

  /** The agreements on the charter's platforms the viewer sees, by platform key. */
  public Map<String, AgreementView> agreements(CharterKey charterKey, Viewer viewer) {
    Map<String, AgreementView> found = new LinkedHashMap<>();
    for (DialoguePlatformView p : charters.platforms(charterKey, viewer)) {
      concurrence
          .find(TYPE, subjectKey(charterKey, p.key()), viewer)
          .ifPresent(a -> found.put(p.key(), a));
    }
    return found;
  }

  private PlatformView view(CharterKey charterKey, DialoguePlatformView p, Viewer viewer) {
    AgreementView agreement =
        concurrence.find(TYPE, subjectKey(charterKey, p.key()), viewer).orElse(null);
    boolean proposed = PROPOSED.equals(p.status());
    List<String> awaiting =
        agreement == null || !proposed
            ? List.of()
            : agreement.parties().stream().filter(agreement::awaits).toList();
    return new PlatformView(
        p.key(),
        p.name(),
        p.purpose(),
        p.status(),
        p.classification(),
        proposed ? "proposed — awaiting the other party's approval" : null,
        awaiting,
        agreement);
  }

  /**
   * Whether a platform's text in one language is official or a working translation.
   *
   * @param official true when the platform's agreed version holds exactly this language's name and
   *     purpose as they are now
   */
  public record LanguageStanding(String language, boolean official) {}

  /**
   * Each language a platform made in the application has a name in, official when both parties
   * agreed a version holding exactly its texts as they are now (the fingerprint of the platform as
   * it is is the one they last agreed: an agreed platform is established, and an established one no
   * longer changes), else a working translation (a proposal not agreed yet has none official).
   * Empty for a platform of the definition (its texts are marked by the definition, {@code
   * charter.translations}) and for a viewer who may not see the platform's agreement.
   */
  public List<LanguageStanding> standing(String charterKey, DialoguePlatformView platform) {
    Viewer viewer = viewers.current();
    CharterKey charter = CharterKey.of(charterKey);
    AgreementView agreement =
        concurrence.find(TYPE, subjectKey(charter, platform.key()), viewer).orElse(null);
    if (agreement == null) {
      return List.of();
    }
    String now =
        Concurrence.fingerprint(
            PlatformSubject.canonical(
                new Charters.ProposedPlatform(
                    platform.id(),
                    charterKey,
                    platform.key(),
                    platform.name(),
                    platform.purpose() == null ? LocalizedText.empty() : platform.purpose(),
                    platform.classification().code())));
    boolean agreed =
        !agreement.agreedVersions().isEmpty()
            && agreement
                .agreedVersions()
                .get(agreement.agreedVersions().size() - 1)
                .fingerprint()
                .equals(now);
    return platform.name().values().keySet().stream()
        .map(language -> new LanguageStanding(language, agreed))
        .toList();
  }

  private String textLanguage(CharterKey charterKey) {
    return charters.languages(charterKey).map(LanguagesOfCharter::textLanguage).orElse("en");
  }

  /** Where the translations of a platform's texts stand (its charter's text language if none). */
  PlatformTexts texts(CharterKey charterKey, String key) {
    return PlatformTexts.fromJson(
        charters.platformTranslationSources(charterKey, key).orElse(null),
        textLanguage(charterKey));
  }

  /** Who acts for a party on a proposed platform: a coordinator or co-chair of the party. */
  public static boolean mayAct(Viewer viewer) {
    return viewer.official()
        && !viewer.operator()
        && (viewer.has(Role.COORDINATOR) || viewer.has(Role.CO_CHAIR));
  }

  /** The key of a platform's agreement: the charter's and the platform's keys. */
  static String subjectKey(CharterKey charterKey, String platformKey) {
    return charterKey.value() + "/" + platformKey;
  }
}

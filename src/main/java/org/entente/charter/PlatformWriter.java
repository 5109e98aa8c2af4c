package org.entente.charter;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.TextLanguages;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dialogue platforms made in the application (clause 8.3): their rules and their row. A platform
 * both parties share (bilateral) is only proposed here: it is established when both parties agree
 * it through the agreement workflow (meetings' platform subject, decision 0034); a party-internal
 * one is its party's own and established at once. Runs in the caller's transaction ({@link
 * Charters#establishPlatform}).
 */
final class PlatformWriter {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Audit audit;

  PlatformWriter(JdbcClient jdbc, Clock clock, Audit audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Stores a new platform of the charter: proposed when both parties share it (status {@code
   * ENVISAGED}, seen by the officials of both parties), established when it is party-internal. Like
   * every platform made in the application, its row names no group: the officials it is open to see
   * it.
   *
   * @throws BadRequestException for a missing or taken key, or a missing name
   * @throws ForbiddenException when the viewer is not an official who may write for the charter
   */
  void establish(
      CharterSummary charter,
      String key,
      LocalizedText name,
      LocalizedText purpose,
      String classification,
      Viewer viewer) {
    if (!viewer.mayWriteInFramework()) {
      throw new ForbiddenException(null, "only officials of the parties establish platforms");
    }
    if (key == null || !key.matches("[a-z0-9][a-z0-9-]{1,63}")) {
      throw new BadRequestException(
          "key", "key must have 2 to 64 lower-case letters, digits and hyphens");
    }
    checkText(name, purpose, charter.languages());
    Classification given = viewer.classificationToGive(classification);
    if (jdbc.sql("select count(*) from dialogue_platform where charter_id = ? and code = ?")
            .params(charter.id(), key)
            .query(Long.class)
            .single()
        > 0) {
      throw new BadRequestException("key", "the key '" + key + "' is taken by another platform");
    }
    boolean proposed = given != Classification.PARTY_INTERNAL;
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    int position =
        jdbc.sql(
                "select coalesce(max(position), -1) + 1 from dialogue_platform where charter_id = ?")
            .param(charter.id())
            .query(Integer.class)
            .single();
    jdbc.sql(
            "insert into dialogue_platform (id, charter_id, code, name, purpose, status, position,"
                + " classification, origin_party, established_in_app, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?)")
        .params(
            id,
            charter.id(),
            key,
            name.toJson(),
            purpose.isEmpty() ? null : purpose.toJson(),
            proposed ? "ENVISAGED" : "ESTABLISHED",
            position,
            given.name(),
            given == Classification.PARTY_INTERNAL ? viewer.party() : null,
            now,
            now)
        .update();
    audit.record(
        proposed ? "dialogue-platform.proposed" : "dialogue-platform.established",
        "dialogue_platform",
        id.toString(),
        Outcome.SUCCESS,
        Map.of("charter", charter.key(), "key", key, "classification", given.code()));
  }

  /**
   * A platform's name and purpose, as people write them: in the languages of its charter (decision
   * 0036), a name of 1 to 300 characters in one of them at least, a purpose of at most 2000.
   */
  private static void checkText(
      LocalizedText name, LocalizedText purpose, java.util.List<String> declared) {
    if (name.isEmpty()
        || name.values().values().stream().anyMatch(n -> n.isBlank() || n.length() > 300)) {
      throw new BadRequestException("name", "name must have 1 to 300 characters");
    }
    if (purpose.values().values().stream().anyMatch(p -> p.length() > 2000)) {
      throw new BadRequestException("purpose", "purpose must have at most 2000 characters");
    }
    TextLanguages.require("name", name, declared, null);
    TextLanguages.require("purpose", purpose, declared, null);
  }

  /**
   * Changes the name and purpose of a proposed platform, in the languages of its charter.
   *
   * @throws BadRequestException for a missing name
   * @throws ForbiddenException when the viewer is not an official who may write for the charter
   */
  void revise(
      Charters.ProposedPlatform platform,
      LocalizedText name,
      LocalizedText purpose,
      java.util.List<String> declared,
      Viewer viewer) {
    if (!viewer.mayWriteInFramework()) {
      throw new ForbiddenException(null, "only officials of the parties change a proposal");
    }
    checkText(name, purpose, declared);
    jdbc.sql(
            "update dialogue_platform set name = ?, purpose = ?, version = version + 1,"
                + " updated_at = ? where id = ? and status = 'ENVISAGED'")
        .params(
            name.toJson(),
            purpose.isEmpty() ? null : purpose.toJson(),
            OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC),
            platform.id())
        .update();
    audit.record(
        "dialogue-platform.revised",
        "dialogue_platform",
        platform.id().toString(),
        Outcome.SUCCESS,
        Map.of("charter", platform.charter(), "key", platform.key()));
  }

  /**
   * Where the translations of a platform's name and purpose stand, as the meetings module keeps
   * them (decision 0037, V37): an opaque JSON text here, null when none is kept.
   */
  Optional<String> translationSources(UUID charterId, String key) {
    return jdbc.sql(
            "select translation_sources from dialogue_platform where charter_id = ? and code = ?")
        .params(charterId, key)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
        .optional()
        .flatMap(o -> o);
  }

  /**
   * Keeps where the translations of a platform's texts stand, in the transaction of the change of
   * its texts: bookkeeping beside them, not a change of the platform.
   */
  void keepTranslationSources(UUID charterId, String key, String sources) {
    jdbc.sql(
            "update dialogue_platform set translation_sources = ? where charter_id = ? and code = ?")
        .params(sources, charterId, key)
        .update();
  }

  /**
   * Saves a translation of a proposed platform's name or purpose, with its texts' states, and
   * audits it ({@code dialogue-platform.translated}).
   *
   * @throws org.entente.shared.StateConflictException when it is no proposal (any more)
   */
  void translate(
      Charters.ProposedPlatform platform,
      LocalizedText name,
      LocalizedText purpose,
      String sources,
      String text,
      String language) {
    int changed =
        jdbc.sql(
                "update dialogue_platform set name = ?, purpose = ?, translation_sources = ?,"
                    + " version = version + 1, updated_at = ? where id = ? and status = 'ENVISAGED'")
            .params(
                name.toJson(),
                purpose.isEmpty() ? null : purpose.toJson(),
                sources,
                OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC),
                platform.id())
            .update();
    if (changed == 0) {
      throw new org.entente.shared.StateConflictException(
          "Not proposed",
          "the dialogue platform '" + platform.key() + "' is established: no proposal",
          Map.of());
    }
    audit.record(
        "dialogue-platform.translated",
        "dialogue_platform",
        platform.id().toString(),
        Outcome.SUCCESS,
        Map.of(
            "charter",
            platform.charter(),
            "key",
            platform.key(),
            "text",
            text,
            "language",
            language,
            "length",
            (text.endsWith("-name") ? name : purpose)
                .values()
                .getOrDefault(language, "")
                .length()));
  }

  /** A platform proposed in the application and not yet established, whoever asks. */
  Optional<Charters.ProposedPlatform> proposed(UUID charterId, CharterKey charter, String key) {
    return jdbc.sql(
            "select id, code, name, purpose, classification from dialogue_platform"
                + " where charter_id = ? and code = ? and established_in_app"
                + " and status = 'ENVISAGED' and retired = false")
        .params(charterId, key)
        .query(
            (rs, n) ->
                new Charters.ProposedPlatform(
                    rs.getObject("id", UUID.class),
                    charter.value(),
                    rs.getString("code"),
                    LocalizedText.fromJson(rs.getString("name")),
                    rs.getString("purpose") == null
                        ? LocalizedText.empty()
                        : LocalizedText.fromJson(rs.getString("purpose")),
                    Classification.valueOf(rs.getString("classification")).code()))
        .optional();
  }

  /**
   * Establishes a proposed platform both parties agreed: it then takes members and meetings like a
   * working group.
   */
  void establishAgreed(Charters.ProposedPlatform platform, int agreedVersion) {
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    int changed =
        jdbc.sql(
                "update dialogue_platform set status = 'ESTABLISHED', version = version + 1,"
                    + " updated_at = ? where id = ? and status = 'ENVISAGED'")
            .params(now, platform.id())
            .update();
    if (changed > 0) {
      audit.record(
          "dialogue-platform.established",
          "dialogue_platform",
          platform.id().toString(),
          Outcome.SUCCESS,
          Map.of(
              "charter", platform.charter(),
              "key", platform.key(),
              "agreedVersion", agreedVersion));
    }
  }
}

package org.entente.translations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.translations.TranslatableTexts.Translatable;
import org.entente.translations.Translations.Queue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The translation workflow as JSON: the same as its pages (the queue, the editor, the save). */
@RestController
@Tag(
    name = "Translations",
    description =
        "What awaits translation into a language of the charter, a text beside its source, and"
            + " saving a translation against the version read")
class TranslationApi {

  private final Translations translations;

  TranslationApi(Translations translations) {
    this.translations = translations;
  }

  /** A translation as sent: the text in the language, and the version it was made against. */
  record TranslationInput(String text, Long version) {}

  @GetMapping(
      path = "/api/charters/{charter}/translations/{language}",
      produces = "application/json")
  @Operation(
      summary = "What awaits translation into a language of the charter",
      description =
          "The texts the caller may see whose translation into the language is missing or out"
              + " of date (the source changed after it was translated), missing first.",
      security = @SecurityRequirement(name = "personal-access-token"))
  Queue queue(@PathVariable String charter, @PathVariable String language, Viewer viewer) {
    return translations.queue(CharterKey.inPath(charter), language, viewer);
  }

  @GetMapping(path = "/api/translations/{subject}/{key}/{language}", produces = "application/json")
  @Operation(
      summary = "A text beside its source, with where its translation into the language stands",
      security = @SecurityRequirement(name = "personal-access-token"))
  Translatable text(
      @PathVariable String subject,
      @PathVariable String key,
      @PathVariable String language,
      Viewer viewer) {
    return translations.text(subject, key, language, viewer);
  }

  @PutMapping(
      path = "/api/translations/{subject}/{key}/{language}",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Save the translation of a text into a language, against the version read",
      description =
          "`version` is the record's version read (a changed record answers 409 with the current"
              + " one); the translation is then made from the source text as it is now. A"
              + " translation stays a working translation until both parties agree a version of"
              + " the record (for a joint statement, both co-chairs approve a version, which covers"
              + " every language at once).",
      security = @SecurityRequirement(name = "personal-access-token"))
  Translatable save(
      @PathVariable String subject,
      @PathVariable String key,
      @PathVariable String language,
      @RequestBody TranslationInput input,
      Viewer viewer) {
    if (input == null) {
      throw new BadRequestException(null, "a translation is required");
    }
    return translations.save(subject, key, language, input.text(), input.version(), viewer);
  }
}

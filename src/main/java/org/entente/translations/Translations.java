package org.entente.translations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.entente.translations.TranslatableTexts.Awaiting;
import org.entente.translations.TranslatableTexts.Translatable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The translation workflow's one entry point: what awaits translation into a language of a charter,
 * one text beside its source, and saving a translation, for every kind of text a module registered
 * ({@link TranslatableTexts}).
 */
@Service
@Transactional(readOnly = true)
public class Translations {

  private final Map<String, TranslatableTexts> kinds;
  private final Charters charters;

  Translations(List<TranslatableTexts> kinds, Charters charters) {
    this.kinds =
        kinds.stream()
            .collect(Collectors.toUnmodifiableMap(TranslatableTexts::subject, Function.identity()));
    this.charters = charters;
  }

  /**
   * What awaits translation into a language of a charter.
   *
   * @param language the language a translation is awaited in
   * @param languages every language of the charter, for choosing another one
   * @param items the texts the viewer may see awaiting it, the missing first, then by title
   */
  public record Queue(
      String charterKey, String language, List<String> languages, List<Awaiting> items) {}

  /**
   * What awaits translation into a language of a charter, as far as the viewer may see it.
   *
   * @throws NotFoundException when the viewer may not see the charter
   * @throws BadRequestException ({@code language}) for a language that is not the charter's
   */
  public Queue queue(CharterKey charterKey, String language, Viewer viewer) {
    charters.require(charterKey, viewer);
    LanguagesOfCharter languages = languagesOf(charterKey, language);
    List<Awaiting> items = new ArrayList<>();
    kinds.values().forEach(k -> items.addAll(k.awaiting(charterKey, language, viewer)));
    items.sort(
        Comparator.comparing((Awaiting a) -> a.status() != TranslationStatus.MISSING)
            .thenComparing(Awaiting::title)
            .thenComparing(Awaiting::key));
    return new Queue(charterKey.value(), language, languages.languages(), List.copyOf(items));
  }

  /**
   * One text beside its source.
   *
   * @throws NotFoundException for an unknown kind, or a text the viewer may not see
   */
  public Translatable text(String subject, String key, String language, Viewer viewer) {
    return kind(subject).text(key, language, viewer);
  }

  /**
   * Saves a translation against the version read; audited by the module that owns the text.
   *
   * @throws org.entente.shared.ConflictException when the text changed since that version
   */
  @Transactional
  public Translatable save(
      String subject, String key, String language, String text, Long version, Viewer viewer) {
    return kind(subject).save(key, language, text, version, viewer);
  }

  private TranslatableTexts kind(String subject) {
    TranslatableTexts kind = kinds.get(subject);
    if (kind == null) {
      throw new NotFoundException("translatable text", subject);
    }
    return kind;
  }

  private LanguagesOfCharter languagesOf(CharterKey charterKey, String language) {
    LanguagesOfCharter languages =
        charters
            .languages(charterKey)
            .orElseThrow(() -> new NotFoundException("charter", charterKey.value()));
    requireLanguage(language, languages);
    return languages;
  }

  /**
   * Refuses a language that is not one of the charter's.
   *
   * @throws BadRequestException ({@code language}) naming the charter's languages
   */
  public static void requireLanguage(String language, LanguagesOfCharter languages) {
    if (!languages.languages().contains(language)) {
      throw new BadRequestException(
          "language",
          "'"
              + language
              + "' is not a language of the charter; its languages are "
              + String.join(", ", languages.languages()));
    }
  }
}

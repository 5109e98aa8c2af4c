package org.entente.projects;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.shared.LocalizedText;
import org.entente.translations.TranslationState;

/**
 * Where the translations of a project's title and of its description stand: one {@link
 * TranslationState} per text, kept together in the project's {@code translation_sources} column
 * (V34). Never part of a project list's agreed content: a translation's state says how a text came
 * to be, not what the parties agree.
 *
 * @param title the state of the title
 * @param description the state of the description
 */
record ProjectTranslationSources(TranslationState title, TranslationState description) {

  /** The two texts of a project that are translated, as the translation workflow names them. */
  enum Part {
    TITLE("project-title"),
    DESCRIPTION("project-description");

    private final String subject;

    Part(String subject) {
      this.subject = subject;
    }

    String subject() {
      return subject;
    }

    LocalizedText of(Project project) {
      return this == TITLE ? project.title() : project.description();
    }
  }

  TranslationState of(Part part) {
    return part == Part.TITLE ? title : description;
  }

  /** These states with one text's replaced. */
  ProjectTranslationSources with(Part part, TranslationState state) {
    return part == Part.TITLE
        ? new ProjectTranslationSources(state, description)
        : new ProjectTranslationSources(title, state);
  }

  /**
   * The states after a project's texts were edited (every language at once): see {@link
   * TranslationState#afterEdit}. A new project's texts before are empty.
   */
  ProjectTranslationSources afterEdit(
      LocalizedText titleBefore,
      LocalizedText descriptionBefore,
      Project after,
      String textLanguage,
      Instant now) {
    return new ProjectTranslationSources(
        title.afterEdit(titleBefore, after.title(), textLanguage, now),
        description.afterEdit(descriptionBefore, after.description(), textLanguage, now));
  }

  /** The states of a new project: nothing written yet. */
  static ProjectTranslationSources none() {
    return new ProjectTranslationSources(
        TranslationState.unknown(null), TranslationState.unknown(null));
  }

  /**
   * Reads the stored form; a project without one (made before V34) is written in its charter's text
   * language.
   */
  static ProjectTranslationSources fromJson(String json, String textLanguage) {
    Map<String, TranslationState> read =
        TranslationState.fromJson(json, textLanguage, List.of("title", "description"));
    return new ProjectTranslationSources(read.get("title"), read.get("description"));
  }

  /** The stored form: a JSON object with a state per text. */
  String toJson() {
    Map<String, TranslationState> states = new LinkedHashMap<>();
    states.put("title", title);
    states.put("description", description);
    return TranslationState.toJson(states);
  }
}

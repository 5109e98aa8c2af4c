package org.entente.roadmaps;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.shared.BadRequestException;
import org.entente.shared.TextLanguages;

/**
 * What the milestone forms send, read as the API's {@link MilestoneInput}: the fields by name as a
 * person typed them, a blank field none, a date that is not one refused naming its field.
 */
final class MilestoneForm {

  private MilestoneForm() {}

  /**
   * The fields of a milestone as its edit form shows them first: a title field per language it has
   * ({@code title_en}, {@code title_uk}).
   */
  static Map<String, String> of(MilestoneView m) {
    Map<String, String> form = new LinkedHashMap<>();
    m.title().values().forEach((language, text) -> form.put("title_" + language, text));
    form.put("owner", m.owner() == null ? "" : m.owner());
    form.put("plannedStart", text(m.plannedStart()));
    form.put("plannedEnd", text(m.plannedEnd()));
    form.put("actualStart", text(m.actualStart()));
    form.put("actualEnd", text(m.actualEnd()));
    form.put("status", m.status());
    form.put("project", m.project() == null ? "" : m.project());
    form.put("version", Long.toString(m.version()));
    return form;
  }

  /**
   * The title a form gives, by language: every {@code title_LANG} field typed, so that a language
   * the charter lacks is refused by the milestone's rules, not dropped; null when none is.
   */
  static Map<String, String> title(Map<String, String> form) {
    Map<String, String> title = TextLanguages.typed(form, "title");
    return title.isEmpty() ? null : title;
  }

  /**
   * The new content of a milestone from its edit form, made against the version the form carries;
   * its title in languages the form does not show stays as it is.
   *
   * @param languages the languages the form shows a title field for: the charter's
   * @throws BadRequestException naming a date or the version that is not one
   */
  static MilestoneInput change(
      Map<String, String> form,
      List<String> dependsOn,
      MilestoneView current,
      List<String> languages) {
    Map<String, String> title = new LinkedHashMap<>(current.title().values());
    languages.forEach(title::remove);
    title.putAll(TextLanguages.typed(form, "title"));
    return new MilestoneInput(
        null,
        title.isEmpty() ? null : title,
        form.get("owner"),
        date("plannedStart", form.get("plannedStart")),
        date("plannedEnd", form.get("plannedEnd")),
        date("actualStart", form.get("actualStart")),
        date("actualEnd", form.get("actualEnd")),
        blankToNull(form.get("status")),
        blankToNull(form.get("project")),
        dependsOn == null ? List.of() : dependsOn,
        null,
        version(form.get("version")));
  }

  static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field, "'" + value + "' is not a date such as 2027-03-31");
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Long version(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "version", "the version the change was made against is a number");
    }
  }

  private static String text(LocalDate date) {
    return date == null ? "" : date.toString();
  }
}

package org.entente.indicators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.indicators.IndicatorInputs.IndicatorInput;
import org.entente.indicators.IndicatorInputs.ValueInput;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.shared.BadRequestException;
import org.entente.shared.TextLanguages;

/**
 * What the indicator forms send, read as the API's {@link IndicatorInput} and {@link ValueInput}:
 * the fields by name as a person typed them, a blank field none, a year that is not one refused
 * naming its field.
 */
final class IndicatorForm {

  private IndicatorForm() {}

  /** An empty form for a new indicator: better when higher, bilateral. */
  static Map<String, String> blankIndicator() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("direction", "higher");
    form.put("classification", "bilateral");
    return form;
  }

  /** An empty form for a value of this indicator: an actual value, in the indicator's unit. */
  static Map<String, String> blankValue(IndicatorView indicator) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("kind", "actual");
    form.put("unit", indicator.unit().text());
    form.put("official", "true");
    return form;
  }

  /**
   * The indicator a create form describes: its name, unit, definition and data source from every
   * {@code name_LANG}, {@code unit_LANG}, {@code definition_LANG} and {@code source_LANG} field
   * typed, so that a language the charter lacks is refused, not dropped.
   */
  static IndicatorInput indicator(Map<String, String> form, List<String> commitments) {
    return new IndicatorInput(
        form.get("key"),
        TextLanguages.typed(form, "name"),
        TextLanguages.typed(form, "unit"),
        form.get("direction"),
        blankToNull(form.get("area")),
        commitments == null ? List.of() : commitments,
        form.get("ownerOrganization"),
        TextLanguages.typed(form, "definition"),
        TextLanguages.typed(form, "source"),
        blankToNull(form.get("workingGroup")),
        blankToNull(form.get("classification")));
  }

  /**
   * The value a value form describes.
   *
   * @throws BadRequestException naming the year when it is not a whole number
   */
  static ValueInput value(Map<String, String> form) {
    return new ValueInput(
        form.get("kind"),
        year(form.get("year")),
        blankToNull(form.get("date")),
        form.get("value"),
        form.get("unit"),
        form.get("sourceUrl"),
        form.get("publisher"),
        TextLanguages.typed(form, "note"),
        form.containsKey("official"),
        form.containsKey("use"),
        blankToNull(form.get("corrects")));
  }

  private static Integer year(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("year", "'" + value + "' is not a year such as 2027");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

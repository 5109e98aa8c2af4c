package org.entente.indicators;

import java.util.List;
import java.util.Map;
import org.entente.shared.BadRequestException;

/** What an indicator and its values are made from. */
final class IndicatorInputs {

  private IndicatorInputs() {}

  /**
   * An indicator to create.
   *
   * @param name by language, one of the charter's languages at least
   * @param unit by language, or (for one release) a plain string: the unit in the charter's text
   *     language; so are {@code definition} and {@code dataSource} (decision 0041)
   * @param direction higher or lower
   * @param area an area key of the charter, optional
   * @param commitments the keys of the commitments it measures
   * @param workingGroup the key of the working group whose record it is, or null for the framework
   * @param classification public, bilateral (the default) or party-internal
   */
  record IndicatorInput(
      String key,
      Map<String, String> name,
      Object unit,
      String direction,
      String area,
      List<String> commitments,
      String ownerOrganization,
      Object definition,
      Object dataSource,
      String workingGroup,
      String classification) {}

  /**
   * A value to add.
   *
   * @param value a number, as text or as a number
   * @param unit must be the indicator's unit, in one of its languages
   * @param note by language, or (for one release) a plain string in the charter's text language
   * @param year the year it is of; a target may have none
   * @param date the day it was observed as of (in that year), optional
   * @param official false for a third-party scenario (default true)
   * @param use true to make it the used value of its kind and year in place of another source's
   * @param corrects the id of the value it corrects, which it supersedes and keeps as history
   */
  record ValueInput(
      String kind,
      Integer year,
      String date,
      String value,
      String unit,
      String sourceUrl,
      String publisher,
      Object note,
      Boolean official,
      Boolean use,
      String corrects) {}

  /**
   * A text that must be given, stripped.
   *
   * @throws BadRequestException naming the field when it is missing or longer than {@code max}
   */
  static String required(String field, String value, int max) {
    String v = optional(field, value, max);
    if (v == null) {
      throw new BadRequestException(field, field + " is required");
    }
    return v;
  }

  /**
   * A text that may be left out (null when blank), stripped.
   *
   * @throws BadRequestException naming the field when it is longer than {@code max}
   */
  static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new BadRequestException(field, field + " has at most " + max + " characters");
    }
    return v;
  }
}

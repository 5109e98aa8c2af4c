package org.entente.indicators;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;

/** Indicators as they are shown. */
public final class IndicatorViews {

  private IndicatorViews() {}

  /**
   * One value of an indicator.
   *
   * @param year the year it is of; null for a target with no year stated
   * @param date the day it was observed as of, when it is not the whole year
   * @param official false for a third-party scenario
   * @param used whether it is the value used for its kind and year
   * @param supersededBy the value that corrected it, when it was corrected
   * @param unit its indicator's unit, by language
   * @param note by language, or null
   */
  public record ValueView(
      UUID id,
      String kind,
      Integer year,
      LocalDate date,
      BigDecimal value,
      LocalizedText unit,
      String sourceUrl,
      String publisher,
      LocalizedText note,
      boolean official,
      boolean used,
      UUID supersededBy,
      Instant createdAt) {}

  /**
   * An indicator's status and why.
   *
   * @param status on-track, at-risk, off-track or no-data
   * @param expected where the path from origin to target is in the latest observation's year
   * @param origin where the path starts: the baseline, or the earliest actual when no baseline
   * @param basis what the explanation rests on ({@code baseline}, {@code earliest}, {@code target},
   *     {@code no-actual}, {@code no-target}), for pages that say it in the reader's language; not
   *     in the API, whose {@code explanation} says it
   * @param noTargetAfter with no target at or after the latest observation, that observation's year
   */
  public record StatusView(
      String status,
      String label,
      String explanation,
      Integer latestYear,
      BigDecimal latest,
      BigDecimal expected,
      Integer originYear,
      BigDecimal origin,
      Integer targetYear,
      BigDecimal target,
      @JsonIgnore String basis,
      @JsonIgnore Integer noTargetAfter) {}

  /**
   * An indicator with its values, newest period last, and its status. Its name, unit, definition
   * and data source are texts by language (decision 0041); definition and data source are null when
   * not given.
   */
  public record IndicatorView(
      UUID id,
      String charterKey,
      String key,
      LocalizedText name,
      LocalizedText unit,
      String direction,
      String area,
      List<String> commitments,
      String ownerOrganization,
      LocalizedText definition,
      LocalizedText dataSource,
      Classification classification,
      StatusView status,
      List<ValueView> values,
      long version) {}
}

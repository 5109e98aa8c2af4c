package org.entente.projects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.shared.BadRequestException;
import org.entente.shared.LocalizedText;
import org.entente.shared.TextLanguages;

/**
 * A project's content and the rules it keeps: its stage moves only along the allowed transitions,
 * money is never negative and always in an ISO 4217 currency, a place has valid coordinates.
 */
public record Project(
    String key,
    LocalizedText title,
    LocalizedText description,
    List<String> commitments,
    Map<String, String> leads,
    List<Partner> partners,
    Stage stage,
    String stageReason,
    List<Financing> financing,
    Location location) {

  /** Where a project is in its life. */
  public enum Stage {
    IDENTIFIED,
    UNDER_STUDY,
    AGREED,
    IN_IMPLEMENTATION,
    COMPLETED,
    SUSPENDED,
    CANCELLED;

    /** The stages a project may move to from this one. */
    Set<Stage> next() {
      return switch (this) {
        case IDENTIFIED -> EnumSet.of(UNDER_STUDY, SUSPENDED, CANCELLED);
        case UNDER_STUDY -> EnumSet.of(AGREED, SUSPENDED, CANCELLED);
        case AGREED -> EnumSet.of(IN_IMPLEMENTATION, SUSPENDED, CANCELLED);
        case IN_IMPLEMENTATION -> EnumSet.of(COMPLETED, SUSPENDED, CANCELLED);
        case SUSPENDED -> EnumSet.of(IDENTIFIED, UNDER_STUDY, AGREED, IN_IMPLEMENTATION, CANCELLED);
        case COMPLETED, CANCELLED -> EnumSet.noneOf(Stage.class);
      };
    }

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The stage with this code ({@code under-study}), refused naming the field {@code stage}. */
    public static Stage fromCode(String code) {
      return parse("stage", code);
    }

    /**
     * The stage with this code ({@code under-study}).
     *
     * @throws BadRequestException naming the field when there is none
     */
    public static Stage parse(String field, String code) {
      for (Stage s : values()) {
        if (s.code().equals(code)) {
          return s;
        }
      }
      throw new BadRequestException(
          field,
          "unknown stage '"
              + code
              + "': use identified, under-study, agreed, in-implementation, completed, suspended"
              + " or cancelled");
    }
  }

  /** IATI organisation roles. */
  public enum PartnerRole {
    FUNDING,
    ACCOUNTABLE,
    EXTENDING,
    IMPLEMENTING
  }

  /**
   * A partner: a ministry, company, development bank or third country.
   *
   * @param kind e.g. ministry, company, development-bank, third-country
   */
  public record Partner(String name, String kind, PartnerRole role) {}

  /** How far money has come. */
  public enum FinancingStatus {
    PLEDGED,
    COMMITTED,
    DISBURSED;

    /**
     * The status written in any case ({@code committed}, {@code COMMITTED}); pledged when none is
     * written.
     *
     * @throws BadRequestException naming the field for any other text
     */
    public static FinancingStatus parse(String field, String text) {
      if (text == null || text.isBlank()) {
        return PLEDGED;
      }
      for (FinancingStatus status : values()) {
        if (status.name().equalsIgnoreCase(text.strip())) {
          return status;
        }
      }
      throw new BadRequestException(
          field, "the financing status is pledged, committed or disbursed");
    }
  }

  /**
   * An ISO 4217 currency code such as USD, AZN or EUR, as the JDK knows them: valid by
   * construction, written as its code in JSON, forms and CSV.
   */
  public record CurrencyCode(String code) {

    /** ISO 4217 codes the JDK knows, read once: the JDK copies its whole set on every call. */
    private static final Set<String> KNOWN =
        Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * The currency with this code, exactly as written (upper case).
     *
     * @throws BadRequestException naming the field when it is no ISO 4217 code
     */
    public static CurrencyCode parse(String field, String code) {
      if (code == null || !KNOWN.contains(code)) {
        throw new BadRequestException(
            field, "'" + code + "' is not an ISO 4217 currency code such as USD, AZN or EUR");
      }
      return new CurrencyCode(code);
    }

    /**
     * The currency of a financing line sent as JSON ({@code "currency": "USD"}).
     *
     * @throws BadRequestException naming the field {@code financing} when it is no ISO 4217 code
     */
    @JsonCreator
    static CurrencyCode ofFinancing(String code) {
      return parse("financing", code);
    }

    /**
     * Checks the code.
     *
     * @throws BadRequestException naming the field {@code currency} when it is no ISO 4217 code
     */
    public CurrencyCode {
      if (code == null || !KNOWN.contains(code)) {
        throw new BadRequestException(
            "currency", "'" + code + "' is not an ISO 4217 currency code such as USD, AZN or EUR");
      }
    }

    /** The code, {@code USD}. */
    @JsonValue
    @Override
    public String code() {
      return code;
    }

    @Override
    public String toString() {
      return code;
    }
  }

  /**
   * A financing line.
   *
   * @param date the day the line reached its status (pledged, committed or disbursed on), or null
   *     when none is given; left out of JSON when null, so a line without one is written as before
   */
  public record Financing(
      BigDecimal amount,
      CurrencyCode currency,
      String source,
      FinancingStatus status,
      @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate date) {

    /** The earliest date a financing line may carry. */
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    /** How many years ahead of today a pledged or committed line may be dated. */
    static final int YEARS_AHEAD = 10;

    /** What the API says of a line's date: the rules of {@link #requirePossibleOn}. */
    static final String DATE_RULES =
        "A financing line may carry a date (ISO yyyy-MM-dd; absent or null for none): the day it"
            + " reached its status (pledged, committed or disbursed on). It is not before"
            + " 1990-01-01 nor more than 10 years after today, and a disbursed line is not dated"
            + " after today; any other is refused with 400 naming financing[i].date.";

    /** A line without a date. */
    public Financing(
        BigDecimal amount, CurrencyCode currency, String source, FinancingStatus status) {
      this(amount, currency, source, status, null);
    }

    /**
     * Refuses a date the line cannot have: before {@link #EARLIEST}, more than {@link #YEARS_AHEAD}
     * years after today, or, for a disbursement, after today.
     *
     * @param today today, from the injected clock
     * @param field the field that names the date ({@code financing[0].date})
     * @throws BadRequestException naming the field
     */
    void requirePossibleOn(LocalDate today, String field) {
      if (date == null) {
        return;
      }
      if (date.isBefore(EARLIEST)) {
        throw new BadRequestException(
            field, "a financing line is dated on or after " + EARLIEST + ", not " + date);
      }
      if (date.isAfter(today.plusYears(YEARS_AHEAD))) {
        throw new BadRequestException(
            field,
            "a financing line is dated at most "
                + YEARS_AHEAD
                + " years ahead (until "
                + today.plusYears(YEARS_AHEAD)
                + "), not "
                + date);
      }
      if (status == FinancingStatus.DISBURSED && date.isAfter(today)) {
        throw new BadRequestException(
            field, "money is not disbursed in the future: a disbursement is dated today or before");
      }
    }
  }

  /** Where the project is. */
  public record Location(String place, Double latitude, Double longitude) {}

  /**
   * Checks a project's content, naming the first field that is wrong.
   *
   * @throws BadRequestException naming the field
   */
  public Project {
    if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,99}")) {
      throw new BadRequestException(
          "key", "a project key has 1 to 100 lowercase letters, digits and hyphens");
    }
    if (title == null || title.isEmpty()) {
      throw new BadRequestException(
          "title", "a project needs a title, in one of the languages of its charter");
    }
    if (title.values().values().stream()
        .anyMatch(t -> t == null || t.isBlank() || t.length() > 500)) {
      throw new BadRequestException("title", "a title has 1 to 500 characters");
    }
    description = description == null ? LocalizedText.empty() : description;
    if (description.values().values().stream().anyMatch(t -> t != null && t.length() > 10000)) {
      throw new BadRequestException("description", "a description has at most 10000 characters");
    }
    if (commitments == null || commitments.isEmpty()) {
      throw new BadRequestException(
          "commitments", "a project serves at least one commitment of the charter");
    }
    commitments = List.copyOf(commitments);
    leads = leads == null ? Map.of() : Map.copyOf(leads);
    partners = partners == null ? List.of() : List.copyOf(partners);
    for (Partner partner : partners) {
      if (partner == null || partner.name() == null || partner.name().isBlank()) {
        throw new BadRequestException("partners", "a partner needs a name");
      }
      if (partner.role() == null) {
        throw new BadRequestException(
            "partners", "a partner's role is funding, accountable, extending or implementing");
      }
    }
    stage = stage == null ? Stage.IDENTIFIED : stage;
    if ((stage == Stage.SUSPENDED || stage == Stage.CANCELLED)
        && (stageReason == null || stageReason.isBlank())) {
      throw new BadRequestException("stageReason", "a suspended or cancelled project says why");
    }
    financing = financing == null ? List.of() : List.copyOf(financing);
    for (Financing line : financing) {
      if (line == null || line.amount() == null) {
        throw new BadRequestException("financing", "a financing line needs an amount");
      }
      if (line.amount().signum() < 0) {
        throw new BadRequestException(
            "financing", "an amount cannot be negative: " + line.amount().toPlainString());
      }
      if (line.currency() == null) {
        CurrencyCode.parse("financing", null);
      }
      if (line.status() == null) {
        throw new BadRequestException(
            "financing", "a financing line is pledged, committed or disbursed");
      }
    }
    if (location != null) {
      if ((location.latitude() == null) != (location.longitude() == null)) {
        throw new BadRequestException("location", "give both latitude and longitude, or neither");
      }
      if (location.latitude() != null
          && (Math.abs(location.latitude()) > 90 || Math.abs(location.longitude()) > 180)) {
        throw new BadRequestException("location", "latitude is within ±90, longitude within ±180");
      }
    }
  }

  /**
   * Refuses a financing line dated where it cannot be (the rules of {@link
   * Financing#requirePossibleOn}): the rules that need today's date, which a project's content
   * alone does not know.
   *
   * @param today today, from the injected clock
   * @throws BadRequestException naming the line's date, {@code financing[0].date}
   */
  /**
   * This project, when its title and description are in languages its charter declares; a language
   * the project had before (the {@code before} project, null for a new one) stays allowed, so that
   * a charter that drops a language does not lock its projects.
   *
   * @throws BadRequestException naming the field whose text is in another language
   */
  Project requireLanguages(List<String> declared, Project before) {
    TextLanguages.require("title", title, declared, before == null ? null : before.title());
    TextLanguages.require(
        "description", description, declared, before == null ? null : before.description());
    return this;
  }

  Project requirePossibleDates(LocalDate today) {
    for (int i = 0; i < financing.size(); i++) {
      financing.get(i).requirePossibleOn(today, "financing[" + i + "].date");
    }
    return this;
  }

  /**
   * The same project in another stage.
   *
   * @throws BadRequestException when the move is not allowed, or a suspension or cancellation gives
   *     no reason
   */
  public Project moveTo(Stage target, String reason) {
    if (target == null) {
      throw new BadRequestException("stage", "say which stage the project moves to");
    }
    if (!stage.next().contains(target)) {
      throw new BadRequestException(
          "stage",
          "a project cannot move from "
              + stage.code()
              + " to "
              + target.code()
              + (stage.next().isEmpty()
                  ? ": " + stage.code() + " is final"
                  : "; from "
                      + stage.code()
                      + " it can move to "
                      + String.join(", ", stage.next().stream().map(Stage::code).toList())));
    }
    return new Project(
        key,
        title,
        description,
        commitments,
        leads,
        partners,
        target,
        target == Stage.SUSPENDED || target == Stage.CANCELLED ? reason : null,
        financing,
        location);
  }
}

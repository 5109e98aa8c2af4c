package org.entente.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.projects.Project.CurrencyCode;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.FinancingStatus;
import org.entente.projects.Project.Location;
import org.entente.projects.Project.Partner;
import org.entente.projects.Project.PartnerRole;
import org.entente.projects.ProjectViews.CommitmentRef;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.shared.BadRequestException;
import org.springframework.util.MultiValueMap;

/**
 * What the project edit form sends, kept as typed (so that an error or a new row shows it again),
 * and read as the API's {@link ProjectChange}: a blank row is none, a number or choice that is not
 * one is refused naming its field, as the API names it.
 *
 * @param fields the single fields by name: titles, descriptions, leads ({@code lead-AZ}), place and
 *     coordinates, classification and the version the form was read at
 * @param commitments the keys of the commitments ticked
 * @param partners the partner rows, blank ones included
 * @param financing the financing rows, blank ones included
 */
record ProjectForm(
    Map<String, String> fields,
    List<String> commitments,
    List<PartnerRow> partners,
    List<FinancingRow> financing) {

  /** The name of a title or description field: {@code titleEn}, {@code descriptionUk}. */
  private static final java.util.regex.Pattern TEXT_FIELD =
      java.util.regex.Pattern.compile("(title|description)[A-Z][a-z]{1,2}");

  /**
   * The languages titles and descriptions are typed in on the page: the charter's, English first
   * where it is one of them.
   */
  static List<String> languages(List<String> declared) {
    return org.entente.shared.TextLanguages.ordered(declared);
  }

  /** The field a text in a language is typed in: {@code titleEn}, {@code titleUk}. */
  static String fieldName(String prefix, String language) {
    return prefix + Character.toUpperCase(language.charAt(0)) + language.substring(1);
  }

  /** What names a second partner or financing row in the form's {@code rows} button. */
  static final String PARTNER_ROW = "partner";

  static final String FINANCING_ROW = "financing";

  private static final List<String> SINGLE =
      List.of("place", "latitude", "longitude", "classification", "version");

  /** One partner as typed: its organization, its type and its IATI role. */
  record PartnerRow(String name, String kind, String role) {
    boolean blank() {
      return isBlank(name) && isBlank(kind) && isBlank(role);
    }
  }

  /**
   * One financing line as typed; its date as the date field sends it (yyyy-MM-dd). A row whose
   * amount, currency and source are cleared is no line, its status and date with it (as the page
   * says: clearing those three removes a line).
   */
  record FinancingRow(String amount, String currency, String source, String status, String date) {
    boolean blank() {
      return isBlank(amount) && isBlank(currency) && isBlank(source);
    }
  }

  /** The project as its edit form shows it first, with one blank row of each kind. */
  static ProjectForm of(ProjectView p) {
    Map<String, String> fields = new LinkedHashMap<>();
    p.title().values().forEach((language, text) -> fields.put(fieldName("title", language), text));
    p.description()
        .values()
        .forEach((language, text) -> fields.put(fieldName("description", language), text));
    Location location = p.location();
    fields.put("place", location == null || location.place() == null ? "" : location.place());
    fields.put("latitude", location == null ? "" : number(location.latitude()));
    fields.put("longitude", location == null ? "" : number(location.longitude()));
    fields.put("classification", p.classification().code());
    fields.put("version", Long.toString(p.version()));
    p.leads().forEach((party, lead) -> fields.put("lead-" + party, lead));
    List<PartnerRow> partners = new ArrayList<>();
    for (Partner partner : p.partners()) {
      partners.add(
          new PartnerRow(
              partner.name(),
              partner.kind() == null ? "" : partner.kind(),
              partner.role() == null ? "" : partner.role().name()));
    }
    List<FinancingRow> financing = new ArrayList<>();
    for (Financing line : p.financing()) {
      financing.add(
          new FinancingRow(
              line.amount().toPlainString(),
              line.currency().code(),
              line.source() == null ? "" : line.source(),
              line.status().name(),
              line.date() == null ? "" : line.date().toString()));
    }
    return new ProjectForm(
            fields, p.commitments().stream().map(CommitmentRef::key).toList(), partners, financing)
        .withBlankRows();
  }

  /** The form as a person sent it, every row kept, blank ones too. */
  static ProjectForm read(MultiValueMap<String, String> params) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : SINGLE) {
      fields.put(name, at(params, name, 0));
    }
    params.forEach(
        (name, values) -> {
          if ((name.startsWith("lead-") || TEXT_FIELD.matcher(name).matches())
              && !values.isEmpty()) {
            fields.put(name, values.get(0));
          }
        });
    List<PartnerRow> partners = new ArrayList<>();
    for (int i = 0; i < rows(params, "partnerName", "partnerKind", "partnerRole"); i++) {
      partners.add(
          new PartnerRow(
              at(params, "partnerName", i),
              at(params, "partnerKind", i),
              at(params, "partnerRole", i)));
    }
    List<FinancingRow> financing = new ArrayList<>();
    for (int i = 0;
        i
            < rows(
                params, "financingAmount", "financingCurrency", "financingSource", "financingDate");
        i++) {
      financing.add(
          new FinancingRow(
              at(params, "financingAmount", i),
              at(params, "financingCurrency", i),
              at(params, "financingSource", i),
              at(params, "financingStatus", i),
              at(params, "financingDate", i)));
    }
    List<String> commitments = params.get("commitments");
    return new ProjectForm(
        fields, commitments == null ? List.of() : List.copyOf(commitments), partners, financing);
  }

  /** The same form with one more blank row of the kind asked for. */
  ProjectForm withRow(String kind) {
    List<PartnerRow> p = new ArrayList<>(partners);
    List<FinancingRow> f = new ArrayList<>(financing);
    if (PARTNER_ROW.equals(kind)) {
      p.add(new PartnerRow("", "", ""));
    } else if (FINANCING_ROW.equals(kind)) {
      f.add(new FinancingRow("", "", "", FinancingStatus.PLEDGED.name(), ""));
    }
    return new ProjectForm(fields, commitments, p, f);
  }

  /** The same form with a blank row of each kind at its end, unless it has one already. */
  ProjectForm withBlankRows() {
    ProjectForm form = this;
    if (partners.isEmpty() || !partners.get(partners.size() - 1).blank()) {
      form = form.withRow(PARTNER_ROW);
    }
    if (financing.isEmpty() || !financing.get(financing.size() - 1).blank()) {
      form = form.withRow(FINANCING_ROW);
    }
    return form;
  }

  /** A single field as typed, empty when not sent. */
  String field(String name) {
    return fields.getOrDefault(name, "");
  }

  /**
   * The change this form asks of the project, made against the version it carries: the same change
   * {@code PATCH /api/projects/{id}} takes. Titles and descriptions in languages the form does not
   * show stay as they are; blank rows are left out.
   *
   * @param languages the languages the form shows titles and descriptions in
   * @throws BadRequestException naming the field whose number or choice is not one
   */
  ProjectChange change(ProjectView current, List<String> languages) {
    return new ProjectChange(
        version(field("version")),
        typed(current.title().values(), "title", languages),
        typed(current.description().values(), "description", languages),
        commitments,
        leads(),
        partnerList(),
        financingList(),
        location(),
        isBlank(field("classification")) ? null : field("classification").strip(),
        null,
        null,
        null,
        null,
        null);
  }

  private Map<String, String> typed(
      Map<String, String> current, String prefix, List<String> languages) {
    Map<String, String> text = new LinkedHashMap<>(current);
    for (String language : languages) {
      String value = field(fieldName(prefix, language));
      if (isBlank(value)) {
        text.remove(language);
      } else {
        text.put(language, value);
      }
    }
    return text;
  }

  private Map<String, String> leads() {
    Map<String, String> leads = new LinkedHashMap<>();
    fields.forEach(
        (name, value) -> {
          if (name.startsWith("lead-") && !isBlank(value)) {
            leads.put(name.substring("lead-".length()), value.strip());
          }
        });
    return leads;
  }

  private List<Partner> partnerList() {
    List<Partner> list = new ArrayList<>();
    for (PartnerRow row : partners) {
      if (!row.blank()) {
        list.add(
            new Partner(
                isBlank(row.name()) ? null : row.name().strip(),
                isBlank(row.kind()) ? null : row.kind().strip(),
                role(row.role())));
      }
    }
    return list;
  }

  private static PartnerRole role(String typed) {
    if (isBlank(typed)) {
      return null;
    }
    for (PartnerRole role : PartnerRole.values()) {
      if (role.name().equalsIgnoreCase(typed.strip())) {
        return role;
      }
    }
    throw new BadRequestException(
        "partners", "a partner's role is funding, accountable, extending or implementing");
  }

  private List<Financing> financingList() {
    List<Financing> list = new ArrayList<>();
    for (FinancingRow row : financing) {
      if (row.blank()) {
        continue;
      }
      BigDecimal amount = null;
      if (!isBlank(row.amount())) {
        try {
          amount = new BigDecimal(row.amount().strip().replace(",", ""));
        } catch (NumberFormatException e) {
          throw new BadRequestException("financing", "'" + row.amount() + "' is not an amount");
        }
      }
      String currency = row.currency() == null ? "" : row.currency().strip();
      list.add(
          new Financing(
              amount,
              CurrencyCode.parse("financing", currency.toUpperCase(Locale.ROOT)),
              isBlank(row.source()) ? null : row.source().strip(),
              FinancingStatus.parse("financing", row.status()),
              date("financing[" + list.size() + "].date", row.date())));
    }
    return list;
  }

  /**
   * A date as a date field sends it (yyyy-MM-dd); blank is none.
   *
   * @throws BadRequestException naming the field when it is no date
   */
  static LocalDate date(String field, String typed) {
    if (isBlank(typed)) {
      return null;
    }
    try {
      return LocalDate.parse(typed.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field, "'" + typed + "' is not a date such as 2026-05-31");
    }
  }

  /**
   * The field of the form a refusal names: the API names a financing line's date by its place among
   * the lines ({@code financing[0].date}), the form by its row, blank rows counted.
   */
  String rowField(String field) {
    java.util.regex.Matcher line =
        java.util.regex.Pattern.compile("financing\\[([0-9]+)\\]\\.date")
            .matcher(field == null ? "" : field);
    if (!line.matches()) {
      return field;
    }
    int wanted = Integer.parseInt(line.group(1));
    int seen = 0;
    for (int row = 0; row < financing.size(); row++) {
      if (!financing.get(row).blank() && seen++ == wanted) {
        return "financing[" + row + "].date";
      }
    }
    return field;
  }

  /** The place typed; all blank is no place (a place the project had is cleared). */
  private Location location() {
    String place = isBlank(field("place")) ? null : field("place").strip();
    return new Location(
        place,
        coordinate("latitude", field("latitude")),
        coordinate("longitude", field("longitude")));
  }

  private static Double coordinate(String name, String typed) {
    if (isBlank(typed)) {
      return null;
    }
    try {
      double value = Double.parseDouble(typed.strip().replace(',', '.'));
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new NumberFormatException(typed);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "location", "the " + name + " '" + typed + "' is not a number such as 40.41");
    }
  }

  /**
   * The version a form carries; none when blank.
   *
   * @throws BadRequestException naming the field when it is not a number
   */
  static Long version(String typed) {
    if (isBlank(typed)) {
      return null;
    }
    try {
      return Long.valueOf(typed.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("version", "'" + typed + "' is not a version");
    }
  }

  private static int rows(MultiValueMap<String, String> params, String... names) {
    int rows = 0;
    for (String name : names) {
      List<String> values = params.get(name);
      rows = Math.max(rows, values == null ? 0 : values.size());
    }
    return rows;
  }

  private static String at(MultiValueMap<String, String> params, String name, int index) {
    List<String> values = params.get(name);
    return values == null || index >= values.size() || values.get(index) == null
        ? ""
        : values.get(index);
  }

  private static String number(Double value) {
    return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}

package org.entente.projects;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.shared.BadRequestException;
import org.entente.shared.TextLanguages;

/**
 * The columns of a file of projects (decision 0032): one cell per field, and a project's several
 * partners, financing lines and leads in numbered or named columns ({@code partner_2_name}, {@code
 * financing_3_amount}, {@code lead_US}), so that no name needs a separator of its own. The file of
 * the release before, with one financing line in {@code amount, currency, financing_status,
 * financing_source} and the leads in {@code leads}, is read too.
 *
 * <p>Titles and descriptions have a column per language of the charter ({@code title_en, title_uk,
 * description_en, description_uk}, decision 0036): a file has at least one title column, none for a
 * language the charter does not declare, and a stored project keeps its texts in the languages the
 * file has no column for.
 *
 * @param languages the languages of the file's title and description columns, in the header's
 *     order; none for a file that says every field
 * @param partners the numbers of the partner columns, in order
 * @param financing the numbers of the financing columns, in order
 * @param leads the parties of the lead columns, in order
 * @param legacyFinancing whether the file has the earlier release's one financing line
 * @param financingDates whether the file has the financing lines' date columns ({@code
 *     financing_N_date}, which files of the release before lack)
 * @param legacyLeads whether the file has the earlier release's {@code leads} column
 * @param description whether the file has a description column
 * @param classification whether the file has the classification column
 */
record ProjectCsvColumns(
    List<String> languages,
    List<Integer> partners,
    List<Integer> financing,
    List<String> leads,
    boolean legacyFinancing,
    boolean financingDates,
    boolean legacyLeads,
    boolean description,
    boolean classification) {

  /**
   * The fields whose texts have a column per language: {@code title_en}, {@code description_en}.
   */
  static final List<String> TEXTS = List.of("title", "description");

  /**
   * The columns of a project's fields after its texts, before its leads, partners and financing.
   */
  static final List<String> FIELDS =
      List.of(
          "commitments",
          "classification",
          "stage",
          "stage_reason",
          "place",
          "latitude",
          "longitude");

  static final List<String> PARTNER = List.of("name", "kind", "role");
  static final List<String> FINANCING = List.of("amount", "currency", "status", "source", "date");

  /** The columns of a financing line a file must have: files of the release before lack dates. */
  private static final List<String> FINANCING_REQUIRED = FINANCING.subList(0, 4);

  static final List<String> LEGACY_FINANCING =
      List.of("amount", "currency", "financing_status", "financing_source");

  private static final List<String> REQUIRED = List.of("key", "commitments");
  private static final Pattern NUMBERED = Pattern.compile("(partner|financing)_([0-9]{1,3})_(.*)");
  private static final Pattern LEAD = Pattern.compile("lead_(.+)");

  /**
   * The header of an export with texts in these languages, this many partner and financing columns
   * and these leads.
   */
  static List<String> header(
      List<String> languages, int partners, int financing, Collection<String> leads) {
    List<String> header = new ArrayList<>(List.of("key"));
    TEXTS.forEach(field -> header.addAll(TextLanguages.columns(field, languages)));
    header.addAll(FIELDS);
    leads.forEach(party -> header.add("lead_" + party));
    for (int n = 1; n <= partners; n++) {
      for (String part : PARTNER) {
        header.add("partner_" + n + "_" + part);
      }
    }
    for (int n = 1; n <= financing; n++) {
      for (String part : FINANCING) {
        header.add("financing_" + n + "_" + part);
      }
    }
    return header;
  }

  /**
   * The columns a file's header names.
   *
   * @param declared the languages of the charter the file goes to
   * @throws BadRequestException naming {@code file} when a required column is missing, a text
   *     column is for a language the charter does not declare, a numbered group lacks one of its
   *     columns or names one the import does not know, or the file mixes the earlier release's
   *     financing or leads columns with the numbered or named ones
   */
  static ProjectCsvColumns of(Collection<String> header, List<String> declared) {
    List<String> missing =
        new ArrayList<>(REQUIRED.stream().filter(c -> !header.contains(c)).toList());
    List<String> languages = TextLanguages.inHeader(header, TEXTS, declared);
    if (languages.stream().noneMatch(l -> header.contains("title_" + l))) {
      missing.add(String.join(" or ", TextLanguages.columns("title", declared)));
    }
    Set<Integer> partners = new TreeSet<>();
    Set<Integer> financing = new TreeSet<>();
    Set<String> leads = new TreeSet<>();
    for (String column : header) {
      Matcher numbered = NUMBERED.matcher(column);
      Matcher lead = LEAD.matcher(column);
      if (numbered.matches()) {
        boolean partner = numbered.group(1).equals("partner");
        if (!(partner ? PARTNER : FINANCING).contains(numbered.group(3))) {
          throw new BadRequestException(
              "file",
              "the column '"
                  + column
                  + "' is not one the import knows: "
                  + numbered.group(1)
                  + "_N_ is followed by "
                  + String.join(", ", partner ? PARTNER : FINANCING));
        }
        (partner ? partners : financing).add(Integer.valueOf(numbered.group(2)));
      } else if (lead.matches()) {
        leads.add(lead.group(1));
      }
    }
    requireGroups("partner", partners, PARTNER, header, missing);
    requireGroups("financing", financing, FINANCING_REQUIRED, header, missing);
    if (!missing.isEmpty()) {
      throw new BadRequestException(
          "file", "the header lacks the column(s) " + String.join(", ", missing));
    }
    boolean legacyFinancing = header.contains("amount");
    if (legacyFinancing && !financing.isEmpty()) {
      throw new BadRequestException(
          "file",
          "the header has both the column 'amount' of the earlier one-line format and"
              + " financing_N_ columns: keep one of them");
    }
    boolean legacyLeads = header.contains("leads");
    if (legacyLeads && !leads.isEmpty()) {
      throw new BadRequestException(
          "file",
          "the header has both the column 'leads' of the earlier format and lead_PARTY columns:"
              + " keep one of them");
    }
    return new ProjectCsvColumns(
        languages,
        List.copyOf(partners),
        List.copyOf(financing),
        List.copyOf(leads),
        legacyFinancing,
        financing.stream().anyMatch(n -> header.contains("financing_" + n + "_date")),
        legacyLeads,
        languages.stream().anyMatch(l -> header.contains("description_" + l)),
        header.contains("classification"));
  }

  private static void requireGroups(
      String prefix,
      Set<Integer> numbers,
      List<String> parts,
      Collection<String> header,
      List<String> missing) {
    for (int n : numbers) {
      for (String part : parts) {
        String column = prefix + "_" + n + "_" + part;
        if (!header.contains(column)) {
          missing.add(column);
        }
      }
    }
  }

  /** Whether the file says a project's partners (else a stored project keeps its own). */
  boolean givesPartners() {
    return !partners.isEmpty();
  }

  /** Whether the file says a project's leads (else a stored project keeps its own). */
  boolean givesLeads() {
    return legacyLeads || !leads.isEmpty();
  }

  /** Whether the file says a project's financing lines. */
  boolean givesFinancing() {
    return legacyFinancing || !financing.isEmpty();
  }
}

package org.entente.opendata;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.entente.charter.CharterViews.AreaOverview;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.Ref;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.IndicatorViews.ValueView;
import org.entente.opendata.OpenData.ReportingOrg;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.FinancingStatus;
import org.entente.projects.Project.Partner;
import org.entente.projects.ProjectViews.CommitmentRef;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.shared.CharterKey;
import org.entente.shared.LocalizedText;
import org.entente.shared.Printable;

/**
 * Writes public projects with financing as IATI activities (standard version 2.03). Only what the
 * public dump holds goes in; see {@code docs/open-data.md} for how each element is made.
 */
final class IatiWriter {

  /** IATI sector vocabulary 98: the reporting organisation's own (here: the charter's areas). */
  private static final String AREA_VOCABULARY = "98";

  private final ReportingOrg reportingOrg;
  private final Instant generatedAt;

  IatiWriter(ReportingOrg reportingOrg, Instant generatedAt) {
    this.reportingOrg = reportingOrg;
    this.generatedAt = generatedAt.truncatedTo(ChronoUnit.SECONDS);
  }

  String write(PublicRecords records) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("iati-activities");
      x.writeAttribute("version", "2.03");
      x.writeAttribute("generated-datetime", generatedAt.toString());
      for (ProjectView p : records.projects()) {
        if (p.financing() != null && !p.financing().isEmpty()) {
          activity(x, p, records);
        }
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /** The identifier of a project's activity: the reporting organisation's, charter, project. */
  String identifier(CharterKey charterKey, String projectKey) {
    return reportingOrg.ref() + "-" + charterKey + "-" + projectKey;
  }

  /** The dates of a project, from its milestones. */
  private record Dates(
      LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd) {}

  private static Dates dates(ProjectView p, PublicRecords r) {
    List<MilestoneView> milestones =
        r.milestones().stream().filter(m -> p.key().equals(m.project())).toList();
    LocalDate plannedStart =
        milestones.stream()
            .map(MilestoneView::plannedStart)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .orElse(r.charter().signedOn());
    LocalDate plannedEnd =
        milestones.stream()
            .map(MilestoneView::plannedEnd)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(plannedStart.plusYears(1).minusDays(1));
    LocalDate actualStart =
        milestones.stream()
            .map(MilestoneView::actualStart)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .orElse(null);
    boolean allDone =
        !milestones.isEmpty() && milestones.stream().allMatch(m -> m.actualEnd() != null);
    LocalDate actualEnd =
        allDone
            ? milestones.stream().map(MilestoneView::actualEnd).max(Comparator.naturalOrder()).get()
            : null;
    return new Dates(plannedStart, plannedEnd, actualStart, actualEnd);
  }

  private void activity(XMLStreamWriter x, ProjectView p, PublicRecords r)
      throws XMLStreamException {
    Dates dates = dates(p, r);
    x.writeCharacters("\n  ");
    x.writeStartElement("iati-activity");
    x.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "en");
    text(x, "iati-identifier", identifier(CharterKey.of(r.charter().key()), p.key()));
    x.writeStartElement("reporting-org");
    x.writeAttribute("ref", reportingOrg.ref());
    x.writeAttribute("type", reportingOrg.type());
    narrative(x, reportingOrg.name(), "en");
    x.writeEndElement();

    x.writeStartElement("title");
    narratives(x, p.title());
    x.writeEndElement();
    x.writeStartElement("description");
    x.writeAttribute("type", "1");
    narratives(
        x, p.description() == null || p.description().isEmpty() ? p.title() : p.description());
    x.writeEndElement();

    participatingOrgs(x, p);
    empty(x, "activity-status", "code", status(p.stage()));
    date(x, "1", dates.plannedStart());
    if (dates.actualStart() != null) {
      date(x, "2", dates.actualStart());
    }
    date(x, "3", dates.plannedEnd());
    if (dates.actualEnd() != null) {
      date(x, "4", dates.actualEnd());
    }

    sectors(x, p, r);
    budgets(x, p, dates);
    transactions(x, p, dates);
    results(x, p, r);
    x.writeEndElement();
  }

  private void participatingOrgs(XMLStreamWriter x, ProjectView p) throws XMLStreamException {
    boolean anyOrg = false;
    if (p.leads() != null) {
      for (Map.Entry<String, String> lead : new TreeMap<>(p.leads()).entrySet()) {
        participatingOrg(x, "2", lead.getValue());
        anyOrg = true;
      }
    }
    if (p.partners() != null) {
      for (Partner partner : p.partners()) {
        participatingOrg(x, role(partner), partner.name());
        anyOrg = true;
      }
    }
    if (!anyOrg) {
      participatingOrg(x, "2", reportingOrg.name());
    }
  }

  /**
   * Budgets: one per currency, the sum of the project's financing lines in it, over the project's
   * planned period; committed when every line is at least committed.
   */
  private static void budgets(XMLStreamWriter x, ProjectView p, Dates dates)
      throws XMLStreamException {
    Map<String, List<Financing>> byCurrency = new LinkedHashMap<>();
    p.financing()
        .forEach(
            f -> byCurrency.computeIfAbsent(f.currency().code(), c -> new ArrayList<>()).add(f));
    for (Map.Entry<String, List<Financing>> e : byCurrency.entrySet()) {
      BigDecimal sum =
          e.getValue().stream().map(Financing::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      boolean committed =
          e.getValue().stream().noneMatch(f -> f.status() == FinancingStatus.PLEDGED);
      x.writeStartElement("budget");
      x.writeAttribute("type", "1");
      x.writeAttribute("status", committed ? "2" : "1");
      empty(x, "period-start", "iso-date", dates.plannedStart().toString());
      empty(x, "period-end", "iso-date", dates.plannedEnd().toString());
      value(x, sum, e.getKey(), dates.plannedStart());
      x.writeEndElement();
    }
  }

  /**
   * Transactions: a committed line is an outgoing commitment (2), a disbursed one a disbursement
   * (3), dated by the line's own date, or by the project's start when the line has none.
   */
  private static void transactions(XMLStreamWriter x, ProjectView p, Dates dates)
      throws XMLStreamException {
    LocalDate transactionDate =
        dates.actualStart() != null ? dates.actualStart() : dates.plannedStart();
    for (Financing f : p.financing()) {
      if (f.status() == FinancingStatus.PLEDGED) {
        continue;
      }
      LocalDate date = f.date() != null ? f.date() : transactionDate;
      x.writeStartElement("transaction");
      empty(x, "transaction-type", "code", f.status() == FinancingStatus.DISBURSED ? "3" : "2");
      empty(x, "transaction-date", "iso-date", date.toString());
      value(x, f.amount(), f.currency().code(), date);
      if (f.source() != null && !f.source().isBlank()) {
        x.writeStartElement("provider-org");
        narrative(x, f.source(), "en");
        x.writeEndElement();
      }
      x.writeEndElement();
    }
  }

  private static String role(Partner partner) {
    if (partner.role() == null) {
      return "4";
    }
    return switch (partner.role()) {
      case FUNDING -> "1";
      case ACCOUNTABLE -> "2";
      case EXTENDING -> "3";
      case IMPLEMENTING -> "4";
    };
  }

  /**
   * IATI activity status: 1 pipeline, 2 implementation, 3 finalisation, 5 cancelled, 6 suspended.
   */
  static String status(String stage) {
    return switch (stage == null ? "" : stage) {
      case "in-implementation", "IN_IMPLEMENTATION" -> "2";
      case "completed", "COMPLETED" -> "3";
      case "cancelled", "CANCELLED" -> "5";
      case "suspended", "SUSPENDED" -> "6";
      default -> "1";
    };
  }

  /** The areas of the public commitments the project serves, as sectors of vocabulary 98. */
  private void sectors(XMLStreamWriter x, ProjectView p, PublicRecords r)
      throws XMLStreamException {
    Set<String> commitmentKeys = new LinkedHashSet<>();
    p.commitments().forEach(c -> commitmentKeys.add(c.key()));
    Set<String> areaKeys = new LinkedHashSet<>();
    for (CommitmentView c : r.commitments()) {
      if (commitmentKeys.contains(c.key())) {
        c.areas().stream().map(Ref::key).forEach(areaKeys::add);
      }
    }
    List<AreaOverview> areas =
        r.areas().stream().filter(a -> areaKeys.contains(a.area().key())).toList();
    if (areas.isEmpty()) {
      return;
    }
    BigDecimal share =
        BigDecimal.valueOf(100).divide(BigDecimal.valueOf(areas.size()), 2, RoundingMode.DOWN);
    BigDecimal rest =
        BigDecimal.valueOf(100).subtract(share.multiply(BigDecimal.valueOf(areas.size())));
    for (int i = 0; i < areas.size(); i++) {
      AreaOverview a = areas.get(i);
      x.writeStartElement("sector");
      x.writeAttribute("vocabulary", AREA_VOCABULARY);
      x.writeAttribute("code", Printable.xml(a.area().key()));
      x.writeAttribute(
          "percentage", (i == 0 ? share.add(rest) : share).stripTrailingZeros().toPlainString());
      narratives(x, a.area().name());
      x.writeEndElement();
    }
  }

  /**
   * Results: per commitment the project serves, the public indicators measuring it, each with its
   * baseline and its targets and actual values by year.
   */
  private void results(XMLStreamWriter x, ProjectView p, PublicRecords r)
      throws XMLStreamException {
    for (CommitmentRef c : p.commitments()) {
      List<IndicatorView> measuring =
          r.indicators().stream().filter(i -> i.commitments().contains(c.key())).toList();
      if (measuring.isEmpty()) {
        continue;
      }
      x.writeStartElement("result");
      x.writeAttribute("type", "2");
      x.writeStartElement("title");
      narratives(x, c.title());
      x.writeEndElement();
      for (IndicatorView i : measuring) {
        x.writeStartElement("indicator");
        x.writeAttribute("measure", "1");
        x.writeAttribute("ascending", String.valueOf(!"lower".equalsIgnoreCase(i.direction())));
        x.writeStartElement("title");
        narratives(x, i.name());
        x.writeEndElement();
        List<ValueView> used =
            i.values().stream().filter(v -> v.used() && v.supersededBy() == null).toList();
        for (ValueView v : used) {
          if (v.kind().equalsIgnoreCase("baseline") && v.year() != null && v.year() > 0) {
            x.writeEmptyElement("baseline");
            x.writeAttribute("year", String.valueOf(v.year()));
            if (v.date() != null) {
              x.writeAttribute("iso-date", v.date().toString());
            }
            x.writeAttribute("value", v.value().toPlainString());
          }
        }
        Set<Integer> years = new TreeSet<>();
        used.stream()
            .filter(v -> !v.kind().equalsIgnoreCase("baseline") && v.year() != null)
            .forEach(v -> years.add(v.year()));
        for (int year : years) {
          x.writeStartElement("period");
          empty(x, "period-start", "iso-date", LocalDate.of(year, 1, 1).toString());
          empty(x, "period-end", "iso-date", LocalDate.of(year, 12, 31).toString());
          for (String kind : List.of("target", "actual")) {
            for (ValueView v : used) {
              if (v.kind().equalsIgnoreCase(kind) && Integer.valueOf(year).equals(v.year())) {
                empty(x, kind, "value", v.value().toPlainString());
              }
            }
          }
          x.writeEndElement();
        }
        x.writeEndElement();
      }
      x.writeEndElement();
    }
  }

  private static void participatingOrg(XMLStreamWriter x, String role, String name)
      throws XMLStreamException {
    x.writeStartElement("participating-org");
    x.writeAttribute("role", role);
    if (name != null && !name.isBlank()) {
      narrative(x, name, "en");
    }
    x.writeEndElement();
  }

  private static void date(XMLStreamWriter x, String type, LocalDate date)
      throws XMLStreamException {
    x.writeEmptyElement("activity-date");
    x.writeAttribute("type", type);
    x.writeAttribute("iso-date", date.toString());
  }

  private static void value(XMLStreamWriter x, BigDecimal amount, String currency, LocalDate date)
      throws XMLStreamException {
    x.writeStartElement("value");
    x.writeAttribute("currency", Printable.xml(currency));
    x.writeAttribute("value-date", date.toString());
    x.writeCharacters(amount.toPlainString());
    x.writeEndElement();
  }

  private static void text(XMLStreamWriter x, String element, String text)
      throws XMLStreamException {
    x.writeStartElement(element);
    x.writeCharacters(Printable.xml(text));
    x.writeEndElement();
  }

  private static void empty(XMLStreamWriter x, String element, String attribute, String value)
      throws XMLStreamException {
    x.writeEmptyElement(element);
    x.writeAttribute(attribute, Printable.xml(value));
  }

  /** A narrative per language given, English first, each with its xml:lang. */
  private static void narratives(XMLStreamWriter x, LocalizedText text) throws XMLStreamException {
    Map<String, String> values =
        new TreeMap<>(Comparator.comparing((String l) -> !l.equals("en")).thenComparing(l -> l));
    if (text != null) {
      values.putAll(text.values());
    }
    if (values.isEmpty()) {
      narrative(x, "-", "en");
    }
    for (Map.Entry<String, String> e : values.entrySet()) {
      narrative(x, e.getValue(), e.getKey());
    }
  }

  private static void narrative(XMLStreamWriter x, String text, String language)
      throws XMLStreamException {
    x.writeStartElement("narrative");
    x.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", Printable.xml(language));
    x.writeCharacters(Printable.xml(text));
    x.writeEndElement();
  }
}

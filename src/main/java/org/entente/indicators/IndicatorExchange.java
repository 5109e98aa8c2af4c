package org.entente.indicators;

import static org.entente.exchange.Column.optional;
import static org.entente.exchange.Column.reference;
import static org.entente.exchange.Column.required;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.exchange.Kind;
import org.entente.exchange.Reader;
import org.entente.exchange.RecordRows;
import org.entente.exchange.RecordTable;
import org.entente.exchange.RecordType;
import org.entente.exchange.TableExchange;
import org.entente.identity.Viewer;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.IndicatorViews.ValueView;
import org.entente.shared.CharterKey;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What leaves the indicators module: indicators, the commitments they measure and their values. The
 * indicators an instance loaded with the charter's reference data are its own: an import keeps them
 * as they are. To the public: the indicators both parties agreed to publish and their values, with
 * their public fields.
 */
@Component
@Order(30)
class IndicatorExchange extends TableExchange {

  static final RecordTable INDICATOR =
      new RecordTable(
          "indicator",
          RecordTable.versioned(
              required("id", Kind.ID),
              required("code", Kind.TEXT),
              required("name", Kind.TEXT),
              required("unit", Kind.TEXT),
              required("direction", Kind.TEXT),
              optional("area_key", Kind.TEXT),
              optional("owner_organization", Kind.TEXT),
              optional("definition", Kind.TEXT),
              optional("data_source", Kind.TEXT),
              optional("group_id", Kind.GROUP),
              // where its texts' translations stand (V37, decision 0037): it travels with them
              optional("translation_sources", Kind.TEXT)),
          true);

  static final RecordTable COMMITMENTS =
      new RecordTable(
          "indicator_commitment",
          List.of(
              reference("indicator_id", "indicator", true), required("commitment_key", Kind.TEXT)),
          false);

  static final RecordTable VALUES =
      new RecordTable(
          "indicator_value",
          List.of(
              required("id", Kind.ID),
              reference("indicator_id", "indicator", true),
              required("kind", Kind.TEXT),
              optional("period_year", Kind.INT),
              optional("period_date", Kind.DATE),
              required("amount", Kind.DECIMAL),
              optional("source_url", Kind.TEXT),
              required("publisher", Kind.TEXT),
              optional("note", Kind.TEXT),
              required("official", Kind.BOOL),
              required("used", Kind.BOOL),
              reference("superseded_by", "indicator_value", false),
              required("created_at", Kind.TIMESTAMP)),
          false);

  private static final String OF_CHARTER = " where i.charter_id = :charter and ";

  private static final Map<String, String> SELECT =
      Map.of(
          "indicator",
          "select i.* from indicator i" + OF_CHARTER + Viewer.condition("i") + " order by i.id",
          "indicator_commitment",
          "select x.* from indicator_commitment x join indicator i on i.id = x.indicator_id"
              + OF_CHARTER
              + Viewer.condition("i")
              + " order by x.indicator_id, x.commitment_key",
          "indicator_value",
          "select x.* from indicator_value x join indicator i on i.id = x.indicator_id"
              + OF_CHARTER
              + Viewer.condition("i")
              + " order by x.indicator_id, x.id");

  static final RecordType INDICATORS =
      RecordType.of(
          "indicators",
          "id",
          "key",
          "name*",
          "unit*",
          "direction",
          "area",
          "commitments",
          "ownerOrganization",
          "definition*",
          "dataSource*",
          "status");

  static final RecordType INDICATOR_VALUES =
      RecordType.of(
          "indicator-values",
          "indicator",
          "id",
          "kind",
          "year",
          "date",
          "value",
          "unit*",
          "publisher",
          "sourceUrl",
          "note*",
          "official",
          "used");

  private final Indicators indicators;

  IndicatorExchange(JdbcClient jdbc, Indicators indicators) {
    // indicators alone do not make an instance hold records: the reference data loads them
    super(jdbc, List.of(INDICATOR, COMMITMENTS, VALUES), SELECT, null);
    this.indicators = indicators;
  }

  @Override
  public List<RecordType> types(Reader reader) {
    return reader.isPublic() ? List.of(INDICATORS, INDICATOR_VALUES) : List.of();
  }

  @Override
  public List<Map<String, Object>> records(RecordType type, CharterKey charterKey, Reader reader) {
    List<IndicatorView> list = indicators.list(charterKey, reader.viewer());
    List<Map<String, Object>> records = new ArrayList<>();
    switch (type.name()) {
      case "indicators" -> list.forEach(i -> records.add(indicator(i)));
      case "indicator-values" -> list.forEach(i -> values(i, records));
      default -> super.records(type, charterKey, reader);
    }
    return records;
  }

  private static Map<String, Object> indicator(IndicatorView i) {
    return INDICATORS.record(
        "id",
        i.id().toString(),
        "key",
        i.key(),
        "name",
        RecordType.texts(i.name()),
        "unit",
        RecordType.texts(i.unit()),
        "direction",
        i.direction(),
        "area",
        i.area(),
        "commitments",
        i.commitments(),
        "ownerOrganization",
        i.ownerOrganization(),
        "definition",
        RecordType.texts(i.definition()),
        "dataSource",
        RecordType.texts(i.dataSource()),
        "status",
        i.status() == null ? null : i.status().status());
  }

  private static void values(IndicatorView i, List<Map<String, Object>> records) {
    for (ValueView v : i.values()) {
      records.add(
          INDICATOR_VALUES.record(
              "indicator",
              i.key(),
              "id",
              v.id().toString(),
              "kind",
              v.kind(),
              "year",
              v.year(),
              "date",
              RecordType.string(v.date()),
              "value",
              v.value() == null ? null : v.value().toPlainString(),
              "unit",
              RecordType.texts(v.unit()),
              "publisher",
              v.publisher(),
              "sourceUrl",
              v.sourceUrl(),
              "note",
              RecordType.texts(v.note()),
              "official",
              v.official(),
              "used",
              v.used()));
    }
  }

  @Override
  public Set<String> ownCodes(RecordTable table, UUID charterId) {
    if (!table.name().equals(INDICATOR.name())) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc()
            .sql("select code from indicator where charter_id = ?")
            .param(charterId)
            .query(String.class)
            .list());
  }

  @Override
  public void afterImport(RecordTable table, List<Map<String, Object>> rows) {
    if (!table.name().equals(VALUES.name())) {
      return;
    }
    for (Map<String, Object> value : rows) {
      if (value.get("superseded_by") != null) {
        jdbc()
            .sql("update indicator_value set superseded_by = ? where id = ?")
            .params(value.get("superseded_by"), value.get("id"))
            .update();
      }
    }
  }

  /** A value's correction is set once every value is in ({@link #afterImport}). */
  @Override
  public void insert(RecordTable table, Map<String, Object> row, UUID charterId) {
    Map<String, Object> written = row;
    if (table.name().equals(VALUES.name())) {
      written = new HashMap<>(row);
      written.put("superseded_by", null);
    }
    RecordRows.insert(jdbc(), table, written, charterId);
  }
}

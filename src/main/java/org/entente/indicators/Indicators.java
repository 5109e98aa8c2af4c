package org.entente.indicators;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.indicators.Indicator.Assessment;
import org.entente.indicators.Indicator.Direction;
import org.entente.indicators.Indicator.Kind;
import org.entente.indicators.Indicator.Point;
import org.entente.indicators.IndicatorInputs.IndicatorInput;
import org.entente.indicators.IndicatorInputs.ValueInput;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.IndicatorViews.StatusView;
import org.entente.indicators.IndicatorViews.ValueView;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.ClusterLock;
import org.entente.shared.Csv;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.entente.shared.SearchHit;
import org.entente.shared.TextQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators module's one service: indicators of a charter's commitments and their values, each
 * read through the one visibility condition (the values are seen with their indicator); their
 * status (decision 0012); CSV export and import; and the reference indicators loaded from the
 * charter's companion file.
 */
@Service
@Transactional(readOnly = true)
public class Indicators {

  /** The columns of an indicator's values as CSV, in export and import. */
  static final String[] CSV_HEADER = {
    "kind", "year", "date", "value", "unit", "source_url", "publisher", "note", "official", "used"
  };

  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,99}");
  private static final int MAX_ROWS = 10_000;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Charters charters;
  private final Audit audit;
  private final ClusterLock lock;

  Indicators(JdbcClient jdbc, Clock clock, Charters charters, Audit audit, ClusterLock lock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.charters = charters;
    this.audit = audit;
    this.lock = lock;
  }

  /** An indicator row, as stored. */
  private record Row(
      UUID id,
      UUID charterId,
      String charterKey,
      String code,
      LocalizedText name,
      String unit,
      Direction direction,
      String area,
      String ownerOrganization,
      String definition,
      String dataSource,
      Classification classification,
      String originParty,
      UUID groupId,
      long version) {

    /** The row with no area: what is shown when the area is less widely visible. */
    Row withoutArea() {
      return new Row(
          id,
          charterId,
          charterKey,
          code,
          name,
          unit,
          direction,
          null,
          ownerOrganization,
          definition,
          dataSource,
          classification,
          originParty,
          groupId,
          version);
    }
  }

  private static Viewer.Audience audience(Row r) {
    return new Viewer.Audience(r.classification(), r.originParty(), r.groupId());
  }

  private static Viewer.Audience audience(ResultSet rs, String prefix) throws SQLException {
    return new Viewer.Audience(
        Classification.valueOf(rs.getString(prefix + "classification")),
        rs.getString(prefix + "origin_party"),
        rs.getObject(prefix + "group_id", UUID.class));
  }

  /** A value row, as stored. */
  private record Value(
      UUID id,
      UUID indicatorId,
      Kind kind,
      Integer year,
      LocalDate date,
      BigDecimal amount,
      String sourceUrl,
      String publisher,
      String note,
      boolean official,
      boolean used,
      UUID supersededBy,
      OffsetDateTime createdAt) {

    /** The source a value comes from: its address, or its publisher when it has none. */
    String source() {
      return sourceUrl != null ? sourceUrl : publisher;
    }
  }

  private static final String SELECT =
      "select i.*, c.code as charter_code from indicator i join charter c on c.id = i.charter_id";

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getObject("charter_id", UUID.class),
        rs.getString("charter_code"),
        rs.getString("code"),
        LocalizedText.fromJson(rs.getString("name")),
        rs.getString("unit"),
        Direction.valueOf(rs.getString("direction")),
        rs.getString("area_key"),
        rs.getString("owner_organization"),
        rs.getString("definition"),
        rs.getString("data_source"),
        Classification.valueOf(rs.getString("classification")),
        rs.getString("origin_party"),
        rs.getObject("group_id", UUID.class),
        rs.getLong("version"));
  }

  private static Value value(ResultSet rs, int n) throws SQLException {
    return new Value(
        rs.getObject("id", UUID.class),
        rs.getObject("indicator_id", UUID.class),
        Kind.valueOf(rs.getString("kind")),
        rs.getObject("period_year", Integer.class),
        rs.getObject("period_date", LocalDate.class),
        rs.getBigDecimal("amount"),
        rs.getString("source_url"),
        rs.getString("publisher"),
        rs.getString("note"),
        rs.getBoolean("official"),
        rs.getBoolean("used"),
        rs.getObject("superseded_by", UUID.class),
        rs.getObject("created_at", OffsetDateTime.class));
  }

  // ---------------------------------------------------------------- reads

  /** The charter's indicators the viewer may see, by area and key, each with values and status. */
  public List<IndicatorView> list(String charterKey, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    List<Row> rows =
        jdbc.sql(
                SELECT
                    + " where i.charter_id = :charter and "
                    + Viewer.condition("i")
                    + " order by i.area_key, i.code")
            .param("charter", charter.id())
            .params(viewer.parameters())
            .query(Indicators::row)
            .list();
    return views(rows);
  }

  /** The indicators the viewer may see that measure a commitment of the charter. */
  public List<IndicatorView> measuring(String charterKey, String commitmentKey, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    List<Row> rows =
        jdbc.sql(
                SELECT
                    + " where i.charter_id = :charter and i.id in (select indicator_id from"
                    + " indicator_commitment where commitment_key = :commitment) and "
                    + Viewer.condition("i")
                    + " order by i.code")
            .param("charter", charter.id())
            .param("commitment", commitmentKey)
            .params(viewer.parameters())
            .query(Indicators::row)
            .list();
    return views(rows);
  }

  /**
   * The charter's indicators the viewer may see whose name, definition or data source match a
   * search, each with its status (e.g. {@code on-track}) and the working group it belongs to.
   *
   * @param charter the charter as the charter module gave it to this viewer (who may see it)
   */
  public List<SearchHit> search(
      CharterSummary charter, TextQuery query, boolean postgres, Viewer viewer) {
    String charterKey = charter.key();
    TextQuery.Condition match =
        query.condition(
            "i.name || ' ' || coalesce(i.definition, '') || ' ' || coalesce(i.data_source, '')",
            postgres,
            "q");
    Map<UUID, String> groupOf = new HashMap<>();
    List<Row> rows =
        jdbc.sql(
                "select i.*, c.code as charter_code, g.code as group_code from indicator i"
                    + " join charter c on c.id = i.charter_id"
                    + " left join working_group g on g.id = i.group_id"
                    + " where i.charter_id = :charter and "
                    + Viewer.condition("i")
                    + " and "
                    + match.sql()
                    + " order by i.area_key, i.code limit 200")
            .param("charter", charter.id())
            .params(viewer.parameters())
            .params(match.params())
            .query(
                (rs, n) -> {
                  Row row = row(rs, n);
                  groupOf.put(row.id(), rs.getString("group_code"));
                  return row;
                })
            .list();
    return views(rows).stream()
        .map(
            v ->
                new SearchHit(
                    "indicator",
                    v.key(),
                    v.name().text(),
                    v.definition(),
                    groupOf.get(v.id()),
                    v.area() == null ? List.of() : List.of(v.area()),
                    v.status().status(),
                    "/charters/" + charterKey + "/indicators/" + v.key()))
        .toList();
  }

  /**
   * An indicator with its values and status, as far as the viewer may see it.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public IndicatorView indicator(UUID id, Viewer viewer) {
    return views(List.of(visible(id, viewer))).get(0);
  }

  /**
   * An indicator of the charter by its key, as far as the viewer may see it.
   *
   * @throws NotFoundException when there is none, or the viewer may not see it
   */
  public IndicatorView indicator(String charterKey, String key, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    Row row =
        jdbc.sql(
                SELECT
                    + " where i.charter_id = :charter and i.code = :code and "
                    + Viewer.condition("i"))
            .param("charter", charter.id())
            .param("code", key)
            .params(viewer.parameters())
            .query(Indicators::row)
            .optional()
            .orElseThrow(() -> new NotFoundException("indicator", key));
    return views(List.of(row)).get(0);
  }

  private Row visible(UUID id, Viewer viewer) {
    return jdbc.sql(SELECT + " where i.id = :id and " + Viewer.condition("i"))
        .param("id", id)
        .params(viewer.parameters())
        .query(Indicators::row)
        .optional()
        .orElseThrow(() -> new NotFoundException("indicator", id.toString()));
  }

  private List<IndicatorView> views(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<Value>> values = new HashMap<>();
    Map<UUID, List<String>> commitments = new HashMap<>();
    List<UUID> ids = rows.stream().map(Row::id).toList();
    jdbc.sql(
            "select * from indicator_value where indicator_id in (:ids)"
                + " order by period_year nulls last, period_date nulls first, created_at, id")
        .param("ids", ids)
        .query(Indicators::value)
        .list()
        .forEach(v -> values.computeIfAbsent(v.indicatorId(), k -> new ArrayList<>()).add(v));
    // A link is shown only to a record at least as widely visible as the indicator: whoever sees
    // the indicator then sees it too, so no viewer learns a hidden key through it (links stored
    // before that rule included).
    Map<UUID, Viewer.Audience> audiences = new HashMap<>();
    rows.forEach(r -> audiences.put(r.id(), audience(r)));
    jdbc
        .sql(
            "select ic.indicator_id, ic.commitment_key, c.classification, c.origin_party,"
                + " c.group_id from indicator_commitment ic join indicator i on i.id ="
                + " ic.indicator_id join commitment c on c.charter_id = i.charter_id and c.code ="
                + " ic.commitment_key where ic.indicator_id in (:ids) order by ic.commitment_key")
        .param("ids", ids)
        .query(
            (rs, n) ->
                audiences.get(rs.getObject("indicator_id", UUID.class)).within(audience(rs, ""))
                    ? Map.entry(
                        rs.getObject("indicator_id", UUID.class), rs.getString("commitment_key"))
                    : null)
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .forEach(
            e -> commitments.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<String, Viewer.Audience> areas = new HashMap<>();
    jdbc.sql(
            "select a.charter_id, a.code, a.classification, a.origin_party, a.group_id"
                + " from area a where a.charter_id in (:charters)")
        .param("charters", rows.stream().map(Row::charterId).distinct().toList())
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    areas.put(
                        rs.getString("charter_id") + "/" + rs.getString("code"), audience(rs, "")));
    return rows.stream()
        .map(
            r -> {
              Viewer.Audience area =
                  r.area() == null ? null : areas.get(r.charterId() + "/" + r.area());
              Row shown =
                  r.area() == null || (area != null && audience(r).within(area))
                      ? r
                      : r.withoutArea();
              return view(
                  shown,
                  values.getOrDefault(r.id(), List.of()),
                  commitments.getOrDefault(r.id(), List.of()));
            })
        .toList();
  }

  private static IndicatorView view(Row r, List<Value> values, List<String> commitments) {
    return new IndicatorView(
        r.id(),
        r.charterKey(),
        r.code(),
        r.name(),
        r.unit(),
        r.direction().name().toLowerCase(java.util.Locale.ROOT),
        r.area(),
        commitments,
        r.ownerOrganization(),
        r.definition(),
        r.dataSource(),
        r.classification(),
        status(r.direction(), values),
        values.stream()
            .map(
                v ->
                    new ValueView(
                        v.id(),
                        v.kind().name().toLowerCase(java.util.Locale.ROOT),
                        v.year(),
                        v.date(),
                        tidy(v.amount()),
                        r.unit(),
                        v.sourceUrl(),
                        v.publisher(),
                        v.note(),
                        v.official(),
                        v.used(),
                        v.supersededBy(),
                        v.createdAt().toInstant()))
            .toList(),
        r.version());
  }

  private static StatusView status(Direction direction, List<Value> values) {
    List<Point> used =
        values.stream()
            .filter(v -> v.used() && v.supersededBy() == null && v.year() != null)
            .map(v -> new Point(v.kind(), v.year(), v.amount()))
            .toList();
    Assessment a = Indicator.assess(direction, used);
    return new StatusView(
        a.status().code(),
        a.status().label(),
        a.explanation(),
        a.latest() == null ? null : a.latest().year(),
        a.latest() == null ? null : tidy(a.latest().value()),
        a.expected() == null ? null : tidy(a.expected().round(java.math.MathContext.DECIMAL64)),
        a.origin() == null ? null : a.origin().year(),
        a.origin() == null ? null : tidy(a.origin().value()),
        a.target() == null ? null : a.target().year(),
        a.target() == null ? null : tidy(a.target().value()));
  }

  // ---------------------------------------------------------------- writes

  /**
   * Creates an indicator of the charter, for officials (of the framework) or members of the working
   * group it belongs to.
   *
   * @throws BadRequestException naming the field: a missing or malformed key, name, unit or
   *     direction, a key already used, an unknown commitment or area
   * @throws ForbiddenException when the viewer may not write there
   */
  @Transactional
  public IndicatorView create(String charterKey, IndicatorInput input, Viewer viewer) {
    if (input == null) {
      throw new BadRequestException(null, "an indicator is required");
    }
    CharterSummary charter = charters.require(charterKey, viewer);
    UUID groupId = null;
    if (input.workingGroup() != null && !input.workingGroup().isBlank()) {
      try {
        groupId = charters.workingGroup(charterKey, input.workingGroup(), viewer).group().id();
      } catch (NotFoundException e) {
        throw new BadRequestException(
            "workingGroup", "no working group '" + input.workingGroup() + "'");
      }
    }
    if (groupId == null ? !viewer.mayWriteInFramework() : !viewer.mayWriteIn(groupId)) {
      throw new ForbiddenException(
          null,
          groupId == null
              ? "only officials of the parties create indicators of the charter"
              : "only members of " + input.workingGroup() + " create its indicators");
    }
    String key = input.key() == null ? null : input.key().trim();
    if (key == null || !KEY.matcher(key).matches()) {
      throw new BadRequestException(
          "key", "a key of 2 to 100 lower-case letters, digits and hyphens is required");
    }
    if (input.name() == null || input.name().getOrDefault("en", "").isBlank()) {
      throw new BadRequestException("name", "a name in English (name.en) is required");
    }
    LocalizedText name = LocalizedText.stripped(input.name());
    String unit = required("unit", input.unit(), 100);
    Direction direction = Direction.fromCode("direction", input.direction());
    Classification classification = viewer.classificationToGive(input.classification());
    // A link goes only to a record the viewer may see (any other is answered as missing, so its
    // existence does not show) and at least as widely visible as the indicator.
    Viewer.Audience audience =
        new Viewer.Audience(
            classification,
            classification == Classification.PARTY_INTERNAL ? viewer.party() : null,
            groupId);
    List<String> commitments = input.commitments() == null ? List.of() : input.commitments();
    for (int i = 0; i < commitments.size(); i++) {
      String field = "commitments[" + i + "]";
      String commitment = commitments.get(i);
      Viewer.Audience target =
          (commitment == null
                  ? Optional.<Viewer.Audience>empty()
                  : charters.commitmentAudience(charterKey, commitment, viewer))
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          field, "no commitment '" + commitment + "' in the charter"));
      Viewer.requireLink(field, audience, "indicator", target, "commitment");
    }
    String area = optional("area", input.area(), 64);
    if (area != null) {
      Viewer.Audience target =
          jdbc.sql(
                  "select classification, origin_party, group_id from area"
                      + " where charter_id = ? and code = ?")
              .params(charter.id(), area)
              .query((rs, n) -> audience(rs, ""))
              .optional()
              .filter(viewer::canSee)
              .orElseThrow(
                  () -> new BadRequestException("area", "no area '" + area + "' in the charter"));
      Viewer.requireLink("area", audience, "indicator", target, "area");
    }
    if (jdbc.sql("select count(*) from indicator where charter_id = ? and code = ?")
            .params(charter.id(), key)
            .query(Long.class)
            .single()
        > 0) {
      throw new BadRequestException("key", "an indicator '" + key + "' exists already");
    }
    UUID id =
        insertIndicator(
            charter.id(),
            key,
            name,
            unit,
            direction,
            area,
            optional("ownerOrganization", input.ownerOrganization(), 300),
            optional("definition", input.definition(), 2000),
            optional("dataSource", input.dataSource(), 1000),
            classification,
            classification == Classification.PARTY_INTERNAL ? viewer.party() : null,
            groupId,
            new LinkedHashSet<>(commitments));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("charter", charterKey);
    details.put("key", key);
    details.put("classification", classification.code());
    audit.record("indicator.created", "indicator", id.toString(), Outcome.SUCCESS, details);
    return indicator(id, viewer);
  }

  private UUID insertIndicator(
      UUID charterId,
      String key,
      LocalizedText name,
      String unit,
      Direction direction,
      String area,
      String owner,
      String definition,
      String dataSource,
      Classification classification,
      String originParty,
      UUID groupId,
      Set<String> commitments) {
    UUID id = UUID.randomUUID();
    OffsetDateTime now = now();
    jdbc.sql(
            "insert into indicator (id, charter_id, code, name, unit, direction, area_key,"
                + " owner_organization, definition, data_source, classification, origin_party,"
                + " group_id, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            charterId,
            key,
            name.toJson(),
            unit,
            direction.name(),
            area,
            owner,
            definition,
            dataSource,
            classification.name(),
            originParty,
            groupId,
            now,
            now)
        .update();
    for (String c : commitments) {
      jdbc.sql("insert into indicator_commitment (indicator_id, commitment_key) values (?, ?)")
          .params(id, c)
          .update();
    }
    return id;
  }

  private boolean commitmentKnown(UUID charterId, String key) {
    return key != null
        && jdbc.sql(
                    "select count(*) from commitment where charter_id = ? and code = ?"
                        + " and retired = false")
                .params(charterId, key)
                .query(Long.class)
                .single()
            > 0;
  }

  /** A value checked and ready to store. */
  record Checked(
      Kind kind,
      Integer year,
      LocalDate date,
      BigDecimal amount,
      String sourceUrl,
      String publisher,
      String note,
      boolean official,
      boolean use,
      UUID corrects) {

    String source() {
      return sourceUrl != null ? sourceUrl : publisher;
    }
  }

  /**
   * Adds a value to an indicator, for those who may write where the indicator is kept.
   *
   * <p>When the indicator has a used value of the same kind and year from another source, both are
   * kept and the earlier stays used, unless {@code use} asks for the new one. A value that {@code
   * corrects} an earlier one supersedes it: the earlier is kept as history, no longer used.
   *
   * @throws BadRequestException naming the field: a unit not the indicator's, a value that is not a
   *     number, a duplicate of the same kind, year and source, a target dated before the baseline
   * @throws NotFoundException when the viewer may not see the indicator
   * @throws ForbiddenException when the viewer may see but not write it
   */
  @Transactional
  public ValueView addValue(UUID indicatorId, ValueInput input, Viewer viewer) {
    Row indicator = writable(indicatorId, viewer);
    Checked checked = check(indicator, input, List.of());
    UUID id = store(indicator, checked);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("indicator", indicator.code());
    details.put("kind", checked.kind().name().toLowerCase(java.util.Locale.ROOT));
    details.put("year", checked.year() == null ? "" : checked.year());
    details.put("value", checked.amount().toPlainString());
    if (checked.corrects() != null) {
      details.put("corrects", checked.corrects().toString());
    }
    audit.record(
        "indicator.value-added", "indicator", indicatorId.toString(), Outcome.SUCCESS, details);
    return indicator(indicatorId, viewer).values().stream()
        .filter(v -> v.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private Row writable(UUID indicatorId, Viewer viewer) {
    Row indicator = visible(indicatorId, viewer);
    boolean may =
        indicator.groupId() == null
            ? viewer.mayWriteInFramework()
            : viewer.mayWriteIn(indicator.groupId());
    if (!may) {
      throw new ForbiddenException(null, "you may not add values to this indicator");
    }
    return indicator;
  }

  private List<Value> values(UUID indicatorId) {
    return jdbc.sql("select * from indicator_value where indicator_id = ?")
        .param(indicatorId)
        .query(Indicators::value)
        .list();
  }

  /**
   * Checks a value against the indicator, its stored values and the values before it in the same
   * import.
   */
  private Checked check(Row indicator, ValueInput input, List<Checked> pending) {
    if (input == null) {
      throw new BadRequestException(null, "a value is required");
    }
    Kind kind = Kind.fromCode("kind", input.kind());
    if (input.value() == null || input.value().isBlank()) {
      throw new BadRequestException("value", "a value is required");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(input.value().trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException("value", "'" + input.value() + "' is not a number");
    }
    if (amount.abs().compareTo(new BigDecimal("1e17")) >= 0 || amount.scale() > 6) {
      throw new BadRequestException("value", "a value has at most 17 digits and 6 decimals");
    }
    if (input.unit() == null || !input.unit().trim().equals(indicator.unit())) {
      throw new BadRequestException(
          "unit",
          "the indicator is measured in '"
              + indicator.unit()
              + "', not '"
              + (input.unit() == null ? "" : input.unit())
              + "'");
    }
    Integer year = input.year();
    if (year == null && kind != Kind.TARGET) {
      throw new BadRequestException("year", "a year is required (only a target may have none)");
    }
    if (year != null && (year < 1900 || year > 2200)) {
      throw new BadRequestException("year", "a year between 1900 and 2200 is required");
    }
    LocalDate date = null;
    if (input.date() != null && !input.date().isBlank()) {
      try {
        date = LocalDate.parse(input.date().trim());
      } catch (DateTimeParseException e) {
        throw new BadRequestException("date", "a date is YYYY-MM-DD");
      }
      if (year == null || date.getYear() != year) {
        throw new BadRequestException("date", "the date must be in the value's year");
      }
    }
    String publisher = required("publisher", input.publisher(), 500);
    String sourceUrl = optional("sourceUrl", input.sourceUrl(), 1000);
    if (sourceUrl != null && !sourceUrl.matches("https?://\\S+")) {
      throw new BadRequestException("sourceUrl", "a source is an http(s) address");
    }
    String note = optional("note", input.note(), 2000);
    UUID corrects = null;
    List<Value> stored = values(indicator.id());
    if (input.corrects() != null && !input.corrects().isBlank()) {
      try {
        corrects = UUID.fromString(input.corrects().trim());
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("corrects", "not a value's id");
      }
      UUID c = corrects;
      Value earlier =
          stored.stream()
              .filter(v -> v.id().equals(c) && v.supersededBy() == null)
              .findFirst()
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          "corrects", "no current value " + c + " of this indicator"));
      if (earlier.kind() != kind || !Objects.equals(earlier.year(), year)) {
        throw new BadRequestException(
            "corrects", "a correction has the kind and year of the value it corrects");
      }
    }
    Checked checked =
        new Checked(
            kind,
            year,
            date,
            amount,
            sourceUrl,
            publisher,
            note,
            input.official() == null || input.official(),
            Boolean.TRUE.equals(input.use()),
            corrects);
    UUID correcting = corrects;
    boolean duplicate =
        stored.stream()
                .filter(v -> v.supersededBy() == null && !v.id().equals(correcting))
                .anyMatch(
                    v ->
                        v.kind() == kind
                            && Objects.equals(v.year(), year)
                            && Objects.equals(v.date(), checked.date())
                            && v.source().equals(checked.source()))
            || pending.stream()
                .anyMatch(
                    p ->
                        p.kind() == kind
                            && Objects.equals(p.year(), year)
                            && Objects.equals(p.date(), checked.date())
                            && p.source().equals(checked.source()));
    if (duplicate) {
      throw new BadRequestException(
          "year",
          "the indicator has a "
              + kind.name().toLowerCase(java.util.Locale.ROOT)
              + " for "
              + (year == null ? "no year" : year)
              + " from this source already; correct it instead");
    }
    if (kind == Kind.TARGET && year != null) {
      Integer baselineYear =
          java.util.stream.Stream.concat(
                  stored.stream()
                      .filter(
                          v -> v.kind() == Kind.BASELINE && v.used() && v.supersededBy() == null)
                      .map(Value::year),
                  pending.stream().filter(p -> p.kind() == Kind.BASELINE).map(Checked::year))
              .filter(Objects::nonNull)
              .min(Comparator.naturalOrder())
              .orElse(null);
      if (baselineYear != null && year < baselineYear) {
        throw new BadRequestException(
            "year", "a target of " + year + " is dated before the baseline of " + baselineYear);
      }
    }
    return checked;
  }

  /** Stores a checked value: the used one of its kind and year unless another source's is. */
  private UUID store(Row indicator, Checked c) {
    UUID id = UUID.randomUUID();
    boolean used;
    if (c.corrects() != null) {
      used =
          jdbc.sql("select used from indicator_value where id = ?")
              .param(c.corrects())
              .query(Boolean.class)
              .single();
    } else {
      boolean taken =
          jdbc.sql(
                      "select count(*) from indicator_value where indicator_id = ? and kind = ?"
                          + " and used and superseded_by is null and "
                          + (c.year() == null ? "period_year is null" : "period_year = ?"))
                  .params(
                      c.year() == null
                          ? List.of(indicator.id(), c.kind().name())
                          : List.of(indicator.id(), c.kind().name(), c.year()))
                  .query(Long.class)
                  .single()
              > 0;
      used = !taken || c.use();
      if (taken && c.use()) {
        jdbc.sql(
                "update indicator_value set used = false where indicator_id = ? and kind = ? and "
                    + (c.year() == null ? "period_year is null" : "period_year = ?"))
            .params(
                c.year() == null
                    ? List.of(indicator.id(), c.kind().name())
                    : List.of(indicator.id(), c.kind().name(), c.year()))
            .update();
      }
    }
    jdbc.sql(
            "insert into indicator_value (id, indicator_id, kind, period_year, period_date, amount,"
                + " source_url, publisher, note, official, used, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            indicator.id(),
            c.kind().name(),
            c.year(),
            c.date(),
            c.amount(),
            c.sourceUrl(),
            c.publisher(),
            c.note(),
            c.official(),
            used,
            now())
        .update();
    if (c.corrects() != null) {
      jdbc.sql("update indicator_value set superseded_by = ?, used = false where id = ?")
          .params(id, c.corrects())
          .update();
    }
    jdbc.sql("update indicator set version = version + 1, updated_at = ? where id = ?")
        .params(now(), indicator.id())
        .update();
    return id;
  }

  // ---------------------------------------------------------------- CSV

  /** One refused row: its line in the file, the field and what is wrong. */
  public record RowError(long line, String field, String message) {}

  /** What an import did: nothing is stored when there are errors. */
  public record ImportReport(int rows, int created, int unchanged, List<RowError> errors) {}

  /** An indicator's current values (not the superseded ones) as CSV, the import's columns. */
  public String exportCsv(UUID indicatorId, Viewer viewer) {
    IndicatorView indicator = indicator(indicatorId, viewer);
    Csv.Writer out = Csv.writer(CSV_HEADER);
    for (ValueView v : indicator.values()) {
      if (v.supersededBy() != null) {
        continue;
      }
      out.row(
          v.kind(),
          v.year() == null ? "" : v.year(),
          v.date() == null ? "" : v.date(),
          v.value().toPlainString(),
          indicator.unit(),
          v.sourceUrl() == null ? "" : v.sourceUrl(),
          v.publisher(),
          v.note() == null ? "" : v.note(),
          v.official(),
          v.used());
    }
    return out.toString();
  }

  /**
   * Imports values of an indicator from CSV (the export's columns; {@code used} is read as asking
   * to use the value). Idempotent: a row whose kind, year, date, source and value are stored
   * already is left as it is. All or nothing: one bad row refuses the file, and the report names
   * every bad line. Audited as one event.
   *
   * @throws NotFoundException when the viewer may not see the indicator
   * @throws ForbiddenException when the viewer may see but not write it
   */
  @Transactional
  public ImportReport importCsv(UUID indicatorId, Reader csv, Viewer viewer) {
    Row indicator = writable(indicatorId, viewer);
    List<Value> stored = values(indicatorId);
    List<Checked> pending = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    int rows = 0;
    int unchanged = 0;
    try (CSVParser parser = Csv.read(csv)) {
      Set<String> header = new HashSet<>(parser.getHeaderNames());
      for (String required : List.of("kind", "year", "value", "unit", "publisher")) {
        if (!header.contains(required)) {
          errors.add(new RowError(1, required, "the header has no column '" + required + "'"));
        }
      }
      if (!errors.isEmpty()) {
        return new ImportReport(0, 0, 0, errors);
      }
      for (CSVRecord r : parser) {
        rows++;
        if (rows > MAX_ROWS) {
          errors.add(new RowError(r.getRecordNumber() + 1, null, "at most " + MAX_ROWS + " rows"));
          break;
        }
        long line = r.getRecordNumber() + 1;
        ValueInput input;
        try {
          String year = get(r, "year");
          Integer y;
          try {
            y = year == null ? null : Integer.valueOf(year);
          } catch (NumberFormatException e) {
            throw new BadRequestException("year", "'" + year + "' is not a year");
          }
          String official = get(r, "official");
          String used = get(r, "used");
          input =
              new ValueInput(
                  get(r, "kind"),
                  y,
                  get(r, "date"),
                  get(r, "value"),
                  get(r, "unit"),
                  get(r, "source_url"),
                  get(r, "publisher"),
                  get(r, "note"),
                  official == null ? null : Boolean.valueOf(official),
                  used == null ? null : Boolean.valueOf(used),
                  null);
          if (alreadyStored(input, stored)) {
            unchanged++;
            continue;
          }
          pending.add(check(indicator, input, pending));
        } catch (BadRequestException e) {
          errors.add(new RowError(line, e.field(), e.getMessage()));
        }
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      errors.add(new RowError(0, null, "not a CSV file: " + e.getMessage()));
    }
    if (!errors.isEmpty()) {
      return new ImportReport(rows, 0, 0, errors);
    }
    for (Checked c : pending) {
      store(indicator, c);
    }
    if (!pending.isEmpty()) {
      audit.record(
          "indicator.values-imported",
          "indicator",
          indicatorId.toString(),
          Outcome.SUCCESS,
          Map.of("rows", rows, "created", pending.size(), "unchanged", unchanged));
    }
    return new ImportReport(rows, pending.size(), unchanged, List.of());
  }

  private static boolean alreadyStored(ValueInput input, List<Value> stored) {
    BigDecimal amount;
    Kind kind;
    try {
      amount = new BigDecimal(input.value().trim());
      kind = Kind.valueOf(input.kind().trim().toUpperCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      return false;
    }
    String source = input.sourceUrl() != null ? input.sourceUrl() : input.publisher();
    return stored.stream()
        .anyMatch(
            v ->
                v.supersededBy() == null
                    && v.kind() == kind
                    && Objects.equals(v.year(), input.year())
                    && Objects.equals(v.date() == null ? null : v.date().toString(), input.date())
                    && v.source().equals(source)
                    && v.amount().compareTo(amount) == 0);
  }

  private static String get(CSVRecord r, String column) {
    String v = Csv.get(r, column);
    return v.isBlank() ? null : v.trim();
  }

  // ---------------------------------------------------------------- reference data

  /**
   * How loading a charter's reference indicators went: {@code created} counts indicators and values
   * created, {@code corrected} values that corrected a stored one.
   */
  public record ReferenceReport(
      String charterKey, int indicators, int values, int created, int corrected) {}

  /**
   * Stores a charter's reference indicators, public, from real public data (see {@link
   * IndicatorReference}): an indicator is created when its key is new; a value when no current
   * value of the same kind, year, date and source exists; a value whose figure differs from the
   * stored one of the same kind, year, date and source corrects it (the earlier kept as history).
   * Running it twice with the same data changes nothing.
   */
  @Transactional
  public ReferenceReport loadReference(IndicatorReference.Reference reference) {
    // Every node loads the reference at start-up: one at a time, so that nodes started together
    // do not insert the same indicators twice (the second finds them stored and changes nothing).
    lock.holdUntilCommit("indicator-reference");
    UUID charterId =
        charters
            .idOf(reference.charterKey())
            .orElseThrow(
                () -> new IllegalStateException("no charter '" + reference.charterKey() + "'"));
    int created = 0;
    int corrected = 0;
    int values = 0;
    for (IndicatorReference.Entry e : reference.indicators()) {
      for (String c : e.commitments()) {
        if (!commitmentKnown(charterId, c)) {
          throw new IllegalStateException(
              "indicator " + e.key() + " measures no commitment '" + c + "' of the charter");
        }
      }
      Row row =
          jdbc.sql(SELECT + " where i.charter_id = ? and i.code = ?")
              .params(charterId, e.key())
              .query(Indicators::row)
              .optional()
              .orElse(null);
      if (row == null) {
        insertIndicator(
            charterId,
            e.key(),
            e.name(),
            e.unit(),
            e.direction(),
            e.area(),
            null,
            null,
            e.dataSource(),
            Classification.PUBLIC,
            null,
            null,
            new LinkedHashSet<>(e.commitments()));
        created++;
        row =
            jdbc.sql(SELECT + " where i.charter_id = ? and i.code = ?")
                .params(charterId, e.key())
                .query(Indicators::row)
                .single();
      }
      List<Value> stored = values(row.id());
      List<Checked> seen = new ArrayList<>();
      for (Checked c : e.values()) {
        values++;
        Value same =
            stored.stream()
                .filter(
                    v ->
                        v.supersededBy() == null
                            && v.kind() == c.kind()
                            && Objects.equals(v.year(), c.year())
                            && Objects.equals(v.date(), c.date())
                            && v.source().equals(c.source()))
                .findFirst()
                .orElse(null);
        if (same != null && same.amount().compareTo(c.amount()) == 0) {
          continue;
        }
        boolean again =
            seen.stream()
                .anyMatch(
                    s ->
                        s.kind() == c.kind()
                            && Objects.equals(s.year(), c.year())
                            && Objects.equals(s.date(), c.date())
                            && s.source().equals(c.source()));
        if (again) {
          throw new IllegalStateException(
              "indicator " + e.key() + " has two rows of one kind, year and source");
        }
        seen.add(c);
        Checked toStore =
            same == null
                ? c
                : new Checked(
                    c.kind(),
                    c.year(),
                    c.date(),
                    c.amount(),
                    c.sourceUrl(),
                    c.publisher(),
                    c.note(),
                    c.official(),
                    false,
                    same.id());
        store(row, toStore);
        if (same == null) {
          created++;
        } else {
          corrected++;
        }
      }
    }
    if (created + corrected > 0) {
      audit.record(
          "indicator.reference-loaded",
          "indicator-reference",
          reference.charterKey(),
          Outcome.SUCCESS,
          Map.of(
              "file",
              reference.file(),
              "indicators",
              reference.indicators().size(),
              "created",
              created,
              "corrected",
              corrected));
    }
    return new ReferenceReport(
        reference.charterKey(), reference.indicators().size(), values, created, corrected);
  }

  // ---------------------------------------------------------------- helpers

  /** A number without trailing zeros, never in exponent notation. */
  static BigDecimal tidy(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static String required(String field, String value, int max) {
    String v = optional(field, value, max);
    if (v == null) {
      throw new BadRequestException(field, field + " is required");
    }
    return v;
  }

  private static String optional(String field, String value, int max) {
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

package org.entente.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database's content in a portable form, written by one release and read by every later one: a
 * folder with {@code manifest.json} (the release, its commit, the Flyway version its schema was at,
 * and each table's columns with a kind) and {@code rows/<table>.jsonl} (one JSON object per row,
 * column to value, every value a string in the kind's canonical form, or null).
 *
 * <p>The kinds are {@code text}, {@code uuid}, {@code int}, {@code decimal}, {@code double}, {@code
 * boolean}, {@code date}, {@code time}, {@code timestamp} (no zone), {@code timestamptz} (an
 * instant, written in UTC) and {@code bytes} (base64). The same canonical form is used to compare a
 * migrated database with the fixture, so H2 and PostgreSQL read alike.
 */
final class ReleaseFixture {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Where the fixtures live on the test class path: one folder per release. */
  static final String ROOT = "migration";

  /** Tables never copied: Flyway's own history is made by running the migrations. */
  static final List<String> NOT_COPIED = List.of("flyway_schema_history");

  record Column(String name, String kind) {}

  record Table(String name, List<Column> columns, List<String> key, int rows) {}

  record Manifest(
      String release, String commit, String flywayVersion, String madeWith, List<Table> tables) {}

  /** A fixture read from the class path. */
  record Fixture(String folder, Manifest manifest, Map<String, List<Map<String, String>>> rows) {

    Table table(String name) {
      return manifest.tables().stream()
          .filter(t -> t.name().equals(name))
          .findFirst()
          .orElseThrow();
    }

    @Override
    public String toString() {
      return folder;
    }
  }

  private ReleaseFixture() {}

  // ------------------------------------------------------------------ reading values

  /** The kind of a column, from the database's description of it. */
  static String kind(int jdbcType, String typeName) {
    String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    if (name.contains("uuid")) {
      return "uuid";
    }
    if (name.equals("timestamptz") || name.contains("with time zone")) {
      return "timestamptz"; // PostgreSQL's driver calls it Types.TIMESTAMP
    }
    return switch (jdbcType) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "int";
      case Types.NUMERIC, Types.DECIMAL -> "decimal";
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> "double";
      case Types.BOOLEAN, Types.BIT -> "boolean";
      case Types.DATE -> "date";
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> "time";
      case Types.TIMESTAMP -> "timestamp";
      case Types.TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "bytes";
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.CLOB,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.NCLOB ->
          "text";
      default ->
          throw new IllegalStateException(
              "no portable kind for the column type " + typeName + " (" + jdbcType + ")");
    };
  }

  /** A value in its kind's canonical form, or null. */
  static String read(ResultSet rs, int column, String kind) throws SQLException {
    Object o = rs.getObject(column);
    if (o == null) {
      return null;
    }
    return switch (kind) {
      case "uuid" -> rs.getObject(column, UUID.class).toString();
      case "int" -> Long.toString(rs.getLong(column));
      case "decimal" -> {
        BigDecimal d = rs.getBigDecimal(column).stripTrailingZeros();
        yield d.signum() == 0 ? "0" : d.toPlainString();
      }
      case "double" -> Double.toString(rs.getDouble(column));
      case "boolean" -> Boolean.toString(rs.getBoolean(column));
      case "date" -> rs.getObject(column, LocalDate.class).toString();
      case "time" -> rs.getObject(column, LocalTime.class).toString();
      case "timestamp" -> rs.getObject(column, LocalDateTime.class).toString();
      case "timestamptz" -> rs.getObject(column, OffsetDateTime.class).toInstant().toString();
      case "bytes" -> Base64.getEncoder().encodeToString(rs.getBytes(column));
      default -> rs.getString(column);
    };
  }

  /** Binds a canonical value as its kind. */
  static void bind(PreparedStatement ps, int index, String kind, String value) throws SQLException {
    if (value == null) {
      ps.setObject(index, null);
      return;
    }
    switch (kind) {
      case "uuid" -> ps.setObject(index, UUID.fromString(value));
      case "int" -> ps.setLong(index, Long.parseLong(value));
      case "decimal" -> ps.setBigDecimal(index, new BigDecimal(value));
      case "double" -> ps.setDouble(index, Double.parseDouble(value));
      case "boolean" -> ps.setBoolean(index, Boolean.parseBoolean(value));
      case "date" -> ps.setObject(index, LocalDate.parse(value));
      case "time" -> ps.setObject(index, LocalTime.parse(value));
      case "timestamp" -> ps.setObject(index, LocalDateTime.parse(value));
      case "timestamptz" -> ps.setObject(index, OffsetDateTime.parse(value.replace("Z", "+00:00")));
      case "bytes" -> ps.setBytes(index, Base64.getDecoder().decode(value));
      default -> ps.setString(index, value);
    }
  }

  // ------------------------------------------------------------------ the schema

  /** The application's tables (lower-case names) in the connection's current schema. */
  static List<String> tables(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String schema = c.getSchema();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!NOT_COPIED.contains(name)) {
          names.add(name);
        }
      }
    }
    names.sort(null);
    return names;
  }

  /** A table's columns, in order, each with its kind; empty when there is no such table. */
  static List<Column> columns(Connection c, String table) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select * from " + table + " where 1 = 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(
            new Column(
                meta.getColumnName(i).toLowerCase(Locale.ROOT),
                kind(meta.getColumnType(i), meta.getColumnTypeName(i))));
      }
    }
    return columns;
  }

  static List<String> primaryKey(Connection c, String table) throws SQLException {
    List<String> key = new ArrayList<>();
    String name = c.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
    try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, c.getSchema(), name)) {
      Map<Integer, String> byPosition = new java.util.TreeMap<>();
      while (rs.next()) {
        byPosition.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
      key.addAll(byPosition.values());
    }
    return key;
  }

  /** Every row of a table, each column in its canonical form, in a stable order. */
  static List<Map<String, String>> rows(Connection c, String table, List<Column> columns)
      throws SQLException {
    List<Map<String, String>> rows = new ArrayList<>();
    String list = String.join(", ", columns.stream().map(Column::name).toList());
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select " + list + " from " + table)) {
      while (rs.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          row.put(columns.get(i).name(), read(rs, i + 1, columns.get(i).kind()));
        }
        rows.add(row);
      }
    }
    rows.sort(java.util.Comparator.comparing(Object::toString));
    return rows;
  }

  // ------------------------------------------------------------------ writing a fixture

  /** Writes the database's content as a fixture folder (replacing what is there). */
  static void write(
      DataSource dataSource, Path folder, String release, String commit, String madeWith)
      throws SQLException, IOException {
    Path rowsFolder = folder.resolve("rows");
    Files.createDirectories(rowsFolder);
    try (var old = Files.list(rowsFolder)) {
      for (Path p : old.toList()) {
        Files.delete(p);
      }
    }
    try (Connection c = dataSource.getConnection()) {
      String version;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select version from flyway_schema_history where success"
                      + " and version is not null order by installed_rank desc")) {
        rs.next();
        version = rs.getString(1);
      }
      List<Table> tables = new ArrayList<>();
      for (String table : tables(c)) {
        List<Column> columns = columns(c, table);
        List<Map<String, String>> rows = rows(c, table, columns);
        try (Writer w = Files.newBufferedWriter(rowsFolder.resolve(table + ".jsonl"))) {
          for (Map<String, String> row : rows) {
            w.write(JSON.writeValueAsString(row));
            w.write('\n');
          }
        }
        tables.add(new Table(table, columns, primaryKey(c, table), rows.size()));
      }
      Manifest manifest = new Manifest(release, commit, version, madeWith, tables);
      Files.writeString(
          folder.resolve("manifest.json"),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
    }
  }

  // ------------------------------------------------------------------ reading fixtures

  /** Every fixture on the class path, oldest release folder first. */
  static List<Fixture> all() {
    try {
      Resource[] manifests =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:" + ROOT + "/*/manifest.json");
      List<Fixture> fixtures = new ArrayList<>();
      for (Resource manifest : manifests) {
        fixtures.add(read(manifest));
      }
      fixtures.sort(java.util.Comparator.comparing(Fixture::folder));
      return fixtures;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Fixture read(Resource manifestResource) throws IOException {
    Manifest manifest;
    try (InputStream in = manifestResource.getInputStream()) {
      manifest = JSON.readValue(in, Manifest.class);
    }
    Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
    for (Table table : manifest.tables()) {
      Resource file = manifestResource.createRelative("rows/" + table.name() + ".jsonl");
      List<Map<String, String>> list = new ArrayList<>();
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.isBlank()) {
            @SuppressWarnings("unchecked")
            Map<String, String> row = JSON.readValue(line, LinkedHashMap.class);
            list.add(row);
          }
        }
      }
      if (list.size() != table.rows()) {
        throw new IllegalStateException(
            manifestResource
                + ": "
                + table.name()
                + " has "
                + list.size()
                + " rows, not "
                + table.rows());
      }
      rows.put(table.name(), list);
    }
    String folder = manifestResource.createRelative(".").getURI().toString();
    folder = folder.replaceAll("/$", "");
    folder = folder.substring(folder.lastIndexOf('/') + 1);
    return new Fixture(folder, manifest, rows);
  }

  // ------------------------------------------------------------------ loading a fixture

  /**
   * Makes an empty database the release's database: runs the migrations up to the fixture's Flyway
   * version (the SQL ones and the application's Java ones, as the release did), then replaces the
   * content of every table with the fixture's rows, constraints and triggers off while loading.
   */
  static void load(DataSource dataSource, Fixture fixture) throws SQLException {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .javaMigrations(javaMigrations())
        .target(fixture.manifest().flywayVersion())
        .load()
        .migrate();
    try (Connection c = dataSource.getConnection()) {
      boolean postgres = c.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(
            postgres
                ? "set session_replication_role = replica"
                : "set referential_integrity false");
      }
      try {
        for (Table table : fixture.manifest().tables()) {
          try (Statement s = c.createStatement()) {
            s.execute("delete from " + table.name());
          }
          List<Column> columns = table.columns();
          String sql =
              "insert into "
                  + table.name()
                  + " ("
                  + String.join(", ", columns.stream().map(Column::name).toList())
                  + ") values ("
                  + String.join(", ", columns.stream().map(x -> "?").toList())
                  + ")";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map<String, String> row : fixture.rows().get(table.name())) {
              for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                bind(ps, i + 1, column.kind(), row.get(column.name()));
              }
              ps.addBatch();
            }
            ps.executeBatch();
          }
        }
        c.commit();
      } finally {
        try (Statement s = c.createStatement()) {
          s.execute(
              postgres
                  ? "set session_replication_role = origin"
                  : "set referential_integrity true");
        }
        c.setAutoCommit(true);
      }
    }
  }

  /** The application's Java migrations (package-private classes in the modules), made here. */
  static JavaMigration[] javaMigrations() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(JavaMigration.class));
    List<JavaMigration> migrations = new ArrayList<>();
    for (var candidate : scanner.findCandidateComponents("org.entente")) {
      try {
        var constructor = Class.forName(candidate.getBeanClassName()).getDeclaredConstructor();
        constructor.setAccessible(true);
        migrations.add((JavaMigration) constructor.newInstance());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot make " + candidate.getBeanClassName(), e);
      }
    }
    return migrations.toArray(JavaMigration[]::new);
  }
}

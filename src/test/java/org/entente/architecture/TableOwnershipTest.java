package org.entente.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every table belongs to one module, written down in {@code docs/table-ownership.md}, and no
 * module's SQL names another module's table: reads go through the owner's API. The SQL is read from
 * the string literals and text blocks of each module's Java code.
 */
class TableOwnershipTest {

  private static final Path OWNERS = Path.of("docs/table-ownership.md");

  /** A table named where SQL expects one: after FROM, JOIN, INTO, UPDATE or TABLE. */
  private static final Pattern TABLE_REFERENCE =
      Pattern.compile(
          "\\b(?:from|join|into|update|table)\\s+([a-z_][a-z0-9_]*)\\b", Pattern.CASE_INSENSITIVE);

  @Test
  void everyTableOfTheSchemaHasExactlyOneOwningModule() throws IOException {
    Map<String, String> owners = owners();
    Set<String> schema = schemaTables();
    assertThat(owners.keySet()).as("tables in %s", OWNERS).containsAll(schema);
    assertThat(schema).as("tables of the schema").containsAll(owners.keySet());
    Set<String> modules = new TreeSet<>();
    for (MainSources.Source source : MainSources.all()) {
      modules.add(source.module());
    }
    assertThat(modules).as("modules").containsAll(owners.values());
  }

  @Test
  void noModulesSqlNamesAnotherModulesTable() throws IOException {
    Map<String, String> owners = owners();
    List<String> violations = new ArrayList<>();
    for (MainSources.Source source : MainSources.all()) {
      for (String sql : literals(source)) {
        for (String table : tablesNamedIn(sql, owners.keySet())) {
          String owner = owners.get(table);
          if (!owner.equals(source.module())) {
            violations.add(source.name() + " names " + table + " (owned by " + owner + ")");
          }
        }
      }
    }
    assertThat(violations.stream().distinct().toList())
        .as("SQL naming another module's table")
        .isEmpty();
  }

  @Test
  void tablesAreFoundAfterEveryKeywordThatNamesOne() {
    Set<String> known = Set.of("project", "milestone", "working_group", "account", "charter");
    assertThat(
            tablesNamedIn(
                "select m.id from milestone m join project p on p.id = m.project_id"
                    + " where exists (select 1 from working_group g)",
                known))
        .containsExactlyInAnyOrder("milestone", "project", "working_group");
    assertThat(tablesNamedIn("insert into account (id) values (?)", known))
        .containsExactly("account");
    assertThat(tablesNamedIn("UPDATE charter SET title = ?", known)).containsExactly("charter");
    assertThat(tablesNamedIn("select project_id from milestone_dependency", known)).isEmpty();
  }

  static Set<String> tablesNamedIn(String sql, Set<String> known) {
    Set<String> tables = new TreeSet<>();
    Matcher matcher = TABLE_REFERENCE.matcher(sql);
    while (matcher.find()) {
      String name = matcher.group(1).toLowerCase();
      if (known.contains(name)) {
        tables.add(name);
      }
    }
    return tables;
  }

  private static List<String> literals(MainSources.Source source) {
    List<String> literals = new ArrayList<>();
    var unit = source.parse();
    unit.findAll(StringLiteralExpr.class).forEach(literal -> literals.add(literal.asString()));
    unit.findAll(TextBlockLiteralExpr.class).forEach(literal -> literals.add(literal.asString()));
    return literals;
  }

  /** Table to module, from the Markdown table of docs/table-ownership.md. */
  static Map<String, String> owners() throws IOException {
    Map<String, String> owners = new LinkedHashMap<>();
    for (String line : Files.readAllLines(OWNERS)) {
      String[] cells = line.split("\\|");
      if (cells.length < 3 || !line.startsWith("| ") || line.startsWith("| module")) {
        continue;
      }
      String module = cells[1].strip();
      if (module.startsWith("---")) {
        continue;
      }
      for (String table : Arrays.stream(cells[2].split(",")).map(String::strip).toList()) {
        String before = owners.put(table, module);
        assertThat(before).as("%s is listed for %s and %s", table, before, module).isNull();
      }
    }
    return owners;
  }

  /** The tables the migrations make, on an empty database in memory. */
  private static Set<String> schemaTables() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(
        "jdbc:h2:mem:table-ownership-"
            + System.nanoTime()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    return new TreeSet<>(
        JdbcClient.create(dataSource)
            .sql(
                "select table_name from information_schema.tables"
                    + " where lower(table_schema) = 'public'"
                    + " and lower(table_name) <> 'flyway_schema_history'")
            .query(String.class)
            .list()
            .stream()
            .map(String::toLowerCase)
            .toList());
  }
}

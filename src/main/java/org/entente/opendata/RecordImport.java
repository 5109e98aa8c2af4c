package org.entente.opendata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterIndex;
import org.entente.charter.Charters;
import org.entente.exchange.Column;
import org.entente.exchange.RecordExchange;
import org.entente.exchange.RecordTable;
import org.entente.opendata.RecordTables.Carried;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.StateConflictException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The import of an export into an empty instance, all or nothing: every row is read and checked
 * first, then each module writes its own rows through its {@link RecordExchange}.
 */
@Component
class RecordImport {

  private final Charters charters;
  private final Audit audit;

  RecordImport(Charters charters, Audit audit) {
    this.charters = charters;
    this.audit = audit;
  }

  /** What the file holds, read and checked: the rows to write by table, and how many were kept. */
  private record Checked(Map<String, List<Map<String, Object>>> rows, int kept) {}

  Map<String, Integer> importRows(Map<String, Object> export, List<Carried> tables) {
    Map<?, ?> listed = tablesOf(export, tables);
    String charterKey = (String) export.get("charter");
    UUID charterId =
        CharterKey.parse(charterKey)
            .flatMap(charters::idOf)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "charter",
                        "this instance has no charter '"
                            + charterKey
                            + "': load its definition first"));
    Checked checked = check(listed, tables, charterId);
    // A malformed file is refused as such (400) before an instance's records are (409).
    refuseUnlessEmpty(tables, charterId, charterKey);
    Map<String, Integer> counts = write(checked, tables, charterId);
    counts.put("kept", checked.kept());
    audit.record("charter.imported", "charter", charterId.toString(), Outcome.SUCCESS, counts);
    return counts;
  }

  private static Map<?, ?> tablesOf(Map<String, Object> export, List<Carried> tables) {
    if (export == null || !RecordTables.FORMAT.equals(export.get("format"))) {
      throw new BadRequestException(
          "format", "not an Entente export: format must be " + RecordTables.FORMAT);
    }
    if (!(export.get("charter") instanceof String charterKey) || charterKey.isBlank()) {
      throw new BadRequestException("charter", "the export names no charter");
    }
    if (!(export.get("tables") instanceof Map<?, ?> listed)) {
      throw new BadRequestException("tables", "the export has no tables");
    }
    for (Object name : listed.keySet()) {
      if (tables.stream().noneMatch(t -> t.name().equals(name))) {
        throw new BadRequestException("tables." + name, "not a table an export carries");
      }
    }
    return listed;
  }

  private Checked check(Map<?, ?> listed, List<Carried> tables, UUID charterId) {
    CharterIndex index = charters.index(charterId).orElseThrow();
    Map<String, UUID> groups = new HashMap<>();
    index.bodyKeys().forEach((id, key) -> groups.put(key, id));
    Map<String, UUID> commitments = new HashMap<>();
    index.commitmentKeys().forEach((id, key) -> commitments.put(key, id));
    RowReader reader = new RowReader(groups, commitments);
    Map<String, List<Map<String, Object>>> parsed = new LinkedHashMap<>();
    Map<String, Set<Object>> ids = new HashMap<>();
    Map<String, Set<Object>> keptIds = new HashMap<>();
    int kept = 0;
    for (Carried carried : tables) {
      RecordTable table = carried.table();
      Set<String> own = carried.module().ownCodes(table, charterId);
      List<Map<String, Object>> out = new ArrayList<>();
      List<?> rows = rowsOf(listed, table);
      for (int i = 0; i < rows.size(); i++) {
        String at = "tables." + table.name() + "[" + i + "]";
        if (!(rows.get(i) instanceof Map<?, ?> raw)) {
          throw new BadRequestException(at, "a row is an object");
        }
        Map<String, Object> row = reader.read(table, raw, at);
        if (row.get("code") != null && own.contains(row.get("code"))) {
          keptIds.computeIfAbsent(table.name(), t -> new HashSet<>()).add(row.get("id"));
          kept++;
          continue;
        }
        if (refersToKept(table, row, keptIds)) {
          continue;
        }
        checkReferences(table, row, at, ids);
        out.add(row);
      }
      parsed.put(table.name(), out);
    }
    return new Checked(parsed, kept);
  }

  private static List<?> rowsOf(Map<?, ?> listed, RecordTable table) {
    Object rows = listed.get(table.name());
    if (rows != null && !(rows instanceof List<?>)) {
      throw new BadRequestException("tables." + table.name(), "must be a list of rows");
    }
    return rows == null ? List.of() : (List<?>) rows;
  }

  /** A row of a record this instance keeps of its own is left out with it. */
  private static boolean refersToKept(
      RecordTable table, Map<String, Object> row, Map<String, Set<Object>> keptIds) {
    for (Column col : table.columns()) {
      Object value = row.get(col.name());
      if (col.ref() != null
          && value != null
          && !col.ref().equals(table.name())
          && keptIds.getOrDefault(col.ref(), Set.of()).contains(value)) {
        return true;
      }
    }
    return false;
  }

  private static void checkReferences(
      RecordTable table, Map<String, Object> row, String at, Map<String, Set<Object>> ids) {
    for (Column col : table.columns()) {
      Object value = row.get(col.name());
      if (col.ref() != null
          && value != null
          && !col.ref().equals(table.name())
          && !ids.getOrDefault(col.ref(), Set.of()).contains(value)) {
        throw new BadRequestException(
            at + "." + col.name(), "refers to a " + col.ref() + " the file does not hold");
      }
    }
    if (row.get("id") != null
        && !ids.computeIfAbsent(table.name(), t -> new HashSet<>()).add(row.get("id"))) {
      throw new BadRequestException(at + ".id", "the file holds this id twice");
    }
  }

  private static void refuseUnlessEmpty(List<Carried> tables, UUID charterId, String charterKey) {
    Set<RecordExchange> modules = new LinkedHashSet<>();
    tables.forEach(carried -> modules.add(carried.module()));
    for (RecordExchange module : modules) {
      if (module.holdsRecords(charterId)) {
        throw notEmpty(
            "This instance already holds records of the charter '"
                + charterKey
                + "' ("
                + module.tables().get(0).name()
                + "); an export is imported into an empty instance only. Nothing was imported.");
      }
    }
  }

  private static Map<String, Integer> write(Checked checked, List<Carried> tables, UUID charterId) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try {
      for (Carried carried : tables) {
        List<Map<String, Object>> rows = checked.rows().get(carried.name());
        for (Map<String, Object> row : rows) {
          carried.module().insert(carried.table(), row, charterId);
        }
        counts.put(carried.name(), rows.size());
      }
      for (Carried carried : tables) {
        carried.module().afterImport(carried.table(), checked.rows().get(carried.name()));
      }
    } catch (DuplicateKeyException e) {
      throw notEmpty(
          "A record of the file exists in this instance already (same id or key)."
              + " Nothing was imported.");
    } catch (DataAccessException e) {
      throw new BadRequestException(
          "tables", "the file's records do not fit this instance's database; nothing was imported");
    }
    return counts;
  }

  private static StateConflictException notEmpty(String detail) {
    return new StateConflictException("Not empty", detail, Map.of());
  }
}

package org.entente.charter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.identity.Viewer;
import org.entente.shared.LocalizedText;
import org.entente.shared.SearchHit;
import org.entente.shared.TextQuery;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Searches a charter's commitments by their title and action, as far as the viewer may see. */
final class CharterSearch {

  private final JdbcClient jdbc;

  CharterSearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The matching commitments, at most 200, in the charter's order, each with its areas. */
  List<SearchHit> commitments(
      CharterSummary charter, TextQuery query, boolean postgres, Viewer viewer) {
    String charterKey = charter.key();
    TextQuery.Condition match = query.condition("c.title || ' ' || c.action", postgres, "q");
    record Match(UUID id, String code, String title, String action) {}
    List<Match> matches =
        jdbc.sql(
                "select c.id, c.code, c.title, c.action from commitment c where c.charter_id ="
                    + " :charter and c.retired = false and "
                    + Viewer.condition("c")
                    + " and "
                    + match.sql()
                    + " order by c.position limit 200")
            .param("charter", charter.id())
            .params(viewer.parameters())
            .params(match.params())
            .query(
                (rs, n) ->
                    new Match(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        rs.getString("title"),
                        rs.getString("action")))
            .list();
    if (matches.isEmpty()) {
      return List.of();
    }
    // The areas of all matching commitments in one statement, not one per commitment.
    Map<UUID, List<String>> areas = new HashMap<>();
    jdbc.sql(
            "select ca.commitment_id, a.code from commitment_area ca join area a on a.id ="
                + " ca.area_id where ca.commitment_id in (:ids) order by a.position")
        .param("ids", matches.stream().map(Match::id).toList())
        .query(
            (RowCallbackHandler)
                rs ->
                    areas
                        .computeIfAbsent(
                            rs.getObject("commitment_id", UUID.class), k -> new ArrayList<>())
                        .add(rs.getString("code")));
    return matches.stream()
        .map(
            m ->
                new SearchHit(
                    "commitment",
                    m.code(),
                    LocalizedText.fromJson(m.title()).text(),
                    LocalizedText.fromJson(m.action()).text(),
                    null,
                    List.copyOf(areas.getOrDefault(m.id(), List.of())),
                    null,
                    "/charters/" + charterKey + "/commitments/" + m.code()))
        .toList();
  }
}

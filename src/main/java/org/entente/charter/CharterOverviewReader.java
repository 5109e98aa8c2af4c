package org.entente.charter;

import static org.entente.charter.CharterReader.VISIBLE;
import static org.entente.charter.CharterReader.source;
import static org.entente.charter.CharterReader.summary;
import static org.entente.charter.CharterReader.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.entente.charter.CharterStructure.Both;
import org.entente.charter.CharterViews.AreaOverview;
import org.entente.charter.CharterViews.AreaView;
import org.entente.charter.CharterViews.CharterOverview;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.FoundationDocumentView;
import org.entente.charter.CharterViews.HistoryEntryView;
import org.entente.charter.CharterViews.PartyView;
import org.entente.charter.CharterViews.PrincipleView;
import org.entente.charter.CharterViews.Ref;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.identity.Viewer;
import org.entente.shared.LocalizedText;
import org.entente.shared.Source;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads what a charter's overview shows beyond its structure: the charter's long texts, its
 * parties, foundation documents, principles and history; and puts the overview together with the
 * working groups and commitments as the charter's structure gives them.
 */
final class CharterOverviewReader {

  private static final String CHARTER_COLUMNS =
      "id, code, title, short_title, signed_on, signed_at, languages, text_language,"
          + " classification,"
          + " definition_name, loaded_at, party_order, summary, reading, source_document,"
          + " source_quote, source_url";

  private final JdbcClient jdbc;
  private final CharterReader reader;

  CharterOverviewReader(JdbcClient jdbc, CharterReader reader) {
    this.jdbc = jdbc;
    this.reader = reader;
  }

  /**
   * The charter's overview, or empty when there is none the viewer may see.
   *
   * @param structure the charter's working groups and commitments for the viewer, by the charter's
   *     id
   */
  Optional<CharterOverview> overview(String code, Viewer viewer, Function<UUID, Both> structure) {
    record Extra(
        CharterSummary charter, LocalizedText summary, LocalizedText reading, Source source) {}
    return jdbc.sql("select " + CHARTER_COLUMNS + " from charter where code = :code" + VISIBLE)
        .param("code", code)
        .params(viewer.parameters())
        .query(
            (rs, n) -> new Extra(summary(rs), text(rs, "summary"), text(rs, "reading"), source(rs)))
        .optional()
        .map(
            e -> {
              UUID id = e.charter().id();
              Both both = structure.apply(id);
              return new CharterOverview(
                  e.charter(),
                  e.summary(),
                  e.reading(),
                  e.source(),
                  parties(id, viewer),
                  documents(id, viewer),
                  principles(id, viewer),
                  areas(reader.areas(id, viewer), both.groups(), both.commitments()),
                  both.groups(),
                  reader.platforms(id, viewer),
                  history(id, viewer));
            });
  }

  /** Each area with the commitments in it and the groups that cover it. */
  private static List<AreaOverview> areas(
      List<AreaView> areas, List<WorkingGroupView> groups, List<CommitmentView> commitments) {
    List<AreaOverview> overviews = new ArrayList<>();
    for (AreaView area : areas) {
      overviews.add(
          new AreaOverview(
              area,
              commitments.stream()
                  .filter(c -> c.areas().stream().anyMatch(a -> a.key().equals(area.key())))
                  .toList(),
              groups.stream()
                  .filter(g -> g.areas().stream().anyMatch(a -> a.key().equals(area.key())))
                  .map(g -> new Ref(g.key(), g.name()))
                  .toList()));
    }
    return overviews;
  }

  private List<PartyView> parties(UUID charterId, Viewer viewer) {
    return jdbc.sql(
            "select code, official_name, short_name, signatory, time_zone from party"
                + " where charter_id = :charter and retired = false"
                + VISIBLE
                + " order by position")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                new PartyView(
                    rs.getString("code"),
                    text(rs, "official_name"),
                    text(rs, "short_name"),
                    text(rs, "signatory"),
                    PartyView.zones(rs.getString("time_zone"))))
        .list();
  }

  private List<FoundationDocumentView> documents(UUID charterId, Viewer viewer) {
    return jdbc.sql(
            "select * from foundation_document where charter_id = :charter and retired = false"
                + VISIBLE
                + " order by position")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                new FoundationDocumentView(
                    rs.getString("code"),
                    text(rs, "title"),
                    rs.getObject("issued_on", LocalDate.class),
                    text(rs, "place"),
                    text(rs, "summary"),
                    source(rs)))
        .list();
  }

  private List<PrincipleView> principles(UUID charterId, Viewer viewer) {
    return jdbc.sql(
            "select * from principle where charter_id = :charter and retired = false"
                + VISIBLE
                + " order by position")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query((rs, n) -> new PrincipleView(rs.getString("code"), text(rs, "text"), source(rs)))
        .list();
  }

  private List<HistoryEntryView> history(UUID charterId, Viewer viewer) {
    return jdbc.sql(
            "select * from history_entry where charter_id = :charter and retired = false"
                + VISIBLE
                + " order by occurred_on, position")
        .param("charter", charterId)
        .params(viewer.parameters())
        .query(
            (rs, n) ->
                new HistoryEntryView(
                    rs.getString("code"),
                    rs.getObject("occurred_on", LocalDate.class),
                    rs.getString("kind"),
                    text(rs, "title"),
                    text(rs, "description"),
                    rs.getString("subject"),
                    rs.getString("deliverable"),
                    source(rs)))
        .list();
  }
}

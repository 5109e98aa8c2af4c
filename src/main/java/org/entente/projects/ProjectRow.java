package org.entente.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.projects.Project.Location;
import org.entente.projects.Project.Stage;
import org.entente.shared.Classification;

/** A project's row as stored, its stage and classification typed. */
record ProjectRow(
    UUID id,
    UUID charterId,
    UUID groupId,
    String code,
    String title,
    String description,
    String leads,
    String partners,
    Stage stage,
    String stageReason,
    Location location,
    Classification classification,
    String originParty,
    long version) {

  /** Who may see the project. */
  Viewer.Audience audience() {
    return new Viewer.Audience(classification, originParty, groupId);
  }

  /** Whether the viewer may see the project. */
  boolean visibleTo(Viewer viewer) {
    return viewer.canSee(classification, originParty, groupId);
  }

  static ProjectRow map(ResultSet rs, int n) throws SQLException {
    String place = rs.getString("place");
    Double latitude = (Double) rs.getObject("latitude");
    Double longitude = (Double) rs.getObject("longitude");
    return new ProjectRow(
        rs.getObject("id", UUID.class),
        rs.getObject("charter_id", UUID.class),
        rs.getObject("group_id", UUID.class),
        rs.getString("code"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("leads"),
        rs.getString("partners"),
        Stage.valueOf(rs.getString("stage")),
        rs.getString("stage_reason"),
        place == null && latitude == null ? null : new Location(place, latitude, longitude),
        Classification.valueOf(rs.getString("classification")),
        rs.getString("origin_party"),
        rs.getLong("version"));
  }
}

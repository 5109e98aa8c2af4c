package org.entente.charter;

import static org.entente.exchange.RecordType.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.charter.CharterViews.AreaOverview;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.Ref;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.exchange.Reader;
import org.entente.exchange.RecordExchange;
import org.entente.exchange.RecordType;
import org.entente.shared.CharterKey;
import org.entente.shared.Paging;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What leaves the charter module: to the public, the charter, its areas, its commitments and its
 * working groups as the public sees them. Its tables are loaded from the charter's definition on
 * each instance, so none leave in an export.
 */
@Component
@Order(0)
class CharterExchange implements RecordExchange {

  static final RecordType CHARTER =
      RecordType.of(
          "charter", "key", "title*", "shortTitle*", "signedOn", "signedAt*", "languages");
  static final RecordType AREAS = RecordType.of("areas", "key", "name*", "description*");
  static final RecordType COMMITMENTS =
      RecordType.of("commitments", "key", "title*", "action*", "clause", "areas", "workingGroups");
  static final RecordType GROUPS =
      RecordType.of(
          "working-groups", "key", "name*", "description*", "areas", "coChairs", "restricted");

  private final Charters charters;

  CharterExchange(Charters charters) {
    this.charters = charters;
  }

  @Override
  public List<RecordType> types(Reader reader) {
    return reader.isPublic() ? List.of(CHARTER, AREAS, COMMITMENTS, GROUPS) : List.of();
  }

  @Override
  public List<Map<String, Object>> records(RecordType type, CharterKey charterKey, Reader reader) {
    var viewer = reader.viewer();
    return switch (type.name()) {
      case "charter" -> List.of(charter(charters.require(charterKey, viewer)));
      case "areas" -> charters.areas(charterKey, viewer).stream().map(this::area).toList();
      case "commitments" -> commitments(charterKey, reader).stream().map(this::commitment).toList();
      case "working-groups" ->
          charters.workingGroups(charterKey, null, viewer).stream().map(this::group).toList();
      default -> RecordExchange.super.records(type, charterKey, reader);
    };
  }

  private Map<String, Object> charter(CharterSummary c) {
    return CHARTER.record(
        "key",
        c.key(),
        "title",
        texts(c.title()),
        "shortTitle",
        texts(c.shortTitle()),
        "signedOn",
        c.signedOn().toString(),
        "signedAt",
        texts(c.signedAt()),
        "languages",
        c.languages());
  }

  private Map<String, Object> area(AreaOverview a) {
    return AREAS.record(
        "key",
        a.area().key(),
        "name",
        texts(a.area().name()),
        "description",
        texts(a.area().description()));
  }

  private Map<String, Object> commitment(CommitmentView c) {
    return COMMITMENTS.record(
        "key",
        c.key(),
        "title",
        texts(c.title()),
        "action",
        texts(c.action()),
        "clause",
        c.clause() == null ? null : c.clause().number(),
        "areas",
        keys(c.areas()),
        "workingGroups",
        keys(c.workingGroups()));
  }

  private Map<String, Object> group(WorkingGroupView g) {
    return GROUPS.record(
        "key",
        g.key(),
        "name",
        texts(g.name()),
        "description",
        texts(g.description()),
        "areas",
        keys(g.areas()),
        "coChairs",
        g.coChairs().stream().map(c -> c.party() + ": " + c.office().text()).toList(),
        "restricted",
        g.restricted());
  }

  private List<CommitmentView> commitments(CharterKey charterKey, Reader reader) {
    List<CommitmentView> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      var slice =
          charters.commitments(
              charterKey, null, null, new Paging(page, Paging.MAX_SIZE), reader.viewer());
      all.addAll(slice.items());
      if (slice.items().size() < Paging.MAX_SIZE) {
        return all;
      }
    }
  }

  private static List<String> keys(List<Ref> refs) {
    return refs.stream().map(Ref::key).toList();
  }
}

package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.entente.identity.Viewer.Audience;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.junit.jupiter.api.Test;

/**
 * The link rule (a record may only link to records at least as widely visible) is derived from the
 * one visibility policy: it answers exactly as asking every viewer would.
 */
class LinkRuleTest {

  static final UUID G = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  static final UUID H = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  static Audience a(Classification c, String party, UUID group) {
    return new Audience(c, party, group);
  }

  @Test
  void aRecordLinksOnlyToRecordsAtLeastAsWidelyVisible() {
    Audience bilateralG = a(Classification.BILATERAL, "FD", G);
    assertThat(bilateralG.within(a(Classification.PUBLIC, null, null))).isTrue();
    assertThat(bilateralG.within(a(Classification.BILATERAL, "SY", G))).isTrue();
    assertThat(bilateralG.within(a(Classification.PARTY_INTERNAL, "FD", G))).isFalse();
    assertThat(bilateralG.within(a(Classification.BILATERAL, "FD", H))).isFalse();
    // a contributor of no party may read the group, not the charter's bilateral records
    assertThat(bilateralG.within(a(Classification.BILATERAL, "FD", null))).isFalse();
    assertThat(a(Classification.PUBLIC, null, G).within(bilateralG)).isFalse();
    Audience internalG = a(Classification.PARTY_INTERNAL, "FD", G);
    assertThat(internalG.within(bilateralG)).isTrue();
    assertThat(internalG.within(a(Classification.PARTY_INTERNAL, "FD", null))).isTrue();
    assertThat(internalG.within(a(Classification.PARTY_INTERNAL, "SY", G))).isFalse();
    assertThat(a(Classification.PARTY_INTERNAL, "FD", null).within(internalG)).isFalse();
    assertThat(
            a(Classification.PARTY_INTERNAL, "FD", null)
                .within(a(Classification.BILATERAL, null, null)))
        .isTrue();
  }

  @Test
  void theRuleAnswersAsEveryViewerWould() {
    List<Audience> audiences = new ArrayList<>();
    for (Classification c : Classification.values()) {
      for (String party : Arrays.asList(null, "FD", "SY")) {
        for (UUID group : Arrays.asList(null, G, H)) {
          audiences.add(a(c, party, group));
        }
      }
    }
    UUID k = UUID.randomUUID();
    List<Viewer> everyone = new ArrayList<>();
    for (String user : Arrays.asList(null, "someone")) {
      for (String party : Arrays.asList(null, "FD", "SY", "XX")) {
        for (boolean clearance : new boolean[] {false, true}) {
          for (int mask = 0; mask < 8; mask++) {
            Set<UUID> groups = new HashSet<>();
            if ((mask & 1) != 0) {
              groups.add(G);
            }
            if ((mask & 2) != 0) {
              groups.add(H);
            }
            if ((mask & 4) != 0) {
              groups.add(k);
            }
            everyone.add(
                new Viewer(
                    user, party, clearance, Set.of(Role.MEMBER), groups, groups, Set.of(), false));
          }
        }
      }
    }
    for (Audience from : audiences) {
      for (Audience to : audiences) {
        boolean byAsking = everyone.stream().allMatch(v -> !v.canSee(from) || v.canSee(to));
        assertThat(from.within(to)).as(from + " -> " + to).isEqualTo(byAsking);
      }
    }
  }

  @Test
  void aRefusedLinkNamesTheFieldAndWhatMayNotBeLinked() {
    assertThatThrownBy(
            () ->
                Viewer.requireLink(
                    "project",
                    a(Classification.BILATERAL, "US", G),
                    "milestone",
                    a(Classification.PARTY_INTERNAL, "US", G),
                    "project"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("a bilateral milestone may not link to a party-internal project")
        .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo("project"));
  }
}

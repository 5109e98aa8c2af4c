package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.entente.testing.StatementCount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * An account's viewer is kept until a record changes: a request that reads it again while nothing
 * changed runs no statement for it, and a change of the account's memberships applies to the very
 * next read.
 */
@EntenteTest
class ViewersKeptTest {

  @Autowired Viewers viewers;
  @Autowired Accounts accounts;
  @Autowired People people;

  @AfterEach
  void noRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  /** Each call is a request of its own, as a person's successive requests are. */
  private StatementCount.Counted<Viewer> inARequest(String username) throws Exception {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    try {
      return StatementCount.of(() -> viewers.of(username).orElseThrow());
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }
  }

  @Test
  void aSecondRequestWhileNothingChangedReadsOnlyTheTrailsHead() throws Exception {
    people.person("az.kept").party("AZ").memberOf("az-us-2026", "wg-energy").createAccount();

    StatementCount.Counted<Viewer> first = inARequest("az.kept");
    StatementCount.Counted<Viewer> second = inARequest("az.kept");

    assertThat(second.result()).isEqualTo(first.result());
    assertThat(first.result().memberOf()).hasSize(1);
    // the second asks only for the trail's head, which did not move
    assertThat(second.statements()).isEqualTo(1).isLessThan(first.statements());
  }

  @Test
  void aRemovedMembershipAppliesToTheNextRead() throws Exception {
    people.person("az.leaving").party("AZ").memberOf("az-us-2026", "wg-energy").createAccount();
    assertThat(inARequest("az.leaving").result().memberOf()).hasSize(1);

    long version = accounts.find("az.leaving").orElseThrow().version();
    accounts.update(
        "az.leaving",
        new Accounts.AccountChange(null, null, null, null, null, null, version, List.of()));

    Viewer after = inARequest("az.leaving").result();
    assertThat(after.memberOf()).isEmpty();
    assertThat(after.groups()).isEmpty();
  }
}

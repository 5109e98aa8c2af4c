package org.entente.identity;

import org.entente.identity.Accounts.AccountView;
import org.entente.shared.CharterKey;
import org.entente.shared.ForbiddenException;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * A co-chair of a group delegates the approval for their party to a member of the group of the same
 * party, or takes it back. {@link Accounts#delegate} is its entry point.
 */
@Component
class Delegations {

  private final AccountStore store;
  private final GroupDirectory directory;
  private final Viewers viewers;
  private final AccountEvents events;

  Delegations(AccountStore store, GroupDirectory directory, Viewers viewers, AccountEvents events) {
    this.store = store;
    this.directory = directory;
    this.viewers = viewers;
    this.events = events;
  }

  void delegate(
      CharterKey charterKey, String groupKey, String username, boolean approves, Viewer actor) {
    GroupDirectory.Group group =
        directory.groups().stream()
            .filter(g -> g.charter().equals(charterKey.value()) && g.key().equals(groupKey))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("working group", groupKey));
    if (!actor.groups().contains(group.id())) {
      throw new NotFoundException("working group", groupKey);
    }
    if (actor.party() == null || !store.coChairs(actor.username(), group.id())) {
      throw new ForbiddenException(
          null, "only a co-chair of the group delegates the approval for their party");
    }
    AccountView member =
        store
            .find(AccountRules.normalize(username))
            .filter(a -> a.memberships().stream().anyMatch(m -> m.group().equals(group.id())))
            .orElseThrow(() -> new NotFoundException("member", username));
    if (!actor.party().equals(member.party())) {
      throw new ForbiddenException(
          "party",
          "a co-chair delegates only to a member of their own party (" + actor.party() + ")");
    }
    if (approves
        && !viewers.of(member.username()).map(v -> v.groups().contains(group.id())).orElse(false)) {
      throw new ForbiddenException(
          "username",
          "a co-chair delegates only to a member who may read the group's records (a restricted"
              + " group: a cleared member)");
    }
    store.approves(member.id(), group.id(), approves);
    events.delegated(member, charterKey + "/" + groupKey, approves, actor);
  }
}

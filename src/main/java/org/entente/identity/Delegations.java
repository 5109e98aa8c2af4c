package org.entente.identity;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * What a co-chair's delegation form offers: the members of the group of their own party who may
   * read its records and do not approve yet, and those who approve for the party now. Never an
   * account of the other party.
   *
   * @throws NotFoundException when there is no such group the actor may read
   * @throws ForbiddenException when the actor is not a co-chair of the group
   */
  Choice choice(CharterKey charterKey, String groupKey, Viewer actor) {
    GroupDirectory.Group group = coChaired(charterKey, groupKey, actor);
    List<Member> eligible = new ArrayList<>();
    List<Member> delegates = new ArrayList<>();
    for (AccountStore.PartyMember m : store.partyMembers(group.id(), actor.party())) {
      Member member = new Member(m.username(), m.displayName());
      if (m.approves()) {
        delegates.add(member);
      } else if (viewers.of(m.username()).map(v -> v.groups().contains(group.id())).orElse(false)) {
        eligible.add(member);
      }
    }
    return new Choice(group.charter(), group.key(), group.name(), eligible, delegates);
  }

  /** A co-chair's delegation form: whom they may delegate to, and who approves for them now. */
  record Choice(
      String charter,
      String group,
      org.entente.shared.LocalizedText groupName,
      List<Member> eligible,
      List<Member> delegates) {}

  /** A member of the co-chair's party in the group. */
  record Member(String username, String displayName) {}

  void delegate(
      CharterKey charterKey, String groupKey, String username, boolean approves, Viewer actor) {
    GroupDirectory.Group group = coChaired(charterKey, groupKey, actor);
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

  /** The group, if the actor co-chairs it for their party. */
  private GroupDirectory.Group coChaired(CharterKey charterKey, String groupKey, Viewer actor) {
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
    return group;
  }
}

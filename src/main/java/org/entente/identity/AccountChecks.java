package org.entente.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.identity.Accounts.AccountChange;
import org.entente.identity.Accounts.AccountView;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Accounts.MembershipView;
import org.entente.identity.Accounts.NewAccount;
import org.entente.shared.BadRequestException;
import org.entente.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Who may create, see and change which account, and give which role, clearance, membership and
 * co-chair seat (decision 0021), applied to a whole account or change with {@link Grants}' rules.
 * Each refusal names the field; nothing changes here.
 */
@Component
class AccountChecks {

  private final GroupDirectory directory;

  AccountChecks(GroupDirectory directory) {
    this.directory = directory;
  }

  /** Every current group, read once for many accounts. */
  List<GroupDirectory.Group> groups() {
    return directory.groups();
  }

  /**
   * Whether an actor manages an account: administrators all, coordinators and security officers
   * their party's (a security officer only its clearance).
   */
  static boolean manages(Viewer actor, String party) {
    if (actor.has(Role.ADMINISTRATOR)) {
      return true;
    }
    return (actor.has(Role.COORDINATOR) || actor.has(Role.SECURITY_OFFICER))
        && actor.party() != null
        && actor.party().equals(party);
  }

  /**
   * An account as this viewer may see it: memberships of groups the viewer may not see are left
   * out, so that their names never show.
   */
  AccountView seenBy(AccountView account, Viewer viewer) {
    return seenBy(account, viewer, directory.groups());
  }

  /** {@link #seenBy(AccountView, Viewer)} with the groups read once for many accounts. */
  static AccountView seenBy(AccountView account, Viewer viewer, List<GroupDirectory.Group> groups) {
    Set<UUID> visible =
        groups.stream()
            .filter(g -> Grants.sees(viewer, g))
            .map(GroupDirectory.Group::id)
            .collect(Collectors.toSet());
    List<MembershipView> shown =
        account.memberships().stream().filter(m -> visible.contains(m.group())).toList();
    if (shown.size() == account.memberships().size()) {
      return account;
    }
    return new AccountView(
        account.id(),
        account.username(),
        account.displayName(),
        account.party(),
        account.organization(),
        account.roles(),
        account.clearance(),
        account.enabled(),
        account.version(),
        shown,
        account.email());
  }

  /** Refuses a new account the actor may not create, or anything in it they may not give. */
  void create(NewAccount account, Viewer actor) {
    if (!Grants.managesDetails(actor, account.party())) {
      if (!actor.has(Role.COORDINATOR) || actor.party() == null) {
        throw new ForbiddenException(null, "only administrators and coordinators create accounts");
      }
      throw new ForbiddenException(
          "party", "a coordinator creates accounts of their own party (" + actor.party() + ")");
    }
    AccountRules.requireRoles(account.roles());
    for (Role role : account.roles()) {
      Grants.role(actor, role, account.party());
    }
    if (account.clearance()) {
      Grants.clearance(actor, account.party());
    }
    memberships(
        actor,
        account.party(),
        List.of(),
        account.memberships() == null ? List.of() : account.memberships());
  }

  /** What a change changes of the stored account, shown to the actor as {@code shown}. */
  private record Changes(
      String party,
      Set<Role> roles,
      boolean partyChanges,
      boolean rolesChange,
      boolean clearanceChanges,
      boolean enabledChanges,
      boolean membershipsChange,
      boolean detailsChange) {

    static Changes of(AccountView stored, AccountView shown, AccountChange change) {
      String party =
          change.party() == null ? stored.party() : AccountRules.blankToNull(change.party());
      Set<Role> roles = change.roles() == null ? stored.roles() : change.roles();
      boolean details =
          (change.displayName() != null
                  && !change.displayName().strip().equals(stored.displayName()))
              || (change.organization() != null
                  && !Objects.equals(
                      AccountRules.blankToNull(change.organization()), stored.organization()))
              || (change.email() != null
                  && !Objects.equals(AccountRules.blankToNull(change.email()), stored.email()));
      return new Changes(
          party,
          roles,
          !Objects.equals(party, stored.party()),
          !roles.equals(stored.roles()),
          change.clearance() != null && change.clearance() != stored.clearance(),
          change.enabled() != null && change.enabled() != stored.enabled(),
          change.memberships() != null && !sameMemberships(shown, change.memberships()),
          details);
    }

    /** The first of the grants it changes, for the refusal of a change to one's own account. */
    String grant() {
      return partyChanges
          ? "party"
          : rolesChange
              ? "roles"
              : clearanceChanges ? "clearance" : enabledChanges ? "enabled" : "memberships";
    }

    /** Whether it changes more than the clearance, which only some actors may. */
    boolean beyondClearance() {
      return detailsChange || partyChanges || rolesChange || enabledChanges || membershipsChange;
    }

    boolean grants() {
      return partyChanges || rolesChange || clearanceChanges || enabledChanges || membershipsChange;
    }
  }

  /** Refuses any part of a change the actor may not make; changes nothing. */
  void change(AccountView stored, AccountView shown, AccountChange change, Viewer actor) {
    if (change.roles() != null) {
      AccountRules.requireRoles(change.roles());
    }
    Changes changes = Changes.of(stored, shown, change);
    if (changes.grants()) {
      Grants.notOneself(actor, stored.username(), changes.grant());
    }
    if (changes.beyondClearance()) {
      whoChanges(stored, actor, changes.partyChanges);
    }
    if (changes.partyChanges
        && stored.clearance()
        && !(changes.clearanceChanges && !change.clearance())) {
      throw new ForbiddenException(
          "party",
          "a cleared person keeps their party: a security officer of that party removes the"
              + " clearance first");
    }
    if (changes.partyChanges && changes.party != null) {
      AccountRules.party(changes.party);
    }
    Set<Role> changed = EnumSet.noneOf(Role.class);
    changes.roles.stream().filter(r -> !stored.roles().contains(r)).forEach(changed::add);
    stored.roles().stream().filter(r -> !changes.roles.contains(r)).forEach(changed::add);
    for (Role role : changed) {
      Grants.role(actor, role, changes.party);
    }
    if (changes.clearanceChanges) {
      Grants.clearance(actor, stored.party());
      if (changes.partyChanges) {
        throw new ForbiddenException("clearance", "clearance and party are changed one at a time");
      }
    }
    if (changes.membershipsChange) {
      memberships(actor, changes.party, shown.memberships(), change.memberships());
    }
    if (changes.partyChanges) {
      keptMembershipsStayOpen(stored, shown, change.memberships(), changes.party);
    }
  }

  /** Refuses a change of the account's details, party, roles or memberships by a wrong actor. */
  private static void whoChanges(AccountView stored, Viewer actor, boolean partyChanges) {
    if (!Grants.managesDetails(actor, stored.party())) {
      throw new ForbiddenException(null, "a security officer changes only an account's clearance");
    }
    if (!actor.has(Role.ADMINISTRATOR)
        && (stored.roles().contains(Role.ADMINISTRATOR)
            || stored.roles().contains(Role.COORDINATOR))) {
      throw new ForbiddenException(
          "roles", "only an administrator changes an administrator's or coordinator's account");
    }
    if (partyChanges && !actor.has(Role.ADMINISTRATOR)) {
      throw new ForbiddenException(
          "party", "a coordinator keeps accounts in their own party (" + actor.party() + ")");
    }
  }

  /** Every membership the person keeps must stay open to their new party. */
  private void keptMembershipsStayOpen(
      AccountView stored, AccountView shown, List<MembershipInput> wanted, String party) {
    for (MembershipView m : stored.memberships()) {
      boolean kept =
          wanted == null
              || !shown.memberships().contains(m)
              || wanted.stream()
                  .anyMatch(
                      w ->
                          w != null
                              && m.charter().equals(w.charter())
                              && m.key().equals(w.group()));
      GroupDirectory.Group g =
          directory.groups().stream()
              .filter(x -> x.id().equals(m.group()))
              .findFirst()
              .orElse(null);
      if (kept && g != null && !g.openTo(party)) {
        throw new ForbiddenException(
            "party",
            "the person is a member of a group internal to their party: remove that membership"
                + " first");
      }
    }
  }

  /** Whether the memberships wanted are those shown, co-chair seats included. */
  private static boolean sameMemberships(AccountView shown, List<MembershipInput> wanted) {
    Set<String> before =
        shown.memberships().stream()
            .map(m -> m.charter() + "/" + m.key() + "/" + m.coChair())
            .collect(Collectors.toSet());
    Set<String> after = new HashSet<>();
    for (MembershipInput m : wanted) {
      if (m == null) {
        return false;
      }
      after.add(m.charter() + "/" + m.group() + "/" + m.chairs());
    }
    return before.equals(after);
  }

  /**
   * Refuses memberships and co-chair seats the actor may not give: each wanted one that is new, or
   * whose seat changes, is checked; one of a group the actor may not see is refused like an unknown
   * group. Removing one the actor may see is allowed.
   */
  private void memberships(
      Viewer actor, String party, List<MembershipView> before, List<MembershipInput> wanted) {
    Map<String, GroupDirectory.Group> byKey = new HashMap<>();
    directory.groups().stream()
        .filter(g -> Grants.sees(actor, g))
        .forEach(g -> byKey.put(g.charter() + "/" + g.key(), g));
    for (MembershipInput m : wanted) {
      GroupDirectory.Group g = group(byKey, m);
      boolean same =
          before.stream().anyMatch(b -> b.group().equals(g.id()) && b.coChair() == m.chairs());
      if (!same) {
        Grants.membership(actor, g, party, m.chairs());
      }
    }
  }

  /**
   * The memberships to store, by group; unknown groups are refused by name.
   *
   * @throws BadRequestException naming {@code memberships}
   */
  List<AccountStore.Membership> resolve(List<MembershipInput> memberships) {
    Map<String, GroupDirectory.Group> byKey = new HashMap<>();
    directory.groups().forEach(g -> byKey.put(g.charter() + "/" + g.key(), g));
    Map<UUID, AccountStore.Membership> wanted = new java.util.LinkedHashMap<>();
    for (MembershipInput m : memberships) {
      GroupDirectory.Group g = group(byKey, m);
      wanted.put(g.id(), new AccountStore.Membership(g.id(), g.kind(), m.chairs()));
    }
    return new ArrayList<>(wanted.values());
  }

  private static GroupDirectory.Group group(
      Map<String, GroupDirectory.Group> byKey, MembershipInput m) {
    GroupDirectory.Group g = m == null ? null : byKey.get(m.charter() + "/" + m.group());
    if (g == null) {
      throw new BadRequestException(
          "memberships",
          "no working group or dialogue platform "
              + (m == null ? "null" : m.charter() + "/" + m.group()));
    }
    return g;
  }

  /**
   * The change to apply: memberships of groups the actor may not see (left out of {@code shown})
   * stay as they are.
   */
  static AccountChange keepingUnseen(AccountView stored, AccountView shown, AccountChange change) {
    if (change.memberships() == null) {
      return change;
    }
    Set<UUID> seen =
        shown.memberships().stream().map(MembershipView::group).collect(Collectors.toSet());
    List<MembershipInput> kept = new ArrayList<>(change.memberships());
    stored.memberships().stream()
        .filter(m -> !seen.contains(m.group()))
        .forEach(m -> kept.add(new MembershipInput(m.charter(), m.key(), m.coChair())));
    return new AccountChange(
        change.displayName(),
        change.organization(),
        change.party(),
        change.roles(),
        change.clearance(),
        change.enabled(),
        change.version(),
        kept,
        change.email());
  }

  /**
   * The groups the account form offers this actor: those they may give a membership of, and those
   * they may see that the account already belongs to (so that it can be kept or removed).
   */
  List<GroupDirectory.Group> offered(Viewer actor, AccountView account) {
    Set<UUID> held =
        account == null
            ? Set.of()
            : account.memberships().stream().map(MembershipView::group).collect(Collectors.toSet());
    return directory.groups().stream()
        .filter(g -> Grants.mayOffer(actor, g) || (held.contains(g.id()) && Grants.sees(actor, g)))
        .toList();
  }
}

package org.entente.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.identity.Accounts.AccountView;
import org.entente.identity.Accounts.MembershipView;
import org.springframework.stereotype.Component;

/**
 * What the audit trail records of accounts: created, changed (what changed, never an e-mail address
 * or password), clearances given and removed, passwords reset and approvals delegated.
 */
@Component
class AccountEvents {

  private final Audit audit;

  AccountEvents(Audit audit) {
    this.audit = audit;
  }

  void created(AccountView created) {
    audit.record(
        "account.created",
        "account",
        created.id().toString(),
        Outcome.SUCCESS,
        Map.of(
            "username", created.username(),
            "roles", created.roles().toString(),
            "party", String.valueOf(created.party()),
            "clearance", created.clearance(),
            "memberships", membershipText(created.memberships())));
  }

  /** The first administrator, created with the setup link: by nobody signed in. */
  void firstAdministrator(AccountView created) {
    audit.append(
        created.username(),
        created.party(),
        "account.created",
        "account",
        created.id().toString(),
        Outcome.SUCCESS,
        null,
        Map.of("roles", "ADMINISTRATOR", "via", "setup link"));
  }

  void updated(AccountView before, AccountView after) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("username", after.username());
    if (!after.roles().equals(before.roles())) {
      details.put("roles", before.roles() + " -> " + after.roles());
    }
    if (after.clearance() != before.clearance()) {
      details.put("clearance", after.clearance());
    }
    if (after.enabled() != before.enabled()) {
      details.put("enabled", after.enabled());
    }
    if (!Objects.equals(after.email(), before.email())) {
      // whether it changed, not the address: the trail keeps no more personal data than it needs
      details.put("email", after.email() == null ? "removed" : "changed");
    }
    if (!Objects.equals(after.party(), before.party())) {
      details.put("party", String.valueOf(after.party()));
    }
    if (!membershipText(after.memberships()).equals(membershipText(before.memberships()))) {
      details.put(
          "memberships",
          membershipText(before.memberships()) + " -> " + membershipText(after.memberships()));
    }
    audit.record("account.updated", "account", after.id().toString(), Outcome.SUCCESS, details);
  }

  /** Records who gave or removed a clearance, and to whom. */
  void clearance(AccountView account, boolean granted, Viewer by) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("to", account.username());
    details.put("party", String.valueOf(account.party()));
    details.put("by", String.valueOf(by.username()));
    audit.record(
        granted ? "clearance.granted" : "clearance.removed",
        "account",
        account.id().toString(),
        Outcome.SUCCESS,
        details);
  }

  void passwordReset(AccountView account) {
    audit.record(
        "account.password-reset",
        "account",
        account.id().toString(),
        Outcome.SUCCESS,
        Map.of("username", account.username()));
  }

  void delegated(AccountView member, String group, boolean approves, Viewer by) {
    audit.record(
        approves ? "membership.delegated" : "membership.undelegated",
        "account",
        member.id().toString(),
        Outcome.SUCCESS,
        Map.of("group", group, "party", by.party(), "by", by.username()));
  }

  private static String membershipText(List<MembershipView> memberships) {
    return memberships.stream()
        .map(m -> m.charter() + "/" + m.key() + (m.coChair() ? " (co-chair)" : ""))
        .sorted()
        .collect(Collectors.joining(", "));
  }
}

package org.entente.identity;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.entente.shared.BadRequestException;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's account pages and each person's own access tokens. */
@Controller
class AccountPages {

  private final Accounts accounts;
  private final AccessTokens tokens;
  private final Viewers viewers;

  AccountPages(Accounts accounts, AccessTokens tokens, Viewers viewers) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.viewers = viewers;
  }

  @GetMapping("/admin/accounts")
  String list(Viewer actor, Model model) {
    model.addAttribute("accounts", accounts.list(actor));
    // the groups' names in every language they are given in, for the reader's
    java.util.Map<java.util.UUID, org.entente.shared.LocalizedText> names =
        new java.util.HashMap<>();
    viewers.groups().forEach(g -> names.put(g.id(), g.names()));
    model.addAttribute("groupNames", names);
    model.addAttribute("scope", actor.has(Role.ADMINISTRATOR) ? null : actor.party());
    return "identity/accounts";
  }

  @GetMapping("/admin/accounts/new")
  String newAccount(Viewer actor, Model model) {
    formChoices(actor, model, null);
    model.addAttribute("account", null);
    return "identity/account-form";
  }

  /**
   * What the account form offers: the roles the actor may give (and those the account holds), the
   * groups the actor may give or sees the account in, and the clearance only to a security officer
   * of the account's party.
   */
  private void formChoices(Viewer actor, Model model, Accounts.AccountView account) {
    model.addAttribute(
        "roles",
        java.util.Arrays.stream(Role.values())
            .filter(
                r ->
                    actor.has(Role.ADMINISTRATOR)
                        || !Grants.ADMINISTRATOR_ONLY.contains(r)
                        || (account != null && account.roles().contains(r)))
            .toList());
    model.addAttribute("groups", accounts.groups(actor, account));
    model.addAttribute(
        "clearanceEditable",
        actor.has(Role.SECURITY_OFFICER)
            && actor.party() != null
            && (account == null || actor.party().equals(account.party()))
            && (account == null || !actor.username().equals(account.username())));
    java.util.Set<java.util.UUID> member = new java.util.HashSet<>();
    java.util.Set<java.util.UUID> chairs = new java.util.HashSet<>();
    if (account != null) {
      account
          .memberships()
          .forEach(
              m -> {
                member.add(m.group());
                if (m.coChair()) {
                  chairs.add(m.group());
                }
              });
    }
    model.addAttribute("memberOf", member);
    model.addAttribute("coChairOf", chairs);
    model.addAttribute("fixedParty", actor.has(Role.ADMINISTRATOR) ? null : actor.party());
  }

  /** Memberships from the form: checked groups by charter/key, and which of them are co-chaired. */
  private static List<Accounts.MembershipInput> memberships(
      List<String> member, List<String> coChair) {
    List<Accounts.MembershipInput> result = new java.util.ArrayList<>();
    if (member != null) {
      for (String ref : member) {
        int slash = ref.indexOf('/');
        if (slash > 0) {
          result.add(
              new Accounts.MembershipInput(
                  ref.substring(0, slash),
                  ref.substring(slash + 1),
                  coChair != null && coChair.contains(ref)));
        } else {
          result.add(new Accounts.MembershipInput(ref, "", false));
        }
      }
    }
    return result;
  }

  @PostMapping("/admin/accounts")
  String create(
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String displayName,
      @RequestParam(required = false) String party,
      @RequestParam(required = false) String organization,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) List<Role> roles,
      @RequestParam(required = false, defaultValue = "false") boolean clearance,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) List<String> member,
      @RequestParam(required = false) List<String> coChair,
      Viewer actor,
      Model model) {
    try {
      accounts.create(
          new Accounts.NewAccount(
              username,
              displayName,
              blankToNull(party),
              organization,
              roles(roles),
              clearance,
              password,
              memberships(member, coChair),
              email),
          actor);
      return "redirect:/admin/accounts?created=" + username;
    } catch (BadRequestException | ForbiddenException e) {
      formChoices(actor, model, null);
      model.addAttribute("account", null);
      model.addAttribute(
          "fieldError",
          e instanceof BadRequestException b ? b.field() : ((ForbiddenException) e).field());
      model.addAttribute("message", e.getMessage());
      model.addAttribute(
          "form",
          java.util.Map.of(
              "username", nz(username),
              "displayName", nz(displayName),
              "party", nz(party),
              "organization", nz(organization),
              "email", nz(email)));
      return "identity/account-form";
    }
  }

  @GetMapping("/admin/accounts/{username}")
  String edit(@PathVariable String username, Viewer actor, Model model) {
    Accounts.AccountView account = accounts.manage(username, actor);
    formChoices(actor, model, account);
    model.addAttribute("account", account);
    return "identity/account-form";
  }

  @PostMapping("/admin/accounts/{username}")
  String update(
      @PathVariable String username,
      @RequestParam(required = false) String displayName,
      @RequestParam(required = false) String party,
      @RequestParam(required = false) String organization,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) List<Role> roles,
      @RequestParam(required = false, defaultValue = "false") boolean clearance,
      @RequestParam(required = false, defaultValue = "false") boolean clearanceShown,
      @RequestParam(required = false, defaultValue = "false") boolean enabled,
      @RequestParam(required = false) Long version,
      @RequestParam(required = false) List<String> member,
      @RequestParam(required = false) List<String> coChair,
      Viewer actor,
      Model model) {
    try {
      accounts.update(
          username,
          new Accounts.AccountChange(
              displayName,
              organization == null ? "" : organization,
              party == null ? "" : party,
              roles(roles),
              clearanceShown ? clearance : null,
              enabled,
              version,
              memberships(member, coChair),
              email == null ? "" : email),
          actor);
      return "redirect:/admin/accounts?updated=" + username;
    } catch (BadRequestException | ConflictException | ForbiddenException e) {
      Accounts.AccountView account = accounts.manage(username, actor);
      formChoices(actor, model, account);
      model.addAttribute("account", account);
      model.addAttribute(
          "fieldError",
          e instanceof BadRequestException b
              ? b.field()
              : e instanceof ForbiddenException f ? f.field() : "version");
      model.addAttribute("message", e.getMessage());
      return "identity/account-form";
    }
  }

  @GetMapping("/account/tokens")
  String tokens(Principal principal, Model model) {
    model.addAttribute("tokens", tokens.list(principal.getName()));
    model.addAttribute("now", java.time.Instant.now());
    return "identity/tokens";
  }

  @PostMapping("/account/tokens")
  String createToken(
      Principal principal,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) AccessTokens.Scope scope,
      @RequestParam(required = false, defaultValue = "90") int days,
      Model model) {
    try {
      model.addAttribute("created", tokens.create(principal.getName(), name, scope, days));
    } catch (BadRequestException e) {
      model.addAttribute("fieldError", e.field());
      model.addAttribute("message", e.getMessage());
    }
    return tokens(principal, model);
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revoke(Principal principal, @PathVariable UUID id) {
    tokens.revoke(principal.getName(), id);
    return "redirect:/account/tokens?revoked";
  }

  @GetMapping("/account")
  String account(Principal principal) {
    return "redirect:/account/tokens";
  }

  /** The roles ticked, none when none is (the service then names the field). */
  private static Set<Role> roles(List<Role> roles) {
    Set<Role> result = EnumSet.noneOf(Role.class);
    if (roles != null) {
      roles.stream().filter(java.util.Objects::nonNull).forEach(result::add);
    }
    return result;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}

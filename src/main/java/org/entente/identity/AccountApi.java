package org.entente.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.Set;
import org.entente.identity.Accounts.AccountChange;
import org.entente.identity.Accounts.AccountView;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.entente.shared.PageOf;
import org.entente.shared.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts, for administrators, and the caller's own account. */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@Tag(name = "Accounts", description = "People and their roles")
@SecurityRequirement(name = "personal-access-token")
class AccountApi {

  private final Accounts accounts;

  AccountApi(Accounts accounts) {
    this.accounts = accounts;
  }

  /** What an administrator sends to create an account. */
  record CreateAccount(
      String username,
      String displayName,
      String party,
      String organization,
      Set<Role> roles,
      Boolean clearance,
      String password,
      java.util.List<Accounts.MembershipInput> memberships,
      String email) {}

  @GetMapping("/me")
  @Operation(summary = "The account of the token's owner")
  AccountView me(Principal principal, Viewer viewer) {
    return accounts
        .own(viewer)
        .orElseThrow(() -> new NotFoundException("account", principal.getName()));
  }

  @GetMapping("/accounts")
  @Operation(summary = "Accounts, by user name (administrators; coordinators: their party)")
  PageOf<AccountView> list(
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Viewer actor) {
    return PageOf.slice(accounts.list(actor), Paging.of(page, size));
  }

  @GetMapping("/accounts/{username}")
  @Operation(summary = "One account (administrators; coordinators: their party)")
  AccountView get(@PathVariable String username, Viewer actor) {
    return accounts.manage(username, actor);
  }

  @PostMapping(path = "/accounts", consumes = "application/json")
  @Operation(
      summary = "Create an account (administrators, coordinators for their party; write scope)")
  ResponseEntity<AccountView> create(@RequestBody CreateAccount request, Viewer actor) {
    AccountView created =
        accounts.create(
            new Accounts.NewAccount(
                request.username(),
                request.displayName(),
                request.party(),
                request.organization(),
                request.roles(),
                Boolean.TRUE.equals(request.clearance()),
                request.password(),
                request.memberships() == null ? java.util.List.of() : request.memberships(),
                request.email()),
            actor);
    return ResponseEntity.created(URI.create("/api/accounts/" + created.username())).body(created);
  }

  @org.springframework.web.bind.annotation.PutMapping(
      "/charters/{charter}/working-groups/{group}/delegates/{username}")
  @Operation(
      summary = "Delegate your party's approval in a group to a member of your party (co-chairs)")
  ResponseEntity<Void> delegate(
      @PathVariable String charter,
      @PathVariable String group,
      @PathVariable String username,
      Viewer actor) {
    accounts.delegate(CharterKey.inPath(charter), group, username, true, actor);
    return ResponseEntity.noContent().build();
  }

  @org.springframework.web.bind.annotation.DeleteMapping(
      "/charters/{charter}/working-groups/{group}/delegates/{username}")
  @Operation(summary = "Take back a delegation (co-chairs)")
  ResponseEntity<Void> undelegate(
      @PathVariable String charter,
      @PathVariable String group,
      @PathVariable String username,
      Viewer actor) {
    accounts.delegate(CharterKey.inPath(charter), group, username, false, actor);
    return ResponseEntity.noContent().build();
  }

  @PatchMapping(path = "/accounts/{username}", consumes = "application/json")
  @Operation(
      summary = "Change an account (administrators, coordinators for their party; write scope)",
      description = "Send the version you read; a stale version answers 409 and changes nothing.")
  AccountView update(
      @PathVariable String username, @RequestBody AccountChange change, Viewer actor) {
    return accounts.update(username, change, actor);
  }
}

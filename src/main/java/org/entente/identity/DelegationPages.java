package org.entente.identity;

import jakarta.servlet.http.HttpServletResponse;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.DomainException;
import org.entente.shared.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A co-chair's delegation page for a group: delegate their party's approval to a member of their
 * party, and take it back. The same service method as the API ({@link Accounts#delegate}), so the
 * same rules and the same audit event; a refusal shows the page again with the message.
 */
@Controller
class DelegationPages {

  static final String PATH = "/charters/{charter}/working-groups/{group}/delegates";

  private final Accounts accounts;
  private final Delegations delegations;

  DelegationPages(Accounts accounts, Delegations delegations) {
    this.accounts = accounts;
    this.delegations = delegations;
  }

  @GetMapping(PATH)
  String page(
      @PathVariable String charter, @PathVariable String group, Viewer viewer, Model model) {
    model.addAttribute("choice", delegations.choice(CharterKey.inPath(charter), group, viewer));
    return "identity/delegates";
  }

  @PostMapping(PATH)
  String delegate(
      @PathVariable String charter,
      @PathVariable String group,
      @RequestParam(required = false) String username,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    return step(charter, group, username, true, viewer, model, response);
  }

  @PostMapping(PATH + "/{username}/revoke")
  String revoke(
      @PathVariable String charter,
      @PathVariable String group,
      @PathVariable String username,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    return step(charter, group, username, false, viewer, model, response);
  }

  private String step(
      String charter,
      String group,
      String username,
      boolean approves,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    CharterKey charterKey = CharterKey.inPath(charter);
    try {
      if (username == null || username.isBlank()) {
        throw new BadRequestException("username", "choose the member to delegate to");
      }
      accounts.delegate(charterKey, group, username, approves, viewer);
    } catch (DomainException e) {
      // the group itself refused (none, or the viewer co-chairs none) is no form to show again
      Delegations.Choice choice = delegations.choice(charterKey, group, viewer);
      response.setStatus(Problems.status(e).value());
      model.addAttribute("choice", choice);
      model.addAttribute("message", e.getMessage());
      model.addAttribute("chosen", username);
      return "identity/delegates";
    }
    return "redirect:/charters/"
        + charterKey.value()
        + "/working-groups/"
        + group
        + "/delegates?done="
        + (approves ? "delegated" : "revoked");
  }
}

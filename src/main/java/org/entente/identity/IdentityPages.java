package org.entente.identity;

import java.util.EnumSet;
import java.util.Map;
import org.entente.shared.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The login page and the one-time setup of the first administrator. */
@Controller
class IdentityPages {

  private final Accounts accounts;

  IdentityPages(Accounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/login")
  String login(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) Long wait,
      @RequestParam(required = false) String created,
      @RequestParam(required = false) String logout,
      Model model) {
    model.addAttribute("error", error != null);
    model.addAttribute("wait", wait != null && wait > 0 ? wait : null);
    model.addAttribute("created", created != null);
    model.addAttribute("loggedOut", logout != null);
    return "identity/login";
  }

  @GetMapping("/setup")
  String setup(@RequestParam(required = false) String token, Model model) {
    if (!accounts.isValidSetupToken(token)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("token", token);
    model.addAttribute("form", Map.of());
    return "identity/setup";
  }

  @PostMapping("/setup")
  String createFirstAdministrator(
      @RequestParam(required = false) String token,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String displayName,
      @RequestParam(required = false) String organization,
      @RequestParam(required = false) String party,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String confirmPassword,
      Model model) {
    if (!accounts.isValidSetupToken(token)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    try {
      if (password == null || !password.equals(confirmPassword)) {
        throw new BadRequestException("confirmPassword", "the two passwords differ");
      }
      accounts.createFirstAdministrator(
          token,
          new Accounts.NewAccount(
              username,
              displayName,
              party == null || party.isBlank() ? null : party,
              organization,
              EnumSet.of(Role.ADMINISTRATOR),
              false,
              password));
      return "redirect:/login?created";
    } catch (BadRequestException e) {
      model.addAttribute("token", token);
      model.addAttribute("fieldError", e.field());
      model.addAttribute("message", e.getMessage());
      model.addAttribute(
          "form",
          Map.of(
              "username", username == null ? "" : username,
              "displayName", displayName == null ? "" : displayName,
              "organization", organization == null ? "" : organization,
              "party", party == null ? "" : party));
      return "identity/setup";
    } catch (Accounts.SetupClosedException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }
}

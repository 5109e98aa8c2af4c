package org.entente.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.entente.shared.BadRequestException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A signed-in person's own password: the page to change it. The session it is changed from stays
 * signed in under a new id; the person's other sessions end.
 */
@Controller
class PasswordPages {

  private final OwnPassword own;

  PasswordPages(OwnPassword own) {
    this.own = own;
  }

  @GetMapping("/account/password")
  String form() {
    return "identity/password";
  }

  @PostMapping("/account/password")
  String change(
      Principal principal,
      @RequestParam(required = false) String currentPassword,
      @RequestParam(required = false) String newPassword,
      @RequestParam(required = false) String confirmPassword,
      HttpServletRequest request,
      Model model) {
    var session = request.getSession(false);
    try {
      own.change(
          principal.getName(),
          currentPassword,
          newPassword,
          confirmPassword,
          request.getRemoteAddr(),
          session == null ? null : session.getId());
    } catch (BadRequestException e) {
      // The passwords typed are not shown again: a page never carries a password back.
      model.addAttribute("fieldError", e.field());
      model.addAttribute("message", e.getMessage());
      return "identity/password";
    }
    if (session != null) {
      request.changeSessionId();
    }
    return "redirect:/account/password?changed";
  }
}

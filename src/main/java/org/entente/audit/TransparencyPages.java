package org.entente.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public page of {@link TransparencyApi}: the key, and how to check with it. */
@Controller
class TransparencyPages {

  private final DeploymentKey key;

  TransparencyPages(DeploymentKey key) {
    this.key = key;
  }

  @GetMapping("/public/transparency")
  String key(Model model) {
    model.addAttribute("key", key.published());
    return "audit/transparency";
  }
}

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
    DeploymentKey.Published published = key.published();
    model.addAttribute("key", published);
    // a command, not a text to translate
    model.addAttribute(
        "command",
        "java -jar entente.jar transparency checkpoint --key "
            + published.verifierKey()
            + " checkpoint.txt");
    return "audit/transparency";
  }
}

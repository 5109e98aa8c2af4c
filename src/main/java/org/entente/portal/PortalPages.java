package org.entente.portal;

import org.entente.meetings.StatementWithdrawals;
import org.entente.shared.CharterKey;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;

/**
 * The public portal's pages, under {@code /public}: plain HTML, no script, no login. For an
 * anonymous visitor, {@link PortalPageCache} tags each page from its content and answers 304 Not
 * Modified when the visitor's copy is still current (If-None-Match or If-Modified-Since). A
 * signed-in visitor sees the same records, as the public does, but their pages carry their name and
 * a form token, so those are never tagged nor kept.
 */
@Controller
class PortalPages {

  private static final String CHARTER = "/public/charters/{charter}";

  private final Portal portal;
  private final StatementWithdrawals statementWithdrawals;

  PortalPages(Portal portal, StatementWithdrawals statementWithdrawals) {
    this.portal = portal;
    this.statementWithdrawals = statementWithdrawals;
  }

  @GetMapping("/public")
  String charters(Model model) {
    model.addAttribute("charters", portal.charters());
    return page(model, "portal/charters");
  }

  @GetMapping(CHARTER)
  String overview(
      @PathVariable String charter,
      @RequestAttribute(name = PortalPageCache.VERSION, required = false)
          Portal.PageVersion version,
      Model model) {
    String view = charterPage(CharterKey.inPath(charter), "overview", model);
    model.addAttribute("overview", portal.overview(CharterKey.inPath(charter), version));
    return view;
  }

  @GetMapping(CHARTER + "/text")
  String text(@PathVariable String charter, Model model) {
    return charterPage(CharterKey.inPath(charter), "text", model);
  }

  @GetMapping(CHARTER + "/commitments")
  String commitments(@PathVariable String charter, Model model) {
    return charterPage(CharterKey.inPath(charter), "commitments", model);
  }

  @GetMapping(CHARTER + "/working-groups")
  String workingGroups(@PathVariable String charter, Model model) {
    return charterPage(CharterKey.inPath(charter), "working-groups", model);
  }

  @GetMapping(CHARTER + "/statements")
  String statements(@PathVariable String charter, Model model) {
    return charterPage(CharterKey.inPath(charter), "statements", model);
  }

  @GetMapping(CHARTER + "/deadlines")
  String deadlines(@PathVariable String charter, Model model) {
    return charterPage(CharterKey.inPath(charter), "deadlines", model);
  }

  /** One page of a charter: an unknown charter is a 404. */
  private String charterPage(CharterKey charterKey, String page, Model model) {
    var charter = portal.charter(charterKey);
    model.addAttribute("charter", charter);
    model.addAttribute("current", page);
    switch (page) {
      case "overview" -> {} // read by the handler, with the state of the records already read
      case "text" -> model.addAttribute("articles", portal.text(charterKey));
      case "commitments" -> model.addAttribute("commitments", portal.commitments(charterKey));
      case "working-groups" -> model.addAttribute("groups", portal.workingGroups(charterKey));
      case "statements" -> {
        model.addAttribute("statements", portal.statements(charterKey));
        model.addAttribute("withdrawnStatements", statementWithdrawals.withdrawn(charterKey));
      }
      case "deadlines" -> model.addAttribute("deadlines", portal.deadlines(charterKey));
      default -> throw new IllegalArgumentException(page);
    }
    return page(model, "portal/" + page);
  }

  private static String page(Model model, String view) {
    model.addAttribute("t", new PortalText(Portal.language(LocaleContextHolder.getLocale())));
    return view;
  }
}

package org.entente.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.entente.identity.Viewer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * The public portal's pages, under {@code /public}: plain HTML, no script, no login. Each answers
 * 304 Not Modified when the visitor's copy is still current (If-None-Match or If-Modified-Since). A
 * signed-in visitor sees the same records, as the public does, but their pages carry their name and
 * a form token, so those are never cached.
 */
@Controller
class PortalPages {

  private static final String CHARTER = "/public/charters/{charter}";

  private final Portal portal;

  PortalPages(Portal portal) {
    this.portal = portal;
  }

  @GetMapping("/public")
  String charters(Viewer viewer, WebRequest request, HttpServletResponse response, Model model) {
    if (notModified(viewer, request, response)) {
      return null;
    }
    model.addAttribute("charters", portal.charters());
    return page(model, "portal/charters");
  }

  @GetMapping(CHARTER)
  String overview(
      @PathVariable String charter,
      Viewer viewer,
      WebRequest request,
      HttpServletResponse response,
      Model model) {
    return charterPage(charter, "overview", viewer, request, response, model);
  }

  @GetMapping(CHARTER + "/text")
  String text(
      @PathVariable String charter,
      Viewer viewer,
      WebRequest request,
      HttpServletResponse response,
      Model model) {
    return charterPage(charter, "text", viewer, request, response, model);
  }

  @GetMapping(CHARTER + "/commitments")
  String commitments(
      @PathVariable String charter,
      Viewer viewer,
      WebRequest request,
      HttpServletResponse response,
      Model model) {
    return charterPage(charter, "commitments", viewer, request, response, model);
  }

  @GetMapping(CHARTER + "/working-groups")
  String workingGroups(
      @PathVariable String charter,
      Viewer viewer,
      WebRequest request,
      HttpServletResponse response,
      Model model) {
    return charterPage(charter, "working-groups", viewer, request, response, model);
  }

  @GetMapping(CHARTER + "/statements")
  String statements(
      @PathVariable String charter,
      Viewer viewer,
      WebRequest request,
      HttpServletResponse response,
      Model model) {
    return charterPage(charter, "statements", viewer, request, response, model);
  }

  @GetMapping(CHARTER + "/deadlines")
  String deadlines(
      @PathVariable String charter,
      Viewer viewer,
      WebRequest request,
      HttpServletResponse response,
      Model model) {
    return charterPage(charter, "deadlines", viewer, request, response, model);
  }

  /** One page of a charter: an unknown charter is a 404 before anything is compared. */
  private String charterPage(
      String charterKey,
      String page,
      Viewer viewer,
      WebRequest request,
      HttpServletResponse response,
      Model model) {
    var charter = portal.charter(charterKey);
    if (notModified(viewer, request, response)) {
      return null;
    }
    model.addAttribute("charter", charter);
    model.addAttribute("current", page);
    switch (page) {
      case "overview" -> model.addAttribute("overview", portal.overview(charterKey));
      case "text" -> model.addAttribute("articles", portal.text(charterKey));
      case "commitments" -> model.addAttribute("commitments", portal.commitments(charterKey));
      case "working-groups" -> model.addAttribute("groups", portal.workingGroups(charterKey));
      case "statements" -> model.addAttribute("statements", portal.statements(charterKey));
      case "deadlines" -> model.addAttribute("deadlines", portal.deadlines(charterKey));
      default -> throw new IllegalArgumentException(page);
    }
    return page(model, "portal/" + page);
  }

  private static String page(Model model, String view) {
    model.addAttribute("t", new PortalText(Portal.language(LocaleContextHolder.getLocale())));
    return view;
  }

  /**
   * Sets the page's validators and answers whether the visitor's copy is current (the response is
   * then a 304). Pages for a signed-in visitor are neither tagged nor cached.
   */
  private boolean notModified(Viewer viewer, WebRequest request, HttpServletResponse response) {
    if (viewer.signedIn()) {
      return false;
    }
    return PortalPageCache.notModified(
        portal.freshness(LocaleContextHolder.getLocale()), request, response);
  }
}

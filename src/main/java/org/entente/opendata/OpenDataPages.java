package org.entente.opendata;

import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The page that lists a charter's open data downloads. */
@Controller
class OpenDataPages {

  private final Charters charters;

  OpenDataPages(Charters charters) {
    this.charters = charters;
  }

  @GetMapping("/charters/{charter}/open-data")
  String openData(@PathVariable String charter, Viewer viewer, Model model) {
    model.addAttribute("charter", charters.require(CharterKey.inPath(charter), viewer));
    model.addAttribute("types", OpenData.types());
    model.addAttribute("signedIn", viewer.signedIn());
    return "opendata/open-data";
  }
}

package org.entente.indicators;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.identity.Viewer;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds the indicators measuring a commitment, with their sparklines, to the commitment's page
 * (model attributes {@code commitmentIndicators} and {@code commitmentSparklines}), so the charter
 * module need not know of indicators.
 */
@ControllerAdvice(basePackages = "org.entente.charter")
class CommitmentIndicators {

  private static final Pattern PAGE = Pattern.compile("/charters/([^/]+)/commitments/([^/]+)");

  private final Indicators indicators;

  CommitmentIndicators(Indicators indicators) {
    this.indicators = indicators;
  }

  @ModelAttribute
  void indicators(HttpServletRequest request, Viewer viewer, Model model) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return;
    }
    Matcher m = PAGE.matcher(request.getRequestURI());
    if (!m.matches()) {
      return;
    }
    List<IndicatorView> measuring;
    try {
      measuring = indicators.measuring(CharterKey.inPath(m.group(1)), m.group(2), viewer);
    } catch (NotFoundException e) {
      return; // the page itself answers 404
    }
    model.addAttribute("commitmentIndicators", measuring);
    model.addAttribute("commitmentSparklines", IndicatorPages.sparklines(measuring));
  }
}

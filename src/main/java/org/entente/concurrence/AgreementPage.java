package org.entente.concurrence;

import jakarta.servlet.http.HttpServletResponse;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.entente.shared.DomainException;
import org.springframework.ui.Model;

/**
 * A page that shows the agreement of some subjects with their forms (the group's workspace, the
 * meeting page): the module that owns the page registers it as a bean, and the one page handler of
 * the agreement steps goes back to it, or shows it again with a refusal.
 */
public interface AgreementPage {

  /** Whether the page shows the forms of subjects of this type. */
  boolean shows(String subjectType);

  /** Where the browser goes after a step was carried out. */
  String after(String subjectType, CharterKey charterKey, String key, String action);

  /**
   * The page shown again with the refusal of a step, its status set from the refusal.
   *
   * @return the view to render
   */
  String refused(
      String subjectType,
      CharterKey charterKey,
      String key,
      DomainException refusal,
      Viewer viewer,
      Model model,
      HttpServletResponse response);
}

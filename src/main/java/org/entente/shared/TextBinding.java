package org.entente.shared;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Applies {@link InputText} to every text Spring binds for a handler that is not a request
 * parameter already normalised by {@link TextParameters}: path variables, headers and cookies read
 * as arguments, and form objects. Refused text is a type mismatch of that argument: 400 naming it.
 */
@ControllerAdvice
class TextBinding {

  @InitBinder
  void normaliseText(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new Editor());
  }

  static final class Editor extends PropertyEditorSupport {
    @Override
    public void setAsText(String text) {
      String problem = InputText.problem(text);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      setValue(InputText.normaliseAdmitted(text));
    }

    @Override
    public String getAsText() {
      Object value = getValue();
      return value == null ? "" : value.toString();
    }
  }
}

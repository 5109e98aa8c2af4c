package org.entente.shared;

import java.util.Map;

/**
 * The state of the instance refuses what was asked, whoever asks and however often: the audit chain
 * does not verify, so nothing is signed over it; the instance holds records already, so nothing is
 * imported into it. Nothing changed. {@link Problems} answers it 409 with its own title and
 * properties (what the caller needs to act on it), not a record's {@code currentVersion}.
 */
public class StateConflictException extends DomainException {

  private final String title;
  private final transient Map<String, Object> properties;

  /**
   * @param title the problem's title, e.g. "Not empty"
   * @param message the explanation shown to the caller
   * @param properties further members of the problem, e.g. where a chain breaks
   */
  public StateConflictException(String title, String message, Map<String, Object> properties) {
    super(null, message);
    this.title = title;
    this.properties = Map.copyOf(properties);
  }

  /** The problem's title. */
  public String title() {
    return title;
  }

  /** Further members of the problem, by name. */
  public Map<String, Object> properties() {
    return properties;
  }
}

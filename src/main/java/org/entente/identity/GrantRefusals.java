package org.entente.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a refused grant (a role, membership, co-chair seat, clearance, delegation or calendar
 * subscription) as a denied request ({@code grant.denied}, outcome DENIED; {@code request.denied}
 * stays the refusal of a route by its access rule), in a transaction of its own: the refused change
 * itself rolls back, and its record must not.
 */
@Component
public class GrantRefusals {

  private final Audit audit;

  GrantRefusals(Audit audit) {
    this.audit = audit;
  }

  /**
   * Appends a denied-request event, {@code grant.denied}.
   *
   * @param grant what was asked for: {@code account}, {@code clearance}, {@code delegation}, …
   * @param to whom it would have been given (a user name), or null
   * @param field the field refused, or null
   * @param reason why, in words
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String grant, String to, String field, String reason) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("grant", grant);
    if (to != null) {
      details.put("to", to);
    }
    if (field != null) {
      details.put("field", field);
    }
    details.put("reason", reason == null ? "" : reason);
    audit.record("grant.denied", "account", null, Outcome.DENIED, details);
  }
}

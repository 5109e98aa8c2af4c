package org.entente.audit;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Makes the audit table append-only on PostgreSQL: triggers refuse UPDATE, DELETE and TRUNCATE for
 * every role, and the privileges are revoked from the role that runs the application. On H2, the
 * embedded single-user default, nothing is done here: the verifier still finds any change.
 */
@Component
class V4__AuditGuard extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    String product = context.getConnection().getMetaData().getDatabaseProductName();
    if (!"PostgreSQL".equalsIgnoreCase(product)) {
      return;
    }
    try (Statement s = context.getConnection().createStatement()) {
      s.execute(
          "create function audit_event_append_only() returns trigger language plpgsql as $$"
              + " begin raise exception 'audit_event is append-only: % refused', tg_op"
              + " using errcode = 'insufficient_privilege'; end $$");
      s.execute(
          "create trigger audit_event_no_change before update or delete on audit_event"
              + " for each row execute function audit_event_append_only()");
      s.execute(
          "create trigger audit_event_no_truncate before truncate on audit_event"
              + " for each statement execute function audit_event_append_only()");
      s.execute("revoke update, delete, truncate on audit_event from public");
      s.execute("revoke update, delete, truncate on audit_event from current_user");
    }
  }
}

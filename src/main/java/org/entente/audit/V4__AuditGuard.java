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
    appendOnly(context, "audit_event");
  }

  /**
   * Triggers that refuse UPDATE, DELETE and TRUNCATE of the table for every role, named after it,
   * and those privileges revoked from the role that runs the application; PostgreSQL only.
   */
  static void appendOnly(Context context, String table) throws java.sql.SQLException {
    String product = context.getConnection().getMetaData().getDatabaseProductName();
    if (!"PostgreSQL".equalsIgnoreCase(product)) {
      return;
    }
    try (Statement s = context.getConnection().createStatement()) {
      s.execute(
          "create function "
              + table
              + "_append_only() returns trigger language plpgsql as $$"
              + " begin raise exception '"
              + table
              + " is append-only: % refused', tg_op"
              + " using errcode = 'insufficient_privilege'; end $$");
      s.execute(
          "create trigger "
              + table
              + "_no_change before update or delete on "
              + table
              + " for each row execute function "
              + table
              + "_append_only()");
      s.execute(
          "create trigger "
              + table
              + "_no_truncate before truncate on "
              + table
              + " for each statement execute function "
              + table
              + "_append_only()");
      s.execute("revoke update, delete, truncate on " + table + " from public");
      s.execute("revoke update, delete, truncate on " + table + " from current_user");
    }
  }
}

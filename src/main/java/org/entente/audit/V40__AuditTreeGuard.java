package org.entente.audit;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Makes the logs' kept subtrees ({@code audit_tree_node}, V39) append-only on PostgreSQL, as {@link
 * V4__AuditGuard} does the audit trail: a subtree, once complete, never changes, so no statement
 * may change or remove one. On H2 nothing is done; a changed hash still fails every proof through
 * it.
 */
@Component
class V40__AuditTreeGuard extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    V4__AuditGuard.appendOnly(context, "audit_tree_node");
  }
}

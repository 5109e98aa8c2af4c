package org.entente.search;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Full-text indexes for the search on PostgreSQL, one per big table it searches: without them a
 * search computes {@code to_tsvector} for every project, milestone and meeting of the charter (some
 * 120,000 milestones in the biggest charter, seconds per search). Each index's expression is
 * exactly the one the module's {@code search} method gives {@code TextQuery.condition}, so the
 * planner can use it; change both together. On H2, where the search uses {@code like}, nothing is
 * done.
 */
@Component
class V17__SearchIndexes extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    String product = context.getConnection().getMetaData().getDatabaseProductName();
    if (!"PostgreSQL".equalsIgnoreCase(product)) {
      return;
    }
    try (Statement s = context.getConnection().createStatement()) {
      s.execute(
          "create index project_search on project using gin"
              + " (to_tsvector('simple', title || ' ' || coalesce(description, '')))");
      s.execute(
          "create index milestone_search on milestone using gin"
              + " (to_tsvector('simple', title || ' ' || coalesce(owner_organization, '')))");
      s.execute(
          "create index meeting_search on meeting using gin (to_tsvector('simple',"
              + " title || ' ' || coalesce(place, '') || ' ' || coalesce(minutes, '')))");
    }
  }
}

package org.entente.audit;

import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;

@EntenteTest
@CleanAfterEachTest
class AuditOnH2Test extends AuditContract {

  @Override
  void tamper(String sql, Object... params) {
    jdbc.sql(sql).params(params).update();
  }
}

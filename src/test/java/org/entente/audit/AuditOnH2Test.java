package org.entente.audit;

import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.CleanDatabase;
import org.entente.testing.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

@SpringBootTest(
    properties = "entente.audit.signing-key-file=target/test-keys/h2-${random.uuid}.key")
@ActiveProfiles("test")
@Import(FixedClockConfiguration.class)
@TestExecutionListeners(
    listeners = CleanDatabase.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@CleanAfterEachTest
class AuditOnH2Test extends AuditContract {

  @Override
  void tamper(String sql, Object... params) {
    jdbc.sql(sql).params(params).update();
  }
}

package org.entente.audit;

import org.entente.testing.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(
    properties = "entente.audit.signing-key-file=target/test-keys/h2-${random.uuid}.key")
@ActiveProfiles("test")
@Import(FixedClockConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AuditOnH2Test extends AuditContract {

  @Override
  void tamper(String sql, Object... params) {
    jdbc.sql(sql).params(params).update();
  }
}

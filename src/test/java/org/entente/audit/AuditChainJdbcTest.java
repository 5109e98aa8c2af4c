package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.testing.FixedClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A JDBC slice: only the data source, Flyway's schema, JdbcClient and the two classes under test,
 * no web layer and no start-up work (a fraction of the whole application's start). The trail is
 * appended to and verified as committed rows, so each test works from the head it finds.
 */
@JdbcTest(properties = "entente.audit.signing-key-file=target/test-keys/jdbc-slice.key")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Import({
  Audit.class,
  AuditVerifier.class,
  CheckpointFile.class,
  SigningKey.class,
  KeyHistory.class,
  FixedClockConfiguration.class
})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AuditChainJdbcTest {

  @Autowired Audit audit;
  @Autowired AuditVerifier verifier;
  @Autowired JdbcClient jdbc;

  @Test
  void eachAppendedEventFollowsTheHeadAndTheChainVerifies() {
    long head = audit.head().seq();

    AuditEvent first = append("slice.first");
    AuditEvent second = append("slice.second");

    assertThat(first.seq()).isEqualTo(head + 1);
    assertThat(second.seq()).isEqualTo(head + 2);
    assertThat(audit.head().seq()).isEqualTo(second.seq());
    AuditVerifier.Verification verification = verifier.verify();
    assertThat(verification.intact()).isTrue();
    assertThat(verification.firstBroken()).isNull();
    assertThat(verification.headSeq()).isEqualTo(second.seq());
  }

  @Test
  void anEventChangedInTheTableBreaksTheChainAtThatEvent() {
    append("slice.before");
    AuditEvent changed = append("slice.changed");
    append("slice.after");
    String actor =
        jdbc.sql("select actor from audit_event where seq = ?")
            .param(changed.seq())
            .query(String.class)
            .single();
    jdbc.sql("update audit_event set actor = 'mallory' where seq = ?")
        .param(changed.seq())
        .update();
    try {
      AuditVerifier.Verification verification = verifier.verify();

      assertThat(verification.intact()).isFalse();
      assertThat(verification.firstBroken()).isEqualTo(changed.seq());
    } finally {
      jdbc.sql("update audit_event set actor = ? where seq = ?")
          .params(actor, changed.seq())
          .update();
    }
    assertThat(verifier.verify().intact()).isTrue();
  }

  private AuditEvent append(String action) {
    return audit.append(
        "slice.tester", "AZ", action, "slice", "r-1", Outcome.SUCCESS, null, Map.of("n", 1));
  }
}

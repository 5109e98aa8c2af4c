package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.entente.audit.AuditEvent.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The audit module started alone: the chain is appended to, verified and signed without any module
 * that records into it. Alone, because the one module it depends on, shared, gives it types but no
 * bean (Modulith's DIRECT_DEPENDENCIES bootstraps only modules whose beans a module uses, so it
 * starts the same beans).
 */
// ModularityTests verifies the structure once for the suite
@ApplicationModuleTest(verifyAutomatically = false)
@ActiveProfiles("test")
class AuditModuleTest {

  @Autowired Audit audit;
  @Autowired AuditVerifier verifier;
  @Autowired Checkpoints checkpoints;
  @Autowired ApplicationContext context;

  @Test
  void theModuleStartsWithNoBeanOfAnotherModule() {
    assertThat(
            Arrays.stream(context.getBeanDefinitionNames())
                .map(context::getType)
                .filter(type -> type != null && type.getPackageName().startsWith("org.entente."))
                .map(Class::getPackageName))
        .isNotEmpty()
        .allSatisfy(name -> assertThat(name).isEqualTo("org.entente.audit"));
  }

  @Test
  void eventsRecordedAloneFormAChainThatVerifiesAndIsSignedAtItsHead() {
    long before = audit.head().seq();
    AuditEvent first =
        audit.record("module.started", "module", "audit", Outcome.SUCCESS, Map.of("n", 1));
    AuditEvent second =
        audit.record("module.checked", "module", "audit", Outcome.SUCCESS, Map.of("n", 2));

    assertThat(first.seq()).isEqualTo(before + 1);
    assertThat(second.seq()).isEqualTo(before + 2);
    assertThat(second.actor()).isEqualTo("system");
    AuditVerifier.Verification verification = verifier.verify();
    assertThat(verification.intact()).isTrue();
    assertThat(verification.headSeq()).isEqualTo(second.seq());
    assertThat(audit.head().hash()).isEqualTo(verification.headHash());
    Checkpoints.SignedCheckpoint signed = checkpoints.export();
    assertThat(signed.seq()).isEqualTo(second.seq());
    assertThat(signed.hash()).isEqualTo(verification.headHash());
    Checkpoints.CheckResult check = checkpoints.check(signed);
    assertThat(check.extendsCheckpoint()).as(check.problem()).isTrue();
    assertThat(check.signedByThisDeployment()).isTrue();
  }
}

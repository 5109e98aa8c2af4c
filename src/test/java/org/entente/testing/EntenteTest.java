package org.entente.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The whole application on H2, as nearly every test class sees it: the test profile, the clock set
 * to {@link FixedClockConfiguration#TODAY}, MockMvc, and cheap password hashes. Every class so
 * annotated gets the same configuration but for its {@link Lanes lane}, so Spring's test context
 * cache starts the application twice per JVM, once for each lane; the classes of one lane run one
 * after the other (the lane's lock), the two lanes side by side. {@link CleanDatabase} puts the
 * data, the clock and the kept values back to what start-up left after each class (and after each
 * test with {@link CleanAfterEachTest}). A class that needs other properties or profiles declares
 * its own {@code @SpringBootTest} and pays for its own start. The lanes' contexts start side by
 * side ({@link LaneContexts}, decision 0042).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
// @SpringBootTest(properties = PROPERTIES), with the lanes' context loader (LaneContexts)
@BootstrapWith(LaneContexts.Bootstrapper.class)
@ExtendWith(SpringExtension.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({FixedClockConfiguration.class, Fixtures.class})
@TestExecutionListeners(
    listeners = CleanDatabase.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(providers = Lanes.class)
public @interface EntenteTest {

  /** The properties every shared context has: bcrypt at its cheapest strength. */
  String PROPERTIES = "entente.security.bcrypt-strength=4";
}

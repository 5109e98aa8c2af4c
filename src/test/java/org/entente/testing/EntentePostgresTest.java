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
 * {@link EntenteTest} on the embedded PostgreSQL ({@link EmbeddedPostgresConfiguration}): one
 * server per JVM, one database for the one context all such classes share, cleaned by {@link
 * CleanDatabase} like the H2 one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
// @SpringBootTest(properties = EntenteTest.PROPERTIES), with the lanes' context loader
// (LaneContexts)
@BootstrapWith(LaneContexts.Bootstrapper.class)
@ExtendWith(SpringExtension.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({FixedClockConfiguration.class, EmbeddedPostgresConfiguration.class, Fixtures.class})
@TestExecutionListeners(
    listeners = CleanDatabase.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
// Beside the H2 classes, on the second core; one PostgreSQL class at a time (their shared context
// and database), each one's tests one after the other (docs/decisions/0030).
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(EmbeddedPostgresConfiguration.LANE)
public @interface EntentePostgresTest {}

package org.entente.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application on H2, as nearly every test class sees it: the test profile, the clock set
 * to {@link FixedClockConfiguration#TODAY}, MockMvc, and cheap password hashes. Every class so
 * annotated gets the same configuration, so Spring's test context cache starts the application once
 * per JVM for all of them; {@link CleanDatabase} puts the data, the clock and the kept values back
 * to what start-up left after each class (and after each test with {@link CleanAfterEachTest}). A
 * class that needs other properties or profiles declares its own {@code @SpringBootTest} and pays
 * for its own start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = EntenteTest.PROPERTIES)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({FixedClockConfiguration.class, Fixtures.class})
@TestExecutionListeners(
    listeners = CleanDatabase.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface EntenteTest {

  /** The properties every shared context has: bcrypt at its cheapest strength. */
  String PROPERTIES = "entente.security.bcrypt-strength=4";
}

package org.entente.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every test of the class starts from the data start-up left (not only the first): {@link
 * CleanDatabase} cleans after each test method instead of after the class. For classes whose tests
 * each set up the same names or count what exists.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface CleanAfterEachTest {}

package org.entente.testing;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * The shared H2 contexts ("lanes") the {@link EntenteTest} classes are split over, so that several
 * of them run at a time (issue 17). Each lane is one application context with its own in-memory
 * database and audit checkpoint file (application-test.yaml names both after a random UUID, so
 * every context has its own); the classes of one lane run one after the other, under the lane's
 * JUnit resource lock, and the two lanes, the PostgreSQL lane and the other classes run side by
 * side.
 *
 * <p>The rule, kept simple: the classes named in {@link #SECOND} run in lane 1, every other class
 * in lane 0. BadInputSweepTest alone took 133 s of the 220 s all {@code @EntenteTest} classes took
 * in a quiet run (the next, AccessMatrixTest, 19 s), so it has a lane of its own. After it got
 * faster (and the test JVM ran C1 only), a quiet run gave lane 0 146 s and lane 1 124 s, so
 * LinkVisibilitySweepTest (10 s) joined it. Once the test JVM had room for its compiled code
 * (decision 0031), quiet runs ended lane 1 about 12 s before lane 0, so GrantSweepTest (6 s) joined
 * it too. Move slow classes here as long as neither lane is much longer than the other. A nested
 * class runs in its outermost class's lane (and context).
 *
 * <p>Issue 18 made the sweep's form cases 83 s of its 137 s (2,420 test cases, 172 s in all, with
 * about 45 s of one core idle), so they run as {@code FormInputSweepTest} in a third lane, and lane
 * 1 took NeedToKnowTest and AccessMatrixTest (35 and 31 s) from lane 0.
 *
 * <p>Issues 18 and 19 added about 190 test cases, most of them to lane 0. A timeline of a quiet run
 * (2,614 test cases, 2026-12-07) had lane 0's classes take 155 s in all, lane 1's 141 s and lane
 * 2's 82 s: lane 2 was idle from 84 s on, and lane 0 ran alone on one core for its last 18 s. Lane
 * 2 now also takes five of lane 0's slowest classes (about 37 s): the report and its need-to-know
 * test, the API/page parity, the statements per request and the English-on-Azerbaijani pages.
 *
 * <p>{@link LaneContextCustomizerFactory} gives each class its lane's context (the lane is part of
 * the context cache key); {@link #provideForClass} gives it its lane's lock ({@code @ResourceLock(
 * providers = Lanes.class)} on {@link EntenteTest}).
 */
public final class Lanes implements ResourceLocksProvider {

  /** The lane-1 classes, by simple name. */
  static final Set<String> SECOND =
      Set.of(
          "BadInputSweepTest",
          "LinkVisibilitySweepTest",
          "GrantSweepTest",
          "NeedToKnowTest",
          "AccessMatrixTest");

  /** The lane-2 classes, by simple name. */
  static final Set<String> THIRD =
      Set.of(
          "FormInputSweepTest",
          "AnnualReportTest",
          "ReportNeedToKnowTest",
          "ApiPageParityTest",
          "StatementsPerRequestTest",
          "EnglishOnAzerbaijaniPagesTest");

  /** The lock every class of the lane holds while it runs. */
  static String lock(int lane) {
    return "org.entente.testing.h2-lane-" + lane;
  }

  /** The lane a test class (or its outermost class, for a nested one) runs in: 0, 1 or 2. */
  static int of(Class<?> testClass) {
    Class<?> outermost = testClass;
    while (outermost.getEnclosingClass() != null) {
      outermost = outermost.getEnclosingClass();
    }
    String name = outermost.getSimpleName();
    return THIRD.contains(name) ? 2 : SECOND.contains(name) ? 1 : 0;
  }

  @Override
  public Set<Lock> provideForClass(Class<?> testClass) {
    return Set.of(new Lock(lock(of(testClass))));
  }

  @Override
  public Set<Lock> provideForNestedClass(
      List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
    // the outermost class holds the lane's lock while its nested classes run
    return Set.of();
  }
}

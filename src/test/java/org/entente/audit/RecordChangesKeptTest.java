package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one store of what is kept until a record changes, without a database. */
class RecordChangesKeptTest {

  final RecordChanges changes = new RecordChanges(mock(Audit.class));
  final List<String> reads = new ArrayList<>();

  String read(String key) {
    reads.add(key);
    return key + reads.size();
  }

  @Test
  void aValueIsAnsweredAgainOnlyWhileNoRecordChanged() {
    RecordChanges.Kept<String, String> kept = changes.kept(10);
    String first = kept.get("a", 5, () -> read("a"));
    assertThat(kept.get("a", 5, () -> read("a"))).isSameAs(first);
    assertThat(kept.get("a", 6, () -> read("a"))).isNotEqualTo(first);
    assertThat(reads).containsExactly("a", "a");
  }

  @Test
  void beyondItsBoundTheLeastRecentlyUsedValueGoesFirst() {
    RecordChanges.Kept<String, String> kept = changes.kept(2);
    kept.get("a", 1, () -> read("a"));
    kept.get("b", 1, () -> read("b"));
    kept.get("a", 1, () -> read("a")); // a used again: b is now the least recently used
    kept.get("c", 1, () -> read("c"));
    kept.get("a", 1, () -> read("a"));
    kept.get("b", 1, () -> read("b"));
    assertThat(reads).containsExactly("a", "b", "c", "b");
    assertThat(kept.weight()).isEqualTo(2);
  }

  @Test
  void aWeighedStoreKeepsAtMostItsWeightAndNoValueOverAnEighthOfIt() {
    RecordChanges.Kept<String, String> kept =
        changes.<String, String>kept(16).weighing(String::length);
    kept.keep("a", 1, "xx");
    kept.keep("b", 1, "xxx");
    assertThat(kept.weight()).isEqualTo(2);
    assertThat(kept.kept("b", 1)).isNull();
    for (int i = 0; i < 10; i++) {
      kept.keep("k" + i, 1, "yy");
      assertThat(kept.weight()).isLessThanOrEqualTo(16);
    }
    assertThat(kept.kept("a", 1)).as("the oldest left").isNull();
    assertThat(kept.kept("k9", 1)).isEqualTo("yy");
  }

  @Test
  void theHookRunsOnEveryAnswerFromWhatWasKeptAndNotOnARead() {
    List<String> hits = new ArrayList<>();
    RecordChanges.Kept<String, String> kept = changes.<String, String>kept(10).onHit(hits::add);
    String value = kept.get("a", 1, () -> read("a"));
    assertThat(hits).isEmpty();
    kept.get("a", 1, () -> read("a"));
    kept.get("a", 1, () -> read("a"));
    assertThat(hits).containsExactly(value, value);
  }

  @Test
  void withOneReadAtATimeThoseWhoAskMeanwhileShareTheRead() throws Exception {
    RecordChanges.Kept<String, String> kept = changes.<String, String>kept(10).oneReadAtATime();
    AtomicInteger readsMade = new AtomicInteger();
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> first =
          pool.submit(
              () ->
                  kept.get(
                      "a",
                      1,
                      () -> {
                        readsMade.incrementAndGet();
                        reading.countDown();
                        await(release);
                        return "read";
                      }));
      assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
      Future<String> second =
          pool.submit(
              () ->
                  kept.get(
                      "a",
                      1,
                      () -> {
                        readsMade.incrementAndGet();
                        return "again";
                      }));
      Thread.sleep(100);
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("read");
      assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("read");
      assertThat(readsMade).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

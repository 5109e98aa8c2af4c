package org.entente.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Verifies the audit chain against the checkpoint kept outside the database, and signs a new one
 * when it verifies: at start (after the start-up work, so the file holds the head the node started
 * with), on a schedule ({@code entente.audit.checkpoint-every}, default an hour; 0 turns it off)
 * and at a clean shutdown. A chain that does not verify raises an alarm ({@link AuditAlarms}) and
 * is not signed. Off for the {@code audit-verify} command ({@code entente.audit.watch=false}),
 * which only reads.
 */
@Component
class ChainWatch {

  private static final Logger log = LoggerFactory.getLogger(ChainWatch.class);

  private final AuditVerifier verifier;
  private final Checkpoints checkpoints;
  private final AuditAlarms alarms;
  private final boolean watch;
  private final Duration every;
  private volatile ScheduledExecutorService schedule;

  ChainWatch(
      AuditVerifier verifier,
      Checkpoints checkpoints,
      AuditAlarms alarms,
      @Value("${entente.audit.watch:true}") boolean watch,
      @Value("${entente.audit.checkpoint-every:PT1H}") Duration every) {
    this.verifier = verifier;
    this.checkpoints = checkpoints;
    this.alarms = alarms;
    this.watch = watch;
    this.every = every;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void atStart() {
    if (watch) {
      check("start");
    }
  }

  /** Starts the schedule: its own daemon thread, so that it depends on no other setting. */
  @EventListener(ApplicationReadyEvent.class)
  void startSchedule() {
    if (!watch || every.isZero() || every.isNegative()) {
      return;
    }
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "audit-chain-watch");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            check("schedule");
          } catch (RuntimeException e) {
            log.warn("The scheduled audit chain check failed: {}", e.getMessage());
          }
        },
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    schedule = executor;
  }

  @EventListener(ContextClosedEvent.class)
  void atShutdown() {
    ScheduledExecutorService executor = schedule;
    if (executor != null) {
      executor.shutdownNow();
    }
    if (!watch) {
      return;
    }
    try {
      AuditVerifier.Verification v = verifier.verify();
      if (v.intact()) {
        checkpoints.sign(new Audit.ChainHead(v.headSeq(), v.headHash()));
      } else {
        log.error(
            "The audit chain is broken at event {}: {}; no checkpoint signed at shutdown",
            v.firstBroken(),
            v.problem());
      }
    } catch (RuntimeException e) {
      log.warn("No audit checkpoint at shutdown: {}", e.getMessage());
    }
  }

  /**
   * Verifies the chain against the checkpoints; signs the head when it verifies, raises an alarm
   * when it does not.
   *
   * @return the verification
   */
  AuditVerifier.Verification check(String when) {
    AuditVerifier.Verification v = verifier.verify();
    if (v.intact()) {
      Checkpoints.SignedCheckpoint c =
          checkpoints.sign(new Audit.ChainHead(v.headSeq(), v.headHash()));
      log.info(
          "Audit chain verified at {} ({} events); checkpoint signed at event {}",
          when,
          v.checked(),
          c.seq());
    } else {
      alarms.raise(v);
    }
    return v;
  }
}

package org.entente.durability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every write the application acknowledged (answered 2xx with the record), with what it answered:
 * the record's id and version, and for a change the content it acknowledged. A write whose answer
 * never came (the process was killed first, or the connection broke) is ambiguous: it may or may
 * not have been committed, and the checks allow both, but nothing else.
 */
final class Ledger {

  /**
   * A project as last acknowledged.
   *
   * @param pending whether a change was sent after this acknowledgement and never answered: the
   *     stored project may then be one version further, with that change's title
   * @param pendingTitle the title that unanswered change sent
   */
  record ProjectAck(
      String key,
      long version,
      String title,
      boolean pending,
      String pendingTitle,
      int commitments,
      int financing) {}

  record MilestoneAck(String key, long version) {}

  record MeetingAck(String title, long version, int participants) {}

  final Map<UUID, ProjectAck> projects = new ConcurrentHashMap<>();
  final Map<UUID, MilestoneAck> milestones = new ConcurrentHashMap<>();
  final Map<UUID, Long> events = new ConcurrentHashMap<>();
  final Map<UUID, MeetingAck> meetings = new ConcurrentHashMap<>();

  /** Decision id to its meeting. */
  final Map<UUID, UUID> decisions = new ConcurrentHashMap<>();

  /** Action item id to its meeting. */
  final Map<UUID, UUID> actionItems = new ConcurrentHashMap<>();

  final AtomicLong acknowledged = new AtomicLong();
  final AtomicLong ambiguous = new AtomicLong();

  /** Answers that were neither 2xx nor a broken connection: the load expects none. */
  final List<String> refusals = Collections.synchronizedList(new ArrayList<>());

  /** Acknowledged writes of each kind, for the report. */
  final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();

  void acknowledged(String kind) {
    acknowledged.incrementAndGet();
    byKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
  }
}

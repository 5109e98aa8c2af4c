package org.entente.durability;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writers, each a thread with its own account and working group, writing through the HTTP API a mix
 * of what officials write: projects (with commitments and financing, the aggregate's child rows),
 * changes to them made against the version last acknowledged, milestones, obligation events, and
 * meetings with a decision and an action item. Each writer changes only its own records, so no
 * write is refused for a stale version; every answer is recorded in the {@link Ledger}.
 */
final class WriteLoad {

  static final String CHARTER = "az-us-2026";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One writer: an account's token and the working group it is a member of. */
  record Writer(String username, String party, String group, String token) {}

  private final String baseUrl;
  private final List<Writer> writers;
  private final Ledger ledger;
  private final String run;
  private final long seed;
  private final HttpClient http;
  private volatile boolean stop;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicInteger sent = new AtomicInteger();

  WriteLoad(String baseUrl, List<Writer> writers, Ledger ledger, String run, long seed) {
    this.baseUrl = baseUrl;
    this.writers = writers;
    this.ledger = ledger;
    this.run = run;
    this.seed = seed;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  void start() {
    for (int i = 0; i < writers.size(); i++) {
      Writer w = writers.get(i);
      Random random = new Random(seed * 31 + i);
      Thread t = new Thread(() -> write(w, random), "writer-" + w.username());
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** Asks the writers to stop after their current request and waits for them. */
  void stopAndJoin() throws InterruptedException {
    stop = true;
    for (Thread t : threads) {
      t.join(30_000);
      if (t.isAlive()) {
        throw new IllegalStateException(t.getName() + " did not stop");
      }
    }
  }

  int sent() {
    return sent.get();
  }

  /** Thrown for an answer that never came: the write may or may not have been committed. */
  private static final class NoAnswer extends Exception {
    NoAnswer(Throwable cause) {
      super(cause);
    }
  }

  /** Thrown for an answer that was not 2xx. */
  private static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  private void write(Writer w, Random random) {
    List<UUID> mine = new ArrayList<>(); // this writer's projects, made in this cycle
    int n = 0;
    try {
      while (!stop) {
        n++;
        String tag = run + "-" + w.username() + "-" + n;
        double r = random.nextDouble();
        if (r < 0.30 || mine.isEmpty()) {
          mine.add(createProject(w, "p-" + tag));
        } else if (r < 0.55) {
          changeProject(w, mine.get(random.nextInt(mine.size())), "Changed " + tag);
        } else if (r < 0.70) {
          addMilestone(w, "m-" + tag, mine.get(random.nextInt(mine.size())));
        } else if (r < 0.80) {
          recordEvent(w, "Event " + tag);
        } else {
          meeting(w, "Meeting " + tag);
        }
      }
    } catch (NoAnswer e) {
      // the application is gone (or the connection broke): this writer is done for the cycle
      ledger.ambiguous.incrementAndGet();
    } catch (Refused e) {
      ledger.refusals.add(w.username() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      ledger.refusals.add(w.username() + ": " + e);
    }
  }

  private UUID createProject(Writer w, String key) throws NoAnswer, Refused, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key);
    body.put("title", Map.of("en", "Project " + key));
    body.put("description", Map.of("en", "Written by the durability test."));
    body.put("commitments", List.of("public-private-engagement", "middle-corridor"));
    body.put("leads", Map.of("AZ", "Ministry of Economy", "US", "Department of Commerce"));
    body.put(
        "financing",
        List.of(
            Map.of(
                "amount",
                new BigDecimal("1250000.50"),
                "currency",
                "USD",
                "source",
                "DFC",
                "status",
                "PLEDGED")));
    JsonNode p =
        send(
            "POST",
            "/api/charters/" + CHARTER + "/working-groups/" + w.group() + "/projects",
            w,
            body);
    UUID id = UUID.fromString(p.get("id").asString());
    ledger.projects.put(
        id,
        new Ledger.ProjectAck(
            key,
            p.get("version").asLong(),
            p.get("title").get("en").asString(),
            false,
            null,
            p.get("commitments").size(),
            p.get("financing").size()));
    ledger.acknowledged("project.created");
    return id;
  }

  private void changeProject(Writer w, UUID id, String title)
      throws NoAnswer, Refused, InterruptedException {
    Ledger.ProjectAck before = ledger.projects.get(id);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", before.version());
    body.put("title", Map.of("en", title));
    // marked pending before it is sent: if no answer comes, either version may be stored
    ledger.projects.put(
        id,
        new Ledger.ProjectAck(
            before.key(),
            before.version(),
            before.title(),
            true,
            title,
            before.commitments(),
            before.financing()));
    JsonNode p = send("PATCH", "/api/projects/" + id, w, body);
    ledger.projects.put(
        id,
        new Ledger.ProjectAck(
            before.key(),
            p.get("version").asLong(),
            p.get("title").get("en").asString(),
            false,
            null,
            p.get("commitments").size(),
            p.get("financing").size()));
    ledger.acknowledged("project.updated");
  }

  private void addMilestone(Writer w, String key, UUID project)
      throws NoAnswer, Refused, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key);
    body.put("title", Map.of("en", "Milestone " + key));
    body.put("plannedStart", "2026-12-01");
    body.put("plannedEnd", "2027-03-31");
    body.put("project", ledger.projects.get(project).key());
    JsonNode m =
        send(
            "POST",
            "/api/charters/" + CHARTER + "/working-groups/" + w.group() + "/roadmap/milestones",
            w,
            body);
    ledger.milestones.put(
        UUID.fromString(m.get("id").asString()),
        new Ledger.MilestoneAck(key, m.get("version").asLong()));
    ledger.acknowledged("milestone.added");
  }

  private void recordEvent(Writer w, String title) throws NoAnswer, Refused, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "meeting-held");
    body.put("subject", w.group());
    body.put("occurredOn", LocalDate.of(2026, 10, 1).toString());
    body.put("title", title);
    JsonNode e = send("POST", "/api/charters/" + CHARTER + "/events", w, body);
    ledger.events.put(UUID.fromString(e.get("id").asString()), e.get("version").asLong());
    ledger.acknowledged("event.recorded");
  }

  private void meeting(Writer w, String title) throws NoAnswer, Refused, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("body", "working-group");
    body.put("bodyKey", w.group());
    body.put("title", title);
    body.put("startsAt", "2026-12-10T10:00");
    body.put("endsAt", "2026-12-10T12:00");
    body.put("timeZone", "Asia/Baku");
    body.put(
        "participants",
        List.of(
            Map.of(
                "party",
                "AZ",
                "organization",
                KillCycles.organization("AZ"),
                "personName",
                "A. Aliyev"),
            Map.of(
                "party",
                "US",
                "organization",
                KillCycles.organization("US"),
                "personName",
                "J. Smith")));
    JsonNode m = send("POST", "/api/charters/" + CHARTER + "/meetings", w, body);
    UUID meeting = UUID.fromString(m.get("id").asString());
    ledger.meetings.put(
        meeting,
        new Ledger.MeetingAck(title, m.get("version").asLong(), m.get("participants").size()));
    ledger.acknowledged("meeting.scheduled");
    if (stop) {
      return;
    }
    String decided = "Decided at " + title;
    JsonNode d =
        send("POST", "/api/meetings/" + meeting + "/decisions", w, Map.of("text", decided));
    UUID decision = null;
    for (JsonNode each : d.get("decisions")) {
      if (decided.equals(each.get("text").get("en").asString())) {
        decision = UUID.fromString(each.get("id").asString());
      }
    }
    if (decision == null) {
      throw new Refused("the meeting answered without the decision just recorded");
    }
    ledger.decisions.put(decision, meeting);
    ledger.acknowledged("meeting.decision-recorded");
    if (stop) {
      return;
    }
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("title", "Follow up " + title);
    item.put("ownerUsername", w.username());
    item.put("dueOn", "2026-12-20");
    JsonNode a = send("POST", "/api/meetings/" + meeting + "/action-items", w, item);
    ledger.actionItems.put(UUID.fromString(a.get("id").asString()), meeting);
    ledger.acknowledged("action-item.added");
  }

  private JsonNode send(String method, String path, Writer w, Object body)
      throws NoAnswer, Refused, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + w.token())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    HttpResponse<String> response;
    sent.incrementAndGet();
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NoAnswer(e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new Refused(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}

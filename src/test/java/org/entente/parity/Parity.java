package org.entente.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent;
import org.entente.shared.Paging;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * One person making the same change twice, once through the API with their token and once through
 * the page's form with their session, and what each left behind: the record as the API reads it and
 * the audit events the change appended. Two results are the same when they differ only in what
 * tells two records apart (ids, keys named as aliases, creation times).
 */
final class Parity {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** Fields that tell two records apart or say when they were made, never what a person set. */
  static final Set<String> IDENTITY =
      Set.of(
          "id",
          "createdAt",
          "updatedAt",
          "recordedAt",
          "occurredAt",
          "changedAt",
          "uploadedAt",
          "links",
          "self",
          "href",
          "url");

  private final MockMvc mvc;
  private final Audit audit;
  private final String token;
  private final Cookie session;
  private final Map<String, String> aliases = new LinkedHashMap<>();

  Parity(MockMvc mvc, Audit audit, String token, Cookie session) {
    this.mvc = mvc;
    this.audit = audit;
    this.token = token;
    this.session = session;
  }

  /** What one call answered and the audit events it appended, oldest first. */
  record Call(int status, String body, String location, List<AuditEvent> events) {

    /** A field of the JSON answer. */
    @SuppressWarnings("unchecked")
    <T> T field(String name) {
      try {
        return (T) JSON.readValue(body, Map.class).get(name);
      } catch (Exception e) {
        throw new AssertionError("not a JSON object: " + body, e);
      }
    }

    /** The last path segment of where the form sent the person (a new record's id or key). */
    String locationId() {
      assertThat(location).as("where the form redirected").isNotNull();
      String path = location.replaceFirst("[?#].*$", "");
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  /** Names a value of the API's record and its counterpart on the page's record as one. */
  Parity alias(String throughApi, String throughPage) {
    aliases.put(throughApi, "<alias " + aliases.size() + ">");
    aliases.put(throughPage, "<alias " + (aliases.size() - 1) + ">");
    return this;
  }

  /**
   * Names the values at a path of two records as one: what each record derives from what tells it
   * apart, such as the fingerprint of an agreement over its own group's list.
   */
  @SuppressWarnings("unchecked")
  Parity aliasAt(Map<String, Object> throughApi, Map<String, Object> throughPage, String... path) {
    Object a = throughApi;
    Object b = throughPage;
    for (String step : path) {
      a = a == null ? null : ((Map<String, Object>) a).get(step);
      b = b == null ? null : ((Map<String, Object>) b).get(step);
    }
    if (a == null && b == null) {
      return this;
    }
    return alias(String.valueOf(a), String.valueOf(b));
  }

  /** An API call with the person's token; it must succeed. */
  Call api(HttpMethod method, String path, String json) throws Exception {
    MockHttpServletRequestBuilder builder =
        request(method, path).header("Authorization", "Bearer " + token);
    if (json != null) {
      builder.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return perform(builder, "API " + method + " " + path);
  }

  /** An API call with a file upload (CSV imports) and the person's token; it must succeed. */
  Call apiText(String path, String contentType, String text) throws Exception {
    return perform(
        post(path)
            .header("Authorization", "Bearer " + token)
            .contentType(contentType)
            .content(text),
        "API POST " + path);
  }

  /** A form sent with the person's session; it must succeed (a redirect, or a page). */
  Call form(String path, String... params) throws Exception {
    MockHttpServletRequestBuilder builder = post(path).cookie(session).with(csrf());
    for (int i = 0; i + 1 < params.length; i += 2) {
      builder.param(params[i], params[i + 1]);
    }
    return perform(builder, "form " + path);
  }

  /** A form that sends a request as built by the scenario (files, repeated fields). */
  Call form(AbstractMockHttpServletRequestBuilder<?> builder, String what) throws Exception {
    return perform(builder.cookie(session).with(csrf()), what);
  }

  /**
   * A form that starts work in the background (a CSV upload): sent, then its page read until the
   * work is done, and what it appended meanwhile.
   */
  Call formInTheBackground(AbstractMockHttpServletRequestBuilder<?> builder, String what)
      throws Exception {
    long before = audit.head().seq();
    MockHttpServletResponse r =
        mvc.perform(builder.cookie(session).with(csrf())).andReturn().getResponse();
    assertThat(r.getStatus()).as(what + ": " + r.getContentAsString()).isBetween(300, 399);
    String page = r.getRedirectedUrl();
    for (int i = 0; ; i++) {
      String html =
          mvc.perform(get(page).cookie(session)).andReturn().getResponse().getContentAsString();
      if (!html.contains("rows read so far")) {
        assertThat(html).as(what + " ended refused").doesNotContain("role=\"alert\"");
        break;
      }
      assertThat(i).as("the work behind " + what + " did not finish").isLessThan(400);
      Thread.sleep(50);
    }
    return new Call(r.getStatus(), "", page, since(before));
  }

  private List<AuditEvent> since(long before) {
    long after = audit.head().seq();
    List<AuditEvent> events = new ArrayList<>();
    if (after > before) {
      List<AuditEvent> newest =
          audit.events(null, null, null, new Paging(0, (int) (after - before))).items();
      newest.forEach(e -> events.add(0, e));
    }
    return events;
  }

  private Call perform(AbstractMockHttpServletRequestBuilder<?> builder, String what)
      throws Exception {
    long before = audit.head().seq();
    MockHttpServletResponse r = mvc.perform(builder).andReturn().getResponse();
    assertThat(r.getStatus()).as(what + ": " + r.getContentAsString()).isBetween(200, 399);
    return new Call(r.getStatus(), r.getContentAsString(), r.getRedirectedUrl(), since(before));
  }

  /** A record as the API reads it for the person, as a map. */
  @SuppressWarnings("unchecked")
  Map<String, Object> read(String path) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(get(path).header("Authorization", "Bearer " + token)).andReturn().getResponse();
    assertThat(r.getStatus()).as("GET " + path + ": " + r.getContentAsString()).isEqualTo(200);
    return JSON.readValue(r.getContentAsString(), Map.class);
  }

  /** A list or record as the API reads it for the person, as lists and maps. */
  Object readAny(String path) throws Exception {
    return JSON.readValue(readText(path), Object.class);
  }

  /** A record as the API reads it for the person, as its JSON text. */
  String readText(String path) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(get(path).header("Authorization", "Bearer " + token)).andReturn().getResponse();
    assertThat(r.getStatus()).as("GET " + path + ": " + r.getContentAsString()).isEqualTo(200);
    return r.getContentAsString();
  }

  /** The two records are the same but for their identities and aliases. */
  void sameRecord(Object throughApi, Object throughPage, String... alsoIgnored) {
    Set<String> ignored = new java.util.HashSet<>(IDENTITY);
    ignored.addAll(List.of(alsoIgnored));
    assertThat(normalized(throughPage, ignored))
        .as("the record the form made, against the one the API made")
        .isEqualTo(normalized(throughApi, ignored));
  }

  /** The two calls appended the same audit events: action, record type, outcome, actor, details. */
  void sameEvents(Call throughApi, Call throughPage) throws Exception {
    assertThat(throughApi.events()).as("the API call's audit events").isNotEmpty();
    assertThat(events(throughPage))
        .as("the form's audit events, against the API's")
        .isEqualTo(events(throughApi));
  }

  private List<Object> events(Call call) throws Exception {
    List<Object> shown = new ArrayList<>();
    for (AuditEvent e : call.events()) {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("action", e.action());
      event.put("recordType", e.recordType());
      event.put("recordId", e.recordId() == null ? null : "<record>");
      event.put("outcome", e.outcome());
      event.put("actor", normalized(e.actor(), Set.of()));
      event.put("party", e.party());
      event.put(
          "details",
          normalized(
              e.details() == null ? null : JSON.readValue(e.details(), Object.class), Set.of()));
      shown.add(event);
    }
    return shown;
  }

  @SuppressWarnings("unchecked")
  private Object normalized(Object value, Set<String> ignored) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new java.util.TreeMap<>();
      ((Map<String, Object>) map)
          .forEach(
              (k, v) -> {
                if (!ignored.contains(k)) {
                  out.put(k, normalized(v, ignored));
                }
              });
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> normalized(v, ignored)).toList();
    }
    if (value instanceof String s) {
      String text = s;
      for (Map.Entry<String, String> alias : aliases.entrySet()) {
        text = text.replace(alias.getKey(), alias.getValue());
      }
      return UUID_TEXT.matcher(text).replaceAll("<uuid>");
    }
    return value;
  }
}

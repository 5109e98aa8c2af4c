package org.entente.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.entente.audit.Audit;
import org.entente.audit.RecordChanges;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The kept public pages, with the page itself played by a filter chain that counts how often it is
 * asked to render: what is kept, for whom, until when, and how much.
 */
class PortalPageCacheTest {

  static final LocalDate DAY = LocalDate.of(2026, 11, 28);
  static final Viewer SIGNED_IN =
      new Viewer("us.cochair", "us", false, Set.of(), Set.of(), Set.of(), Set.of(), false);

  Portal portal = mock(Portal.class);
  Viewers viewers = mock(Viewers.class);
  LocaleResolver locales = mock(LocaleResolver.class);
  Portal.PageVersion version = new Portal.PageVersion(7, DAY, "en");
  Viewer viewer = Viewer.ANONYMOUS;
  MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
  List<String> rendered = new ArrayList<>();

  /** What the next rendering answers: its status, whether it sets a cookie, its body. */
  int status = 200;

  boolean setsCookie;
  String body = "<p>overview</p>";

  @BeforeEach
  void collaborators() {
    when(viewers.current()).thenAnswer(i -> viewer);
    when(locales.resolveLocale(any())).thenReturn(Locale.ENGLISH);
    when(portal.version(any())).thenAnswer(i -> version);
  }

  PortalPageCache cache(long maxBytes) {
    return new PortalPageCache(
        portal, viewers, locales, clock, new RecordChanges(mock(Audit.class)), maxBytes);
  }

  MockHttpServletResponse get(PortalPageCache cache, String uri, String... headers)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    request.setRequestURI(uri);
    for (int i = 0; i < headers.length; i += 2) {
      request.addHeader(headers[i], headers[i + 1]);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    String page = body;
    int answer = status;
    boolean cookie = setsCookie;
    cache.doFilter(
        request,
        response,
        (req, res) -> {
          rendered.add(uri);
          HttpServletResponse http = (HttpServletResponse) res;
          http.setStatus(answer);
          http.setContentType("text/html;charset=UTF-8");
          http.setHeader("Content-Language", "en");
          if (cookie) {
            http.addCookie(new Cookie("entente-lang", "az"));
          }
          http.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        });
    return response;
  }

  @Test
  void anAnonymousVisitorsSecondRequestIsAnsweredWithTheKeptPageAndItsValidators()
      throws Exception {
    PortalPageCache cache = cache(1 << 20);
    MockHttpServletResponse first = get(cache, "/public/charters/c");
    MockHttpServletResponse second = get(cache, "/public/charters/c");

    assertThat(rendered).hasSize(1);
    assertThat(second.getStatus()).isEqualTo(200);
    assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
    assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
    assertThat(second.getHeader("Content-Language")).isEqualTo("en");
    assertThat(second.getHeader("ETag")).startsWith("W/\"en-").isEqualTo(first.getHeader("ETag"));
    assertThat(second.getHeader("Last-Modified")).isEqualTo("Sat, 28 Nov 2026 10:00:00 GMT");
    assertThat(second.getHeader("Cache-Control")).isEqualTo("no-cache");
    assertThat(second.getHeader("Vary")).isEqualTo("Accept-Language, Cookie");

    MockHttpServletResponse current =
        get(cache, "/public/charters/c", "If-None-Match", first.getHeader("ETag"));
    assertThat(current.getStatus()).isEqualTo(304);
    assertThat(current.getContentAsByteArray()).isEmpty();
    assertThat(rendered).hasSize(1);
  }

  @Test
  void aChangedRecordADayLaterOrAnotherLanguageRendersThePageAgain() throws Exception {
    PortalPageCache cache = cache(1 << 20);
    get(cache, "/public/charters/c");
    version = new Portal.PageVersion(8, DAY, "en");
    body = "<p>changed</p>";
    assertThat(get(cache, "/public/charters/c").getContentAsString()).isEqualTo("<p>changed</p>");
    version = new Portal.PageVersion(8, DAY.plusDays(1), "en");
    get(cache, "/public/charters/c");
    version = new Portal.PageVersion(8, DAY.plusDays(1), "az");
    get(cache, "/public/charters/c");
    assertThat(rendered).hasSize(4);

    assertThat(get(cache, "/public/charters/c").getContentAsString()).isEqualTo("<p>changed</p>");
    assertThat(rendered).as("the same state again is kept").hasSize(4);
  }

  @Test
  void eachAddressQueryAndHtmxRequestIsItsOwnPage() throws Exception {
    PortalPageCache cache = cache(1 << 20);
    get(cache, "/public/charters/c");
    get(cache, "/public/charters/c/deadlines");
    get(cache, "/public/charters/c?page=2");
    get(cache, "/public/charters/c", "HX-Request", "true");
    assertThat(rendered).hasSize(4);
  }

  @Test
  void aSignedInVisitorsPageIsNeitherKeptNorAnsweredFromTheKeptOnes() throws Exception {
    PortalPageCache cache = cache(1 << 20);
    viewer = SIGNED_IN;
    body = "<p>signed in as us.cochair</p>";
    get(cache, "/public/charters/c");
    viewer = Viewer.ANONYMOUS;
    body = "<p>overview</p>";
    assertThat(get(cache, "/public/charters/c").getContentAsString()).isEqualTo("<p>overview</p>");
    viewer = SIGNED_IN;
    body = "<p>signed in as us.cochair</p>";
    assertThat(get(cache, "/public/charters/c").getContentAsString())
        .isEqualTo("<p>signed in as us.cochair</p>");
    assertThat(rendered).hasSize(3);
  }

  @Test
  void errorsAndAnswersThatSetACookieAreNotKept() throws Exception {
    PortalPageCache cache = cache(1 << 20);
    status = 404;
    get(cache, "/public/charters/none");
    get(cache, "/public/charters/none");
    status = 200;
    setsCookie = true;
    get(cache, "/public/charters/c?lang=az");
    get(cache, "/public/charters/c?lang=az");
    assertThat(rendered).hasSize(4);
    assertThat(cache.bytes()).isZero();
  }

  @Test
  void atMostTheSetBytesAreKeptTheLeastRecentlyUsedLeavingFirst() throws Exception {
    body = "x".repeat(100);
    PortalPageCache cache = cache(800);
    get(cache, "/public/a");
    for (int i = 0; i < 20; i++) {
      get(cache, "/public/p" + i);
      get(cache, "/public/a");
      assertThat(cache.bytes()).isLessThanOrEqualTo(800);
    }
    assertThat(rendered).as("the page asked for all along stays").hasSize(21);
    get(cache, "/public/p0");
    assertThat(rendered).as("the first of the others left").hasSize(22);

    body = "x".repeat(101);
    get(cache, "/public/large");
    get(cache, "/public/large");
    assertThat(rendered).as("a page over an eighth of the bound is not kept").hasSize(24);
  }

  @Test
  void aRecordChangeThatLeavesThePageAsItWasMovesNoValidatorWhileNewContentDoes() throws Exception {
    PortalPageCache cache = cache(1 << 20);
    MockHttpServletResponse first = get(cache, "/public/charters/c");

    version = new Portal.PageVersion(8, DAY, "en");
    clock.setInstant(Instant.parse("2026-11-28T11:00:00Z"));
    MockHttpServletResponse same = get(cache, "/public/charters/c");
    assertThat(rendered).as("rendered again, as a record changed").hasSize(2);
    assertThat(same.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
    assertThat(same.getHeader("Last-Modified")).isEqualTo(first.getHeader("Last-Modified"));
    MockHttpServletResponse current =
        get(cache, "/public/charters/c", "If-Modified-Since", first.getHeader("Last-Modified"));
    assertThat(current.getStatus()).isEqualTo(304);

    version = new Portal.PageVersion(9, DAY, "en");
    body = "<p>published</p>";
    MockHttpServletResponse changed =
        get(cache, "/public/charters/c", "If-None-Match", first.getHeader("ETag"));
    assertThat(changed.getStatus()).isEqualTo(200);
    assertThat(changed.getContentAsString()).isEqualTo("<p>published</p>");
    assertThat(changed.getHeader("ETag")).isNotEqualTo(first.getHeader("ETag"));
    assertThat(changed.getHeader("Last-Modified")).isEqualTo("Sat, 28 Nov 2026 11:00:00 GMT");
  }

  @Test
  void aFreshlyRenderedPageIsA304WhenTheVisitorsCopyHasTheSameContent() throws Exception {
    PortalPageCache cache = cache(1 << 20);
    String etag = get(cache, "/public/charters/c").getHeader("ETag");
    version = new Portal.PageVersion(8, DAY, "en");
    MockHttpServletResponse current = get(cache, "/public/charters/c", "If-None-Match", etag);
    assertThat(rendered).hasSize(2);
    assertThat(current.getStatus()).isEqualTo(304);
    assertThat(current.getContentAsByteArray()).isEmpty();
  }
}

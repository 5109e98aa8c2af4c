package org.entente.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.entente.audit.RecordChanges;
import org.entente.identity.Viewers;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public pages' validators, and the pages kept as rendered for anonymous visitors.
 *
 * <p><b>Validators from the content.</b> A public page's entity tag is a hash of the page as
 * rendered, and its Last-Modified is when this server first rendered that content: both move only
 * when what the public may see moves. An edit of a party-internal or bilateral record changes no
 * public page, so it changes no validator, and an anonymous reader cannot learn from them when
 * private work happens (ASVS V8.1, issue 16 finding 7). Validators are given to anonymous visitors
 * only; a signed-in visitor's pages carry their name and are neither tagged nor kept.
 *
 * <p><b>Kept pages.</b> A page asked for again while no record changed, on the same day and in the
 * same language ({@link Portal#version}), is answered without reading or rendering it again: on the
 * day a charter is signed, most of the portal's visitors ask for the same few pages. Pages are kept
 * the one way Entente keeps what it read until a record changes ({@link RecordChanges.Kept},
 * decision 0020). The version is read before the page is, so a kept page is never older than its
 * version; it is only the server's own bookkeeping and never reaches a visitor. The version read
 * here is handed to the page ({@link #VERSION}), so that the records' state is asked for once per
 * request. Only what anybody would get is kept: a 200 HTML answer to an anonymous GET that set no
 * cookie. At most a set number of bytes of pages are kept ({@link #MAX_BYTES} in the application),
 * the least recently used leaving first; a page larger than an eighth of that is not kept, though
 * it is still tagged.
 */
final class PortalPageCache extends OncePerRequestFilter {

  /** The most bytes of pages kept (a charter's overview at full scale is well under 1 MB). */
  static final long MAX_BYTES = 32L * 1024 * 1024;

  /** The most addresses whose validators are remembered; beyond, the oldest are forgotten. */
  static final int MAX_VALIDATORS = 4096;

  /** The request attribute that holds the {@link Portal.PageVersion} read for an anonymous GET. */
  static final String VERSION = "org.entente.portal.Portal.PageVersion";

  private final Portal portal;
  private final Viewers viewers;
  private final LocaleResolver locales;
  private final Clock clock;

  /** The page for each address, language and day, the least recently used first. */
  private final RecordChanges.Kept<Key, Page> pages;

  /**
   * The validators last given for each address and language, kept apart from the pages so that a
   * page rendered again after a record changed keeps its Last-Modified when its content did not.
   */
  private final Map<Key, Validators> validators =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Validators> eldest) {
          return size() > MAX_VALIDATORS;
        }
      };

  PortalPageCache(
      Portal portal,
      Viewers viewers,
      LocaleResolver locales,
      Clock clock,
      RecordChanges changes,
      long maxBytes) {
    this.portal = portal;
    this.viewers = viewers;
    this.locales = locales;
    this.clock = clock;
    this.pages = changes.<Key, Page>kept(maxBytes).weighing(page -> page.body().length);
  }

  private record Key(String address, String language, boolean fragment, LocalDate day) {}

  /** A page's validators: a weak tag of its content, and when that content was first rendered. */
  record Validators(String etag, Instant lastModified) {}

  private record Page(
      byte[] body, String contentType, String contentLanguage, Validators validators) {}

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (viewers.current().signedIn()) {
      chain.doFilter(request, response);
      return;
    }
    Locale locale = locales.resolveLocale(request);
    Portal.PageVersion version = portal.version(locale);
    request.setAttribute(VERSION, version);
    String query = request.getQueryString();
    Key key =
        new Key(
            request.getRequestURI() + (query == null ? "" : "?" + query),
            version.language(),
            request.getHeader("HX-Request") != null,
            version.day());
    Page page = pages.kept(key, version.change());
    if (page != null) {
      if (notModified(page.validators(), request, response)) {
        return;
      }
      response.setContentType(page.contentType());
      if (page.contentLanguage() != null) {
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage());
      }
      response.setContentLength(page.body().length);
      response.getOutputStream().write(page.body());
      return;
    }
    ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, rendered);
    } catch (IOException | ServletException | RuntimeException e) {
      rendered.copyBodyToResponse();
      throw e;
    }
    String type = rendered.getContentType();
    if (rendered.getStatus() != HttpServletResponse.SC_OK
        || type == null
        || !type.startsWith("text/html")
        || viewers.current().signedIn()) {
      rendered.copyBodyToResponse();
      return;
    }
    byte[] body = rendered.getContentAsByteArray();
    Validators tags = validators(key, body);
    if (rendered.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
        && "GET".equals(request.getMethod())) {
      pages.keep(
          key,
          version.change(),
          new Page(body, type, rendered.getHeader(HttpHeaders.CONTENT_LANGUAGE), tags));
    }
    if (notModified(tags, request, rendered)) {
      // the visitor's copy is current: the page rendered is not sent
      rendered.resetBuffer();
    }
    rendered.copyBodyToResponse();
  }

  /**
   * The validators of a page just rendered: its tag from its content, and its Last-Modified kept
   * from the last time it was given with the same tag, else now (to the second, as HTTP dates are).
   */
  private synchronized Validators validators(Key key, byte[] body) {
    String etag = "W/\"" + key.language() + "-" + hash(body) + "\"";
    Validators before = validators.get(key);
    if (before != null && before.etag().equals(etag)) {
      return before;
    }
    Validators now = new Validators(etag, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    validators.put(key, now);
    return now;
  }

  private static String hash(byte[] body) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(body))
          .substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sets a public page's validators and answers whether the visitor's copy is current (the response
   * is then a 304).
   */
  private static boolean notModified(
      Validators validators, HttpServletRequest request, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    response.setHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
    return new ServletWebRequest(request, response)
        .checkNotModified(validators.etag(), validators.lastModified().toEpochMilli());
  }

  /** How many bytes of pages are kept now. */
  long bytes() {
    return pages.weight();
  }
}

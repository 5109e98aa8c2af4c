package org.entente.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.entente.identity.Viewers;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the public pages as rendered for anonymous visitors, so that a page asked for again while
 * no record changed, on the same day and in the same language, is answered without reading or
 * rendering it again: on the day a charter is signed, most of the portal's visitors ask for the
 * same few pages.
 *
 * <p>A kept page is used only while {@link Portal#freshness} names the same {@link
 * Portal.PageVersion} it was rendered under, which the pages' entity tags stand for too; the
 * version is read before the page is, so a kept page is never older than its version. Only what
 * anybody would get is kept: a 200 HTML answer to an anonymous GET that set no cookie. Pages for a
 * signed-in visitor, with their name and a form token, always go through. At most a set number of
 * bytes of pages are kept ({@link #MAX_BYTES} in the application), the least recently used leaving
 * first; a page larger than an eighth of that is not kept.
 */
final class PortalPageCache extends OncePerRequestFilter {

  /** The most bytes of pages kept (a charter's overview at full scale is well under 1 MB). */
  static final long MAX_BYTES = 32L * 1024 * 1024;

  private final Portal portal;
  private final Viewers viewers;
  private final LocaleResolver locales;
  private final long maxBytes;

  /** The page for each address and language, the least recently used first. */
  private final Map<Key, Page> pages = new LinkedHashMap<>(64, 0.75f, true);

  private long bytes;

  PortalPageCache(Portal portal, Viewers viewers, LocaleResolver locales, long maxBytes) {
    this.portal = portal;
    this.viewers = viewers;
    this.locales = locales;
    this.maxBytes = maxBytes;
  }

  private record Key(String address, String language, boolean fragment) {}

  private record Page(
      Portal.PageVersion version, byte[] body, String contentType, String contentLanguage) {}

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod());
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
    Portal.Freshness freshness = portal.freshness(locale);
    String query = request.getQueryString();
    Key key =
        new Key(
            request.getRequestURI() + (query == null ? "" : "?" + query),
            freshness.version().language(),
            request.getHeader("HX-Request") != null);
    Page page = kept(key, freshness.version());
    if (page != null) {
      if (notModified(freshness, new ServletWebRequest(request, response), response)) {
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
      String type = rendered.getContentType();
      if (rendered.getStatus() == HttpServletResponse.SC_OK
          && type != null
          && type.startsWith("text/html")
          && rendered.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
          && !viewers.current().signedIn()) {
        keep(
            key,
            new Page(
                freshness.version(),
                rendered.getContentAsByteArray(),
                type,
                rendered.getHeader(HttpHeaders.CONTENT_LANGUAGE)));
      }
    } finally {
      rendered.copyBodyToResponse();
    }
  }

  /**
   * Sets a public page's validators and answers whether the visitor's copy is current (the response
   * is then a 304): shared by the kept pages and {@link PortalPages}.
   */
  static boolean notModified(
      Portal.Freshness freshness, WebRequest request, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    response.setHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
    return request.checkNotModified(freshness.etag(), freshness.lastModified().toEpochMilli());
  }

  private synchronized Page kept(Key key, Portal.PageVersion version) {
    Page page = pages.get(key);
    if (page == null || page.version().equals(version)) {
      return page;
    }
    pages.remove(key);
    bytes -= page.body().length;
    return null;
  }

  private synchronized void keep(Key key, Page page) {
    if (page.body().length == 0 || page.body().length > maxBytes / 8) {
      return;
    }
    Page before = pages.put(key, page);
    bytes += page.body().length - (before == null ? 0 : before.body().length);
    var eldest = pages.entrySet().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      bytes -= eldest.next().getValue().body().length;
      eldest.remove();
    }
  }

  /** How many bytes of pages are kept now. */
  synchronized long bytes() {
    return bytes;
  }
}

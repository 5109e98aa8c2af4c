package org.entente.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the demo instance is ready, answers every request 503 with {@code Retry-After}, so that
 * nobody sees it without its charter, its sample accounts and its data. The application becomes
 * ready ({@link ReadinessState#ACCEPTING_TRAFFIC}) only after every listener of the ready event has
 * returned, {@link DemoData}'s load among them.
 */
@Component
@Profile(DemoData.PROFILE)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoReadiness extends OncePerRequestFilter {

  /** Seconds a client waits before it asks again. */
  static final String RETRY_AFTER = "5";

  private final ApplicationAvailability availability;

  DemoReadiness(ApplicationAvailability availability) {
    this.availability = availability;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
    response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
  }
}

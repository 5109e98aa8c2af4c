package org.entente.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks every request of a demo instance, so that the layout shows the banner saying the data is
 * illustrative ({@code templates/fragments/demo.html :: banner} reads the request attribute). Only
 * under the {@code demo} profile: elsewhere the attribute is never set and the banner never shows.
 */
@Component
@Profile(DemoData.PROFILE)
class DemoBanner extends OncePerRequestFilter {

  /** The request attribute the banner fragment reads. */
  static final String ATTRIBUTE = "ententeDemo";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    chain.doFilter(request, response);
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }
}

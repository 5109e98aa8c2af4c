package org.entente.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a logged-in person's account on every page request, so that a removed role or a disabled
 * account takes effect on the very next request of an open session: a disabled or deleted account
 * is logged out.
 */
class FreshAccount extends OncePerRequestFilter {

  private final Accounts accounts;

  FreshAccount(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof UsernamePasswordAuthenticationToken && auth.isAuthenticated()) {
      var current = accounts.current(auth.getName());
      if (current.isEmpty() || !current.get().enabled()) {
        var session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
            new org.springframework.security.authentication.AnonymousAuthenticationToken(
                "entente-anonymous",
                "anonymousUser",
                org.springframework.security.core.authority.AuthorityUtils.createAuthorityList(
                    "ROLE_ANONYMOUS")));
        SecurityContextHolder.setContext(context);
      } else {
        List<SimpleGrantedAuthority> authorities = current.get().authorities();
        var fresh = new UsernamePasswordAuthenticationToken(auth.getName(), null, authorities);
        fresh.setDetails(auth.getDetails());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(fresh);
        SecurityContextHolder.setContext(context);
      }
    }
    chain.doFilter(request, response);
  }
}

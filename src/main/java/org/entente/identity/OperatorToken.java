package org.entente.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls by bearer token: the deployment's operator token ({@code
 * ENTENTE_OPERATOR_TOKEN}, see docs/decisions/0004-operator-token-until-accounts.md) or a personal
 * access token, checked on every call so that a revoked token fails at once. A wrong token leaves
 * the call anonymous.
 */
class OperatorToken extends OncePerRequestFilter {

  static final String ROLE = "OPERATOR";
  private static final int MIN_LENGTH = 32;

  private final byte[] expected;
  private final AccessTokens tokens;

  OperatorToken(String token, AccessTokens tokens) {
    this.tokens = tokens;
    if (token != null && !token.isBlank() && token.length() < MIN_LENGTH) {
      throw new IllegalStateException(
          "entente.operator-token must have at least " + MIN_LENGTH + " characters");
    }
    this.expected = token == null || token.isBlank() ? null : digest(token);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.startsWith("Bearer ")) {
      String secret = header.substring("Bearer ".length()).strip();
      if (expected != null && MessageDigest.isEqual(expected, digest(secret))) {
        var auth =
            new UsernamePasswordAuthenticationToken(
                "operator", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        SecurityContextHolder.getContext().setAuthentication(auth);
      } else {
        tokens
            .authenticate(secret)
            .map(
                holder -> {
                  List<SimpleGrantedAuthority> authorities =
                      new java.util.ArrayList<>(holder.login().authorities());
                  authorities.add(new SimpleGrantedAuthority("SCOPE_read"));
                  if (holder.scope() == AccessTokens.Scope.WRITE) {
                    authorities.add(new SimpleGrantedAuthority("SCOPE_write"));
                  }
                  return new UsernamePasswordAuthenticationToken(
                      holder.login().username(), null, authorities);
                })
            .ifPresent(auth -> SecurityContextHolder.getContext().setAuthentication(auth));
      }
    }
    chain.doFilter(request, response);
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

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
 * Until accounts exist, one secret configured by the operator ({@code ENTENTE_OPERATOR_TOKEN})
 * allows writing through the API, sent as {@code Authorization: Bearer ...}. With no token
 * configured, nobody can write. See docs/decisions/0004-operator-token-until-accounts.md.
 */
class OperatorToken extends OncePerRequestFilter {

  static final String ROLE = "OPERATOR";
  private static final int MIN_LENGTH = 32;

  private final byte[] expected;

  OperatorToken(String token) {
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
    if (expected != null && header != null && header.startsWith("Bearer ")) {
      byte[] given = digest(header.substring("Bearer ".length()).strip());
      if (MessageDigest.isEqual(expected, given)) {
        var auth =
            new UsernamePasswordAuthenticationToken(
                "operator", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        SecurityContextHolder.getContext().setAuthentication(auth);
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

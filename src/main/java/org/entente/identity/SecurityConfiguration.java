package org.entente.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two security chains built from {@link AccessRules}: the API (tokens only, stateless) and the
 * pages (sessions, login form, CSRF). Whatever the rules do not name is denied.
 */
@Configuration
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self';"
          + " object-src 'none'; frame-ancestors 'none'";

  /**
   * Powerful browser features the application never uses, denied to every page and frame (ASVS
   * V14.4): passkeys (WebAuthn) stay allowed for the application's own origin.
   */
  static final String PERMISSIONS_POLICY =
      "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(),"
          + " fullscreen=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(),"
          + " magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(),"
          + " publickey-credentials-create=(self), publickey-credentials-get=(self),"
          + " screen-wake-lock=(), serial=(), usb=(), web-share=(), xr-spatial-tracking=()";

  /**
   * How long a browser keeps to HTTPS after it saw the HSTS header: one year, as ASVS V14.4.5 and
   * the HSTS preload list ask.
   */
  static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 60 * 60;

  /** The API: tokens only (the session cookie is ignored, so there is no CSRF to forge). */
  @Bean
  @Order(1)
  SecurityFilterChain apiChain(
      HttpSecurity http,
      @Value("${entente.operator-token:}") String operatorToken,
      AccessTokens tokens,
      Audit audit)
      throws Exception {
    http.securityMatcher("/api/**")
        .addFilterBefore(
            new OperatorToken(operatorToken, tokens), AnonymousAuthenticationFilter.class)
        .securityContext(
            c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .requestCache(c -> c.disable())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (request, response, ex) -> {
                          // A caller with no token at all is answered like any other caller
                          // who may not see a thing: 404. A token that is wrong, expired or
                          // revoked gets 401, so that its client knows to get a new one.
                          if (request.getHeader("Authorization") == null) {
                            denied(audit, request, 404);
                            problem(response, 404, "Not Found", "There is nothing here.");
                          } else {
                            denied(audit, request, 401);
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problem(response, 401, "Unauthorized", "A valid token is required.");
                          }
                        })
                    .accessDeniedHandler(
                        (request, response, ex) -> {
                          // Answered like a route or record that does not exist, so that a
                          // refusal says nothing about what is there.
                          denied(audit, request, 404);
                          problem(response, 404, "Not Found", "There is nothing here.");
                        }))
        .headers(this::headers)
        .authorizeHttpRequests(
            a -> {
              for (AccessRules.Rule rule : AccessRules.API) {
                a.requestMatchers(rule.method(), rule.pattern()).access(api(rule));
              }
              a.anyRequest().denyAll();
            });
    return http.build();
  }

  /** Pages: sessions, a login form, CSRF tokens on every form. */
  @Bean
  @Order(2)
  SecurityFilterChain pageChain(HttpSecurity http, Accounts accounts, Audit audit)
      throws Exception {
    http.addFilterBefore(new FreshAccount(accounts), AuthorizationFilter.class)
        .sessionManagement(
            s ->
                s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                    .sessionFixation(f -> f.changeSessionId()))
        .httpBasic(b -> b.disable())
        .formLogin(
            f ->
                f.loginPage("/login")
                    .loginProcessingUrl("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(
                        (request, response, ex) ->
                            response.sendRedirect(
                                request.getContextPath()
                                    + (ex instanceof AccountLogin.ThrottledException t
                                        ? "/login?wait=" + Math.max(1, t.wait.toSeconds())
                                        : "/login?error")))
                    .permitAll())
        .logout(
            l ->
                l.logoutUrl("/logout")
                    .addLogoutHandler(
                        (request, response, authentication) -> {
                          if (authentication != null) {
                            audit.record(
                                "logout", "account", null, Outcome.SUCCESS, java.util.Map.of());
                          }
                        })
                    .invalidateHttpSession(true)
                    .clearAuthentication(true)
                    .deleteCookies("SESSION")
                    .logoutSuccessUrl("/login?logout"))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        (request, response, ex) -> {
                          // An anonymous attempt to change something is a denied request too;
                          // reading a page first sends to the login form, as before.
                          if (!"GET".equals(request.getMethod())
                              && !"HEAD".equals(request.getMethod())) {
                            denied(audit, request, 302);
                          }
                          new LoginUrlAuthenticationEntryPoint("/login")
                              .commence(request, response, ex);
                        },
                        request -> true)
                    .accessDeniedHandler(
                        (request, response, ex) -> {
                          // A refused CSRF token says nothing about a record: 403. Anything
                          // else answers like a page that does not exist.
                          int status =
                              ex instanceof org.springframework.security.web.csrf.CsrfException
                                  ? 403
                                  : 404;
                          denied(audit, request, status);
                          response.sendError(status);
                        }))
        .headers(this::headers)
        .authorizeHttpRequests(
            a -> {
              for (AccessRules.Rule rule : AccessRules.PAGES) {
                a.requestMatchers(rule.method(), rule.pattern()).access(page(rule));
              }
              a.anyRequest().denyAll();
            });
    return http.build();
  }

  private void headers(
      org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
          h) {
    // HSTS is written on requests that arrived over HTTPS only (request.isSecure()); behind a TLS
    // proxy, server.forward-headers-strategy makes the proxy's X-Forwarded-Proto count (see
    // docs/deployment.md).
    h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
        .frameOptions(f -> f.deny())
        .httpStrictTransportSecurity(
            hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(true))
        .addHeaderWriter(
            new org.springframework.security.web.header.writers.StaticHeadersWriter(
                "Permissions-Policy", PERMISSIONS_POLICY));
  }

  private static AuthorizationManager<RequestAuthorizationContext> api(AccessRules.Rule rule) {
    boolean write = rule.method() != HttpMethod.GET && rule.method() != HttpMethod.HEAD;
    return switch (rule.access()) {
      case ANYONE -> (a, c) -> new AuthorizationDecision(true);
      case SIGNED_IN -> AuthorityAuthorizationManager.hasAuthority("SCOPE_read");
      case ADMINISTRATOR ->
          write
              ? AuthorizationManagers.allOf(
                  AuthorityAuthorizationManager.hasRole("ADMINISTRATOR"),
                  AuthorityAuthorizationManager.hasAuthority("SCOPE_write"))
              : AuthorityAuthorizationManager.hasRole("ADMINISTRATOR");
      case ACCOUNT_MANAGER -> {
        var manager =
            AuthorityAuthorizationManager.<RequestAuthorizationContext>hasAnyRole(
                "ADMINISTRATOR", "COORDINATOR", "SECURITY_OFFICER");
        yield write
            ? AuthorizationManagers.allOf(
                manager, AuthorityAuthorizationManager.hasAuthority("SCOPE_write"))
            : manager;
      }
      case TOKEN_WRITE ->
          AuthorizationManagers.anyOf(
              AuthorityAuthorizationManager.hasAuthority("SCOPE_write"),
              AuthorityAuthorizationManager.hasRole(OperatorToken.ROLE));
      case OPERATOR -> AuthorityAuthorizationManager.hasRole(OperatorToken.ROLE);
    };
  }

  private static AuthorizationManager<RequestAuthorizationContext> page(AccessRules.Rule rule) {
    return switch (rule.access()) {
      case ANYONE -> (a, c) -> new AuthorizationDecision(true);
      case SIGNED_IN -> AuthenticatedAuthorizationManager.authenticated();
      case ADMINISTRATOR -> AuthorityAuthorizationManager.hasRole("ADMINISTRATOR");
      case ACCOUNT_MANAGER ->
          AuthorityAuthorizationManager.hasAnyRole(
              "ADMINISTRATOR", "COORDINATOR", "SECURITY_OFFICER");
      case TOKEN_WRITE, OPERATOR -> (a, c) -> new AuthorizationDecision(false);
    };
  }

  private static void denied(Audit audit, HttpServletRequest request, int status) {
    audit.record(
        "request.denied",
        null,
        null,
        Outcome.DENIED,
        java.util.Map.of(
            "method", request.getMethod(),
            "path", request.getRequestURI(),
            "status", status));
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail)
      throws java.io.IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\"}");
  }
}

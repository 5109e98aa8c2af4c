package org.entente.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The one security chain. Every route is named here; whatever is not named is denied. Reading
 * public records needs no login; writing needs the operator token.
 */
@Configuration
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self';"
          + " object-src 'none'; frame-ancestors 'none'";

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      @Value("${entente.operator-token:}") String operatorToken,
      Audit audit,
      AccountLogin accountLogin)
      throws Exception {
    http.addFilterBefore(new OperatorToken(operatorToken), AnonymousAuthenticationFilter.class)
        .sessionManagement(
            s ->
                s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                    .sessionFixation(f -> f.changeSessionId()))
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
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
                    .invalidateHttpSession(true)
                    .clearAuthentication(true)
                    .deleteCookies("SESSION")
                    .logoutSuccessUrl("/login?logout"))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (request, response, ex) -> {
                          denied(audit, request, 401);
                          problem(response, 401, "Unauthorized", "Authentication is required.");
                        })
                    .accessDeniedHandler(
                        (request, response, ex) -> {
                          denied(audit, request, 403);
                          problem(response, 403, "Forbidden", "This action is not allowed.");
                        }))
        .headers(
            h ->
                h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(f -> f.deny()))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(HttpMethod.GET, AccessRules.OPERATOR_READS)
                    .hasRole(OperatorToken.ROLE)
                    .requestMatchers(HttpMethod.GET, AccessRules.PUBLIC_READS)
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, AccessRules.PUBLIC_READS)
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, AccessRules.PUBLIC_FORMS)
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, AccessRules.OPERATOR_WRITES)
                    .hasRole(OperatorToken.ROLE)
                    .requestMatchers("/error")
                    .permitAll()
                    .anyRequest()
                    .denyAll());
    return http.build();
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

package org.entente.identity;

/**
 * The routes of the application by who may use them. The security chain is built from these lists,
 * and a test checks every handler mapping against them, so a new endpoint cannot be forgotten.
 */
final class AccessRules {

  private AccessRules() {}

  /** Readable by anyone: public records only, until accounts and visibility arrive. */
  static final String[] PUBLIC_READS = {
    "/",
    "/charters",
    "/charters/**",
    "/api/charters",
    "/api/charters/**",
    "/css/**",
    "/js/**",
    "/webjars/**",
    "/favicon.ico",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/actuator/health",
    "/actuator/health/**",
    "/login",
    "/setup",
  };

  /** Forms anyone may send (with a CSRF token): the first administrator's setup. */
  static final String[] PUBLIC_FORMS = {"/setup"};

  /** Reads allowed with the operator token only. */
  static final String[] OPERATOR_READS = {"/api/audit/**"};

  /** Writes (and checks sent by POST) allowed with the operator token. */
  static final String[] OPERATOR_WRITES = {"/api/charters/*/events", "/api/audit/checkpoint/check"};
}

package org.entente.testing;

import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The shared fixtures every {@link EntenteTest} context holds as beans. */
@TestConfiguration(proxyBeanMethods = false)
public class Fixtures {

  /** Counts the statements each thread runs ({@link StatementCount}). */
  @Bean
  static StatementCount statementCount() {
    return new StatementCount();
  }

  @Bean
  People people(Accounts accounts, AccessTokens tokens) {
    return new People(accounts, tokens);
  }
}

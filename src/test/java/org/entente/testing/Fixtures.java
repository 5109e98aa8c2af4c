package org.entente.testing;

import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The shared fixtures every {@link EntenteTest} context holds as beans. */
@TestConfiguration(proxyBeanMethods = false)
public class Fixtures {

  @Bean
  People people(Accounts accounts, AccessTokens tokens) {
    return new People(accounts, tokens);
  }
}

package org.entente.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a start with no account, prints the one-time link that creates the first administrator. Each
 * start without an account makes a new link and the earlier one stops working. Off with {@code
 * entente.setup-link=false}: the demo profile makes its own accounts.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
    name = "entente.setup-link",
    havingValue = "true",
    matchIfMissing = true)
class SetupLink implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SetupLink.class);

  private final Accounts accounts;
  private final String baseUrl;

  SetupLink(
      Accounts accounts,
      @Value("${entente.base-url:http://localhost:${server.port:8080}}") String baseUrl) {
    this.accounts = accounts;
    this.baseUrl = baseUrl;
  }

  @Override
  public void run(ApplicationArguments args) {
    accounts
        .issueSetupToken()
        .ifPresent(
            token -> {
              String link = baseUrl + "/setup?token=" + token;
              log.warn(
                  "No account exists yet. Open this one-time link to create the first administrator: {}",
                  link);
              System.out.println();
              System.out.println("  First start: create the first administrator at " + link);
              System.out.println();
            });
  }
}

package org.entente;

import java.time.Clock;
import org.entente.definition.DefinitionCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Entente: turns a partnership charter into tracked work. Started with no arguments it serves the
 * application; {@code validate FILE...} checks charter definitions and exits.
 */
@SpringBootApplication
public class EntenteApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("validate")) {
      String[] files = java.util.Arrays.copyOfRange(args, 1, args.length);
      System.exit(DefinitionCommand.validate(files, System.out, System.err));
    }
    SpringApplication.run(EntenteApplication.class, args);
  }

  /** The one source of "now": tests replace it with a fixed clock. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}

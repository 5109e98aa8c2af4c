package org.entente;

import java.time.Clock;
import org.entente.definition.DefinitionCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Entente: turns a partnership charter into tracked work. Started with no arguments it serves the
 * application; {@code validate FILE...} checks charter definitions and exits; {@code transparency
 * ...} checks checkpoints and proofs from files ({@link org.entente.audit.TransparencyCommand}).
 */
@SpringBootApplication
public class EntenteApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("validate")) {
      String[] files = java.util.Arrays.copyOfRange(args, 1, args.length);
      System.exit(DefinitionCommand.validate(files, System.out, System.err));
    }
    if (args.length > 0 && args[0].equals("transparency")) {
      System.exit(
          org.entente.audit.TransparencyCommand.run(
              java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
    if (args.length > 0 && args[0].equals("audit-verify")) {
      System.exit(auditVerify(java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
    SpringApplication.run(EntenteApplication.class, args);
  }

  /**
   * {@code java -jar entente.jar audit-verify}: recomputes the audit chain of the configured
   * database without serving anything. Exit code 0 when intact, 1 when broken.
   */
  static int auditVerify(String[] args) {
    try (var context =
        new org.springframework.boot.builder.SpringApplicationBuilder(EntenteApplication.class)
            .web(org.springframework.boot.WebApplicationType.NONE)
            .properties(
                "entente.definitions.load-on-start=false",
                "spring.main.log-startup-info=false",
                "entente.audit.watch=false")
            .run(args)) {
      var result = context.getBean(org.entente.audit.AuditVerifier.class).verify();
      if (result.intact()) {
        System.out.println(
            "audit chain intact: "
                + result.checked()
                + " events, head "
                + result.headSeq()
                + " "
                + result.headHash());
        return 0;
      }
      System.out.println(
          "audit chain BROKEN at event "
              + result.firstBroken()
              + ": "
              + result.problem()
              + " ("
              + result.checked()
              + " events read, head "
              + result.headSeq()
              + ")");
      return 1;
    }
  }

  /** The one source of “now”: tests replace it with a fixed clock. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}

package bench.emptyapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Start-up baseline: the same starters as Entente and no code of its own. The one bean opens
 * /actuator/health to anonymous GETs, as Entente's security chain does, so the benchmark can poll
 * it; everything else keeps Spring Boot's default (authenticated) behaviour.
 */
@SpringBootApplication
public class EmptyApplication {

  public static void main(String[] args) {
    SpringApplication.run(EmptyApplication.class, args);
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            a -> a.requestMatchers("/actuator/health").permitAll().anyRequest().authenticated())
        .httpBasic(b -> {})
        .formLogin(f -> {})
        .build();
  }
}

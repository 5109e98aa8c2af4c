package org.entente.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real Tomcat at a random port, behind a TLS proxy as docs/deployment.md
 * sets it up ({@code server.forward-headers-strategy=native}), on an H2 database of its own: for
 * what MockMvc cannot show (the servlet container's own parsing of a request, the proxy's headers).
 * Every class so annotated shares one context, so the server starts once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      EntenteTest.PROPERTIES,
      "server.forward-headers-strategy=native",
      "spring.datasource.url=jdbc:h2:mem:real-server;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
    })
@ActiveProfiles("test")
public @interface RealServerTest {}

package org.entente.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the identity module that every kind of context needs, web or not. */
@Configuration
class IdentityConfiguration {

  /**
   * The session cookie: HttpOnly, SameSite=Lax, and Secure unless turned off for plain-HTTP
   * development on a host other than localhost (browsers accept Secure cookies from localhost).
   */
  @Bean
  org.springframework.session.web.http.DefaultCookieSerializer cookieSerializer(
      @Value("${entente.security.secure-cookie:true}") boolean secure) {
    var serializer = new org.springframework.session.web.http.DefaultCookieSerializer();
    serializer.setCookieName("SESSION");
    serializer.setCookiePath("/");
    serializer.setUseHttpOnlyCookie(true);
    serializer.setSameSite("Lax");
    serializer.setUseSecureCookie(secure);
    return serializer;
  }

  @Bean
  Passwords passwords(@Value("${entente.security.bcrypt-strength:12}") int strength) {
    return new Passwords(strength);
  }
}

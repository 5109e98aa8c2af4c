package org.entente.portal;

import org.entente.audit.RecordChanges;
import org.entente.identity.Viewers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** The public pages' web set-up: their validators and the kept pages for anonymous visitors. */
@Configuration
@ConditionalOnWebApplication
class PortalConfiguration {

  /**
   * Runs inside Spring Security's filters (order -100), so that who is asking is known, and only
   * for the portal's addresses.
   */
  @Bean
  FilterRegistrationBean<PortalPageCache> portalPageCache(
      Portal portal,
      Viewers viewers,
      LocaleResolver localeResolver,
      java.time.Clock clock,
      RecordChanges changes) {
    FilterRegistrationBean<PortalPageCache> registration =
        new FilterRegistrationBean<>(
            new PortalPageCache(
                portal, viewers, localeResolver, clock, changes, PortalPageCache.MAX_BYTES));
    registration.addUrlPatterns("/public", "/public/*");
    registration.setOrder(0);
    return registration;
  }
}

package org.entente.shared;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.JacksonModule;

/**
 * Text is normalised at the edge (see {@link InputText} and
 * docs/decisions/0022-text-at-the-edge.md): JSON bodies through a Jackson module, request
 * parameters through a filter that runs before security, path variables through the binder.
 */
@Configuration(proxyBeanMethods = false)
class TextAtTheEdge {

  @Bean
  JacksonModule textAtTheEdgeModule() {
    return TextJson.module();
  }

  /** Before security (which reads the login form) and right after the language choice. */
  @Bean
  FilterRegistrationBean<TextParameters> textParameters() {
    FilterRegistrationBean<TextParameters> registration =
        new FilterRegistrationBean<>(new TextParameters());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 60);
    return registration;
  }
}

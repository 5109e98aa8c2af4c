package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every handler mapping of the application is covered by a rule of the access matrix, so that a new
 * endpoint cannot be added without deciding who may use it (everything not listed is denied).
 */
@EntenteTest
class RouteCoverageTest {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyApplicationEndpointHasAnAccessRule() {
    AntPathMatcher matcher = new AntPathMatcher();
    List<String> uncovered = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (RequestMappingInfo info, org.springframework.web.method.HandlerMethod method) -> {
              if (!method.getBeanType().getPackageName().startsWith("org.entente")) {
                return;
              }
              for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "x");
                List<AccessRules.Rule> rules =
                    path.startsWith("/api/") ? AccessRules.API : AccessRules.PAGES;
                if (info.getMethodsCondition().getMethods().isEmpty()) {
                  uncovered.add("any method " + pattern + " (" + method + ")");
                }
                for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                  checked.add(m + " " + pattern);
                  boolean covered =
                      rules.stream()
                          .anyMatch(
                              r ->
                                  r.method().name().equals(m.name())
                                      && matcher.match(r.pattern(), path));
                  if (!covered) {
                    uncovered.add(m + " " + pattern + " (" + method + ")");
                  }
                }
              }
            });
    assertThat(checked)
        .contains(
            "GET /api/audit/verification",
            "POST /api/charters/{charter}/events",
            "PATCH /api/accounts/{username}",
            "POST /admin/accounts/{username}");
    assertThat(uncovered).as("endpoints without an access rule").isEmpty();
  }

  @Test
  void everyRuleNamesARouteThatExistsOrAStaticResource() {
    AntPathMatcher matcher = new AntPathMatcher();
    List<String> paths = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(i -> i.getPatternValues().forEach(p -> paths.add(p.replaceAll("\\{[^}]+}", "x"))));
    List<String> staticOrFramework =
        List.of(
            "/css/**",
            "/js/**",
            "/webjars/**",
            "/favicon.ico",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/swagger-ui.html",
            "/swagger-ui/**",
            "/actuator/health",
            "/actuator/health/**",
            "/error");
    List<String> dead = new ArrayList<>();
    for (AccessRules.Rule rule : concat(AccessRules.API, AccessRules.PAGES)) {
      if (staticOrFramework.contains(rule.pattern())) {
        continue;
      }
      boolean used = paths.stream().anyMatch(p -> matcher.match(rule.pattern(), p));
      if (!used) {
        dead.add(rule.method() + " " + rule.pattern());
      }
    }
    assertThat(dead).as("rules that protect nothing").isEmpty();
  }

  private static List<AccessRules.Rule> concat(List<AccessRules.Rule> a, List<AccessRules.Rule> b) {
    List<AccessRules.Rule> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}

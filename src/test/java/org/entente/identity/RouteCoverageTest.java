package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entente.testing.FixedClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every handler mapping of the application is covered by an access rule, so that a new endpoint
 * cannot be added without deciding who may use it (everything not listed is denied).
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(FixedClockConfiguration.class)
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
                for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                  String[] rules =
                      switch (m) {
                        case GET, HEAD ->
                            concat(AccessRules.PUBLIC_READS, AccessRules.OPERATOR_READS);
                        case POST -> concat(AccessRules.OPERATOR_WRITES, AccessRules.PUBLIC_FORMS);
                        default -> new String[0];
                      };
                  boolean covered = Arrays.stream(rules).anyMatch(r -> matcher.match(r, path));
                  checked.add(m + " " + pattern);
                  if (!covered) {
                    uncovered.add(m + " " + pattern + " (" + method + ")");
                  }
                }
                if (info.getMethodsCondition().getMethods().isEmpty()) {
                  uncovered.add("any method " + pattern + " (" + method + ")");
                }
              }
            });
    assertThat(checked).hasSizeGreaterThan(10);
    assertThat(checked)
        .contains("GET /api/audit/verification", "POST /api/charters/{charter}/events");
    assertThat(uncovered).as("endpoints without an access rule").isEmpty();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}

package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.entente.testing.EntenteTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Headers on every response, whichever chain answers and whatever the status (issue 16, finding 8;
 * ASVS V14.4): a Permissions-Policy that denies the powerful features and keeps passkeys for the
 * application's own origin, and HSTS on requests that came over HTTPS.
 */
@EntenteTest
class SecurityHeadersTest {

  @Autowired MockMvc mvc;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/login",
        "/public",
        "/public/charters/az-us-2026",
        "/css/entente.css",
        "/api/charters",
        "/api/nothing-here",
        "/admin/accounts",
        "/no-such-page"
      })
  void everyResponseDeniesPowerfulFeaturesAndKeepsPasskeysForItsOwnOrigin(String url)
      throws Exception {
    MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
    String policy = response.getHeader("Permissions-Policy");
    assertThat(policy).as(url + " (" + response.getStatus() + ")").isNotNull();
    for (String denied :
        new String[] {"camera", "microphone", "geolocation", "payment", "usb", "serial", "hid"}) {
      assertThat(policy).contains(denied + "=()");
    }
    assertThat(policy)
        .contains("publickey-credentials-get=(self)")
        .contains("publickey-credentials-create=(self)");
    assertThat(response.getHeader("Strict-Transport-Security"))
        .as("no HSTS over plain HTTP: the browser would ignore it")
        .isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/public", "/api/charters", "/api/nothing-here"})
  void aRequestOverHttpsGetsHstsForAYearWithItsSubdomains(String url) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(url).secure(true)).andReturn().getResponse();
    assertThat(response.getHeader("Strict-Transport-Security"))
        .isEqualTo("max-age=31536000 ; includeSubDomains");
  }
}

package org.entente.languages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The languages module started alone (it depends on no other module): no other module's beans, only
 * the language choice every request goes through, before security and any controller.
 */
@ApplicationModuleTest(verifyAutomatically = false) // ModularityTests verifies the structure
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LanguagesModuleTest {

  @Autowired MockMvc mvc;
  @Autowired LocaleResolver localeResolver;
  @Autowired ApplicationContext context;

  @Test
  void theModuleStartsWithNoBeanOfAnotherModule() {
    assertThat(
            Arrays.stream(context.getBeanDefinitionNames())
                .map(context::getType)
                .filter(type -> type != null && type.getPackageName().startsWith("org.entente.")))
        .isNotEmpty()
        .allSatisfy(type -> assertThat(type.getPackageName()).startsWith("org.entente.languages"));
  }

  @Test
  void aLanguageAskedForOnAPageIsRememberedInItsCookie() throws Exception {
    mvc.perform(get("/charters").queryParam(Languages.PARAMETER, "AZ "))
        .andExpect(cookie().value(Languages.COOKIE, "az"));
  }

  @Test
  void anUnknownLanguageIsRefusedOnTheApiNamingTheParameter() throws Exception {
    mvc.perform(get("/api/charters").queryParam(Languages.PARAMETER, "fr"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("lang"))
        .andExpect(cookie().doesNotExist(Languages.COOKIE));
  }

  @Test
  void theBrowsersFirstLanguageTheInterfaceOffersIsUsedOtherwiseEnglish() {
    MockHttpServletRequest browser = new MockHttpServletRequest();
    browser.addHeader("Accept-Language", "ru, az;q=0.8, en;q=0.5");
    browser.addPreferredLocale(Locale.ENGLISH);
    browser.addPreferredLocale(Locale.forLanguageTag("az"));
    browser.addPreferredLocale(Locale.forLanguageTag("ru"));
    assertThat(localeResolver.resolveLocale(browser)).isEqualTo(Languages.AZERBAIJANI.locale());
    assertThat(localeResolver.resolveLocale(new MockHttpServletRequest()))
        .isEqualTo(Locale.ENGLISH);
  }
}

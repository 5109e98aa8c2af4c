package org.entente.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Issue 19: a text shown in another language than the page's is marked with the language it is
 * really in, for every language, not only English and Azerbaijani, in the language of the interface
 * shown.
 */
class TextsTest {

  final Texts texts = new Texts(messages());

  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  private String markerOn(String page, LocalizedText text) {
    LocaleContextHolder.setLocale(Locale.forLanguageTag(page));
    assertThat(texts.isFallback(text)).isTrue();
    return texts.fallback(text);
  }

  @Test
  void aTextInUkrainianOnlyIsMarkedAsUkrainianInTheInterfaceLanguageShown() {
    LocalizedText ukrainian = LocalizedText.ofMap(Map.of("uk", "Група з мостів"));
    assertThat(markerOn("en", ukrainian)).isEqualTo("(in Ukrainian)");
    assertThat(markerOn("az", ukrainian)).isEqualTo("(ukrayna dilində)");
  }

  @Test
  void englishAndAzerbaijaniKeepTheirOwnMarkersAlsoOnAPageWithoutABundle() {
    LocalizedText english = LocalizedText.ofMap(Map.of("en", "Bridges Group"));
    assertThat(markerOn("az", english)).isEqualTo("(ingiliscə)");
    // Ukrainian has no bundle: the interface, and so the marker, is English
    assertThat(markerOn("uk", english)).isEqualTo("(in English)");
    assertThat(markerOn("uk", LocalizedText.ofMap(Map.of("az", "Körpülər"))))
        .isEqualTo("(in Azerbaijani)");
    assertThat(texts.fallbackKey(LocalizedText.ofMap(Map.of("az", "Körpülər"))))
        .isEqualTo("text.in.az");
  }

  @Test
  void aTextInThePagesLanguageIsNoFallback() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("uk"));
    LocalizedText both = LocalizedText.ofMap(Map.of("en", "Bridges", "uk", "Мости"));
    assertThat(texts.isFallback(both)).isFalse();
    assertThat(texts.of(both)).isEqualTo("Мости");
    assertThat(texts.lang(both)).isEqualTo("uk");
  }
}

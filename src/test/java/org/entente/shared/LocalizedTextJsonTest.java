package org.entente.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A localized text in JSON: one object of texts by language, in the order given, both ways. */
class LocalizedTextJsonTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  record Titled(LocalizedText title, List<LocalizedText> others) {}

  @Test
  void isWrittenAsOneObjectOfTextsByLanguageInTheOrderGiven() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("en", "Energy \"security\"");
    texts.put("az", "Enerji təhlükəsizliyi");
    Titled titled =
        new Titled(
            LocalizedText.ofMap(texts),
            List.of(LocalizedText.empty(), LocalizedText.of("en", "x")));

    String json = JSON.writeValueAsString(titled);

    assertThat(json)
        .isEqualTo(
            "{\"title\":{\"en\":\"Energy \\\"security\\\"\",\"az\":\"Enerji təhlükəsizliyi\"},"
                + "\"others\":[{},{\"en\":\"x\"}]}");
    assertThat(JSON.readValue(json, Titled.class)).isEqualTo(titled);
  }

  @Test
  void theStoredFormReadsBackToTheSameText() {
    LocalizedText text = LocalizedText.of("az", "Orta Dəhliz");
    assertThat(LocalizedText.fromJson(text.toJson())).isEqualTo(text);
  }
}

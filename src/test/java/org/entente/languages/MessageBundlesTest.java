package org.entente.languages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Every message bundle named in {@code spring.messages.basename} has an Azerbaijani companion with
 * exactly the same keys, no empty text, and every message with arguments is a valid MessageFormat
 * (an apostrophe in it is written twice).
 */
class MessageBundlesTest {

  static List<String> basenames() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    String names = yaml.getObject().getProperty("spring.messages.basename");
    assertThat(names).as("spring.messages.basename").isNotBlank();
    return Arrays.stream(names.split(",")).map(String::strip).toList();
  }

  /** A bundle as Spring reads it (UTF-8), or null when it does not exist. */
  static Properties load(String name) throws IOException {
    ClassPathResource resource = new ClassPathResource(name + ".properties");
    if (!resource.exists()) {
      return null;
    }
    Properties properties = new Properties();
    try (InputStream in = resource.getInputStream()) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void theSharedBundleExistsAndIsListed() throws IOException {
    assertThat(basenames()).contains("messages");
    assertThat(load("messages")).isNotNull();
  }

  @Test
  void everyBundleHasAnAzerbaijaniCompanionWithTheSameKeys() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String basename : basenames()) {
      Properties english = load(basename);
      if (english == null) {
        continue;
      }
      Properties azerbaijani = load(basename + "_az");
      if (azerbaijani == null) {
        problems.add(basename + ": no " + basename + "_az.properties");
        continue;
      }
      TreeSet<String> missing = new TreeSet<>(english.stringPropertyNames());
      missing.removeAll(azerbaijani.stringPropertyNames());
      TreeSet<String> extra = new TreeSet<>(azerbaijani.stringPropertyNames());
      extra.removeAll(english.stringPropertyNames());
      missing.forEach(k -> problems.add(basename + "_az: lacks " + k));
      extra.forEach(k -> problems.add(basename + "_az: has " + k + ", which English lacks"));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void noMessageIsEmptyAndEveryMessageWithArgumentsParses() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String basename : basenames()) {
      for (String name : List.of(basename, basename + "_az")) {
        Properties bundle = load(name);
        if (bundle == null) {
          continue;
        }
        for (Map.Entry<Object, Object> e : bundle.entrySet()) {
          String problem = problem(e.getValue().toString());
          if (problem != null) {
            problems.add(name + ": " + e.getKey() + ": " + problem);
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theAzerbaijaniTextsAreInLatinScript() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String basename : basenames()) {
      Properties bundle = load(basename + "_az");
      if (bundle == null) {
        continue;
      }
      bundle.forEach(
          (key, value) -> {
            if (value.toString().codePoints().anyMatch(MessageBundlesTest::isCyrillic)) {
              problems.add(basename + "_az: " + key + " has Cyrillic letters");
            }
          });
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckFindsABrokenMessage() {
    assertThat(problem("")).isNotNull();
    assertThat(problem("   ")).isNotNull();
    assertThat(problem("Times are shown in your party's time zone, {0}.")).isNotNull();
    assertThat(problem("Broken {0")).isNotNull();
    assertThat(problem("Times are shown in your party''s time zone, {0}.")).isNull();
    assertThat(problem("The charter's text")).isNull();
  }

  /** What is wrong with a message, or null. */
  static String problem(String message) {
    if (message.isBlank()) {
      return "empty";
    }
    if (!message.contains("{")) {
      return null;
    }
    try {
      MessageFormat format = new MessageFormat(message);
      if (format.getFormatsByArgumentIndex().length == 0) {
        return "has a brace but no argument";
      }
    } catch (IllegalArgumentException e) {
      return "not a MessageFormat: " + e.getMessage();
    }
    if (message.replace("''", "").contains("'")) {
      return "a single apostrophe in a message with arguments (write it twice)";
    }
    return null;
  }

  private static boolean isCyrillic(int c) {
    return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
  }
}

package org.entente.languages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A count is shown with the noun that agrees with it: no English message says "1 projects" or "1
 * days" (a choice format gives the singular). Azerbaijani keeps the noun singular after a numeral,
 * so only the English bundles can get it wrong.
 */
class PluralsTest {

  /** A one followed by a word in the plural. */
  static final Pattern ONE_PLURAL = Pattern.compile("(?<![\\d.,])\\b1 ([a-z]{2,}s)\\b");

  /** Words after a one that end in s and are no plural noun. */
  static final Set<String> NOT_PLURAL = Set.of("is", "was", "has", "this", "plus", "as", "its");

  /** Messages whose count is never one: the report's longest period is a constant of years. */
  static final Set<String> NEVER_ONE = Set.of("report.period.error.too-long");

  /** Each English message that says "1 <plural>" when all its arguments are one. */
  static List<String> onePlurals(String bundle, Properties messages) {
    List<String> wrong = new ArrayList<>();
    Object[] ones = new Object[10];
    Arrays.fill(ones, 1);
    for (String key : messages.stringPropertyNames()) {
      String text = messages.getProperty(key);
      if (!text.contains("{") || NEVER_ONE.contains(key)) {
        continue;
      }
      String formatted;
      try {
        formatted = new MessageFormat(text, Locale.ENGLISH).format(ones);
      } catch (IllegalArgumentException e) {
        continue; // an argument that is a date or a text, not a count
      }
      Matcher m = ONE_PLURAL.matcher(formatted);
      while (m.find()) {
        if (!NOT_PLURAL.contains(m.group(1))) {
          wrong.add(bundle + ": " + key + " = " + formatted);
        }
      }
    }
    return wrong;
  }

  @Test
  void noEnglishMessageSaysOneFollowedByAPlural() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (String name : MessageBundlesTest.basenames()) {
      Properties messages = MessageBundlesTest.load(name.replace("classpath:", ""));
      if (messages != null) {
        wrong.addAll(onePlurals(name, messages));
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aCountOfSeveralKeepsThePluralAndOfOneTheSingular() throws IOException {
    Properties messages = MessageBundlesTest.load("messages");
    String caption = messages.getProperty("workspace.projects.caption");
    assertThat(new MessageFormat(caption, Locale.ENGLISH).format(new Object[] {1}))
        .isEqualTo("1 project");
    assertThat(new MessageFormat(caption, Locale.ENGLISH).format(new Object[] {3}))
        .isEqualTo("3 projects");
    assertThat(onePlurals("sample", sample("x={0} projects"))).hasSize(1);
  }

  private static Properties sample(String line) throws IOException {
    Properties p = new Properties();
    p.load(new java.io.StringReader(line));
    return p;
  }
}

package org.entente.translations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.shared.LocalizedText;

/**
 * Whether a record's text in a language is official (decision 0040): it is when the last version of
 * the record both parties agreed through the agreement workflow holds exactly that text in that
 * language; otherwise it is a working text (a working translation, or a source not agreed yet).
 * Compared per language, so editing one language's text makes that language working again and
 * leaves the others as they were.
 */
public final class Official {

  /** The text in this language is the one both parties agreed. */
  public static final String OFFICIAL = "official";

  /** The text in this language is not (or no longer) the one both parties agreed. */
  public static final String WORKING = "working";

  private Official() {}

  /**
   * For each language a text has, in its order, whether it is official.
   *
   * @param text the text as it is now
   * @param agreed the text by language in the last version both parties agreed (empty when none was
   *     agreed, or the record was not in it)
   */
  public static Map<String, String> of(LocalizedText text, Map<String, String> agreed) {
    Map<String, String> official = new LinkedHashMap<>();
    text.values()
        .forEach(
            (language, value) -> {
              if (value != null && !value.isBlank()) {
                official.put(language, value.equals(agreed.get(language)) ? OFFICIAL : WORKING);
              }
            });
    return official;
  }
}

package org.entente.translations;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a text stands in one language. */
public enum TranslationStatus {
  /** The language the text was written in: the others are translated from it. */
  SOURCE("source"),
  /** Translated from the source text as it is now. */
  CURRENT("current"),
  /** Translated from a source text that has changed since. */
  OUT_OF_DATE("out-of-date"),
  /** Not translated yet. */
  MISSING("missing");

  private final String code;

  TranslationStatus(String code) {
    this.code = code;
  }

  /** The status as the API and the pages' messages name it. */
  @JsonValue
  public String code() {
    return code;
  }

  /** Whether a translation into this language is awaited: missing or out of date. */
  public boolean awaited() {
    return this == MISSING || this == OUT_OF_DATE;
  }
}

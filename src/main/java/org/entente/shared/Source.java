package org.entente.shared;

/**
 * Where a text comes from, so every commitment can be traced to the sentence that states it.
 *
 * @param document the document, e.g. “Announcement of the signing, Baku, 2026-02-10”
 * @param quote the exact sentence, when one is given
 * @param url where the document can be read, when known
 */
public record Source(String document, String quote, String url) {

  public static final Source NONE = new Source(null, null, null);

  public boolean isEmpty() {
    return document == null && quote == null && url == null;
  }
}

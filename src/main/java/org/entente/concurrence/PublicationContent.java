package org.entente.concurrence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.concurrence.Withdrawals.Withdrawn;

/**
 * The content of a version of an agreement on publication ({@link Concurrence#publicationOf}): a
 * proposal to publish a version of the subject, or the withdrawal of what was published.
 */
final class PublicationContent {

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  /** How a withdrawal's content begins, and no proposal's does. */
  static final String WITHDRAWAL = "{\"withdrawn\":";

  private PublicationContent() {}

  /** The canonical content of a publication proposal: which version of what, by fingerprint. */
  static String proposal(String type, String key, int version, String fingerprint) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("publish", type);
    content.put("key", key);
    content.put("version", version);
    content.put("fingerprint", fingerprint);
    return JSON.writeValueAsString(content);
  }

  /** The version a proposal names; null for a withdrawal. */
  static Integer proposed(String content) {
    var version = JSON.readTree(content).get("version");
    return version == null ? null : version.asInt();
  }

  /** The content of a withdrawal: the published version, the party that withdrew it, when. */
  static String withdrawal(int version, String party, Instant at) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("withdrawn", version);
    content.put("party", party);
    content.put("at", at.toString());
    return JSON.writeValueAsString(content);
  }

  static Withdrawn withdrawn(String content) {
    var node = JSON.readTree(content);
    return new Withdrawn(
        node.get("withdrawn").asInt(),
        node.get("party").asString(),
        Instant.parse(node.get("at").asString()));
  }
}

package org.entente.exchange;

import java.util.Map;
import java.util.UUID;

/**
 * What an instance makes for itself from a charter's definition, with ids of its own, by key: a
 * record refers to a working group, platform or commitment by id in its tables and by key when it
 * leaves.
 *
 * @param groups the working groups' and dialogue platforms' keys by id
 * @param commitments the commitments' keys by id (for an export, only those the reader may see)
 */
public record CharterKeys(UUID charterId, Map<UUID, String> groups, Map<UUID, String> commitments) {

  public CharterKeys {
    groups = Map.copyOf(groups);
    commitments = Map.copyOf(commitments);
  }
}

package org.entente.directory;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An organization of a charter's directory, as its readers see it.
 *
 * @param id its id
 * @param charterKey the charter whose directory holds it
 * @param name its name
 * @param secondName its name in the charter's second language, or null
 * @param party its party's key, or null for an organization of neither party
 * @param type its IATI organisation type code
 * @param identifier its IATI organisation identifier, or null when not known
 * @param version its version, to send back with a change
 * @param createdAt when it was added
 * @param updatedAt when it last changed
 */
public record OrganizationView(
    UUID id,
    String charterKey,
    String name,
    String secondName,
    String party,
    String type,
    String identifier,
    long version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}

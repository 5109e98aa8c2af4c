package org.entente.directory;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An organization as a client sends it, to add to the directory or change in it.
 *
 * @param name its name, unique in the charter's directory whatever its case (at most 300)
 * @param secondName its name in the charter's second language, or none
 * @param party the key of its party (e.g. AZ), or none for an organization of neither
 * @param type its IATI organisation type code, e.g. 10 (government), 70 (private sector)
 * @param identifier its IATI organisation identifier where known, e.g. {@code XM-DAC-41114}
 * @param version the version the change was made to (a change only); a stale one is refused
 */
public record OrganizationInput(
    String name,
    String secondName,
    String party,
    @Schema(
            allowableValues = {
              "10", "11", "15", "21", "22", "23", "24", "30", "40", "60", "70", "71", "72", "73",
              "80", "90"
            })
        String type,
    String identifier,
    Long version) {}

/**
 * The seam for what leaves a module: each module that owns records says, in its own {@link
 * org.entente.exchange.RecordExchange}, which of its tables and columns go out, which of their rows
 * a given reader may receive (the one visibility condition, as that reader), and writes the rows it
 * receives into its own tables. The charter export and import go through it, so no other module's
 * SQL names those tables; the exchange between two parties' own installations is meant to use the
 * same seam.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Record exchange",
    allowedDependencies = {"identity", "shared"})
package org.entente.exchange;

/**
 * The seam for what leaves a module, and to whom: each module that owns records says, in its own
 * {@link org.entente.exchange.RecordExchange}, for a {@link org.entente.exchange.Reader} (the
 * public, the other party, an administrator's export), which of its records and which fields that
 * reader receives, and writes the rows it receives into its own tables. The public receives records
 * by type ({@link org.entente.exchange.RecordType}: only what both parties agreed to publish, only
 * the fields the module names), gathered by {@link org.entente.exchange.Publication}; an export
 * receives the module's tables under the one visibility condition. The public dump and its CSV
 * files, the charter export and the import go through it, so no other module's SQL names those
 * tables and no other module decides which fields leave; the exchange between two parties' own
 * installations is meant to use the same seam. See docs/decisions/0029-what-leaves-a-module.md.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Record exchange",
    allowedDependencies = {"identity", "shared"})
package org.entente.exchange;

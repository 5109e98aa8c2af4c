/**
 * The charter and the structure it declares: its parties, articles and clauses, areas of
 * cooperation, commitments (each traceable to its clause and the sentence that states it), the
 * working groups that carry them, dialogue platforms and its dated history.
 *
 * <p>Content arrives whole from a definition ({@link CharterContent}) and is synchronized by stable
 * keys: loading the same definition twice changes nothing, a changed text updates its record, and a
 * record that left the definition is retired rather than deleted. {@link Charters} is the module's
 * one entry point.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Charter",
    allowedDependencies = {"audit", "exchange", "identity", "languages", "shared"})
package org.entente.charter;

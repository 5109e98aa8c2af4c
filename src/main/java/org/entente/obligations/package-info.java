/**
 * Obligations a charter implies — “within three months of signing, each working group: a project
 * list“, ”at least every twelve months: a meeting“ — and the events that meet them. Due dates and
 * status are computed, never stored: as of the injected {@link java.time.Clock}, from the rules and
 * the events recorded so far. {@link Obligations} is the module's one entry point.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Obligations")
package org.entente.obligations;

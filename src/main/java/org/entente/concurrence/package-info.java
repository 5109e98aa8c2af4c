/**
 * The two-party agreement workflow a shared record goes through: a draft, approved by one party,
 * agreed when both parties approved the same version, disputed with a reason, reopened. The rules
 * live in {@link org.entente.concurrence.Agreement}; project lists, roadmaps, joint statements and
 * publication reuse it. An agreed version is fingerprinted (a SHA-256 of its canonical content) so
 * that each party can prove it approved the same text.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Concurrence")
package org.entente.concurrence;

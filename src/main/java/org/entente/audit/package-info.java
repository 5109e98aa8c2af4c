/**
 * The audit trail: every change and every security event, appended in the same transaction as the
 * change to a hash chain that either party can verify. {@link Audit} appends and reads; {@link
 * AuditVerifier} recomputes the chain and names the first broken sequence number; signed
 * checkpoints (Ed25519) let a party prove later that history was not rewritten.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Audit trail",
    allowedDependencies = {"shared"})
package org.entente.audit;

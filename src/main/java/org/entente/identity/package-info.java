/**
 * Who may do what. For now: the security chain every request passes through (public reading, writes
 * through the API only with the operator token, everything else denied) and the response headers.
 * Accounts, parties, memberships and the visibility policy come next and live here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
package org.entente.identity;

/**
 * Who may do what, and who may see what. Accounts (a party, an organization, roles, memberships in
 * working groups and dialogue platforms, a clearance), the first administrator's one-time setup
 * link, login with throttling, sessions in the database, personal access tokens, the access rules
 * every route is checked against ({@code AccessRules}, ending in deny-all), and the one visibility
 * policy ({@link org.entente.identity.Viewer}) that every module applies to its records, as an SQL
 * condition and as an in-memory check. The groups come from the charter through {@link
 * org.entente.identity.GroupDirectory}, so that this module does not depend on it.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Identity and access",
    allowedDependencies = {"audit", "shared"})
package org.entente.identity;

/**
 * Projects of the working groups: what each group will do for the commitments it carries, with its
 * lead organizations, partners and their IATI-style roles, lifecycle stage, financing and place;
 * and each group's project list, which both parties agree through concurrence. {@link
 * org.entente.projects.Projects} is the module's one entry point; the rules of a project live in
 * {@link org.entente.projects.Project}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Projects")
package org.entente.projects;

/**
 * Projects of the working groups: what each group will do for the commitments it carries, with its
 * lead organizations, partners and their IATI-style roles, lifecycle stage, financing and place;
 * and each group's project list, which both parties agree through concurrence.
 *
 * <p>Where to start reading: {@link org.entente.projects.Projects} is the module's one entry point,
 * a thin transactional service. The rules of a project live in {@link org.entente.projects.Project}
 * (its content, stages, money and place) and {@code StoredProject} (changing a stored one: version,
 * who may, fixed fields, classification). {@code ProjectStore} holds the SQL of the module's own
 * tables ({@code project}, {@code project_commitment}, {@code project_financing}) and names no
 * other module's table: the charter's records a project links to are resolved through the charter
 * module's API ({@link org.entente.charter.Charters}, {@link org.entente.charter.CharterIndex}).
 * {@code ProjectReads} builds the views; {@code ProjectAudit} names the audit events; {@link
 * org.entente.projects.ProjectCsv} exports and imports a group's projects as CSV ({@code
 * ProjectCsvReader} reads a file, {@code ProjectCsvCheck} checks its rows, {@code
 * ProjectImportStore} writes them). {@code ProjectApi} and {@code ProjectPages} are the web
 * adapters. {@code ProjectTranslations} puts a project's title and description in the translation
 * workflow (decision 0037); {@code ProjectTranslationSources} is where their translations stand.
 *
 * <p>The module's API is its root package's public types: {@code Projects}, {@code ProjectCsv},
 * {@code Project} (and its value types), {@code ProjectViews}, {@code ProjectInput}, {@code
 * ProjectChange} and the event {@code ProjectReclassified}; everything else is package-private.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Projects",
    allowedDependencies = {
      "audit",
      "charter",
      "concurrence",
      "exchange",
      "identity",
      "shared",
      "translations"
    })
package org.entente.projects;

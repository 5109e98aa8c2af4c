/**
 * The directory of organizations of a charter: ministries, agencies, companies and institutions,
 * each with its party or none, its IATI organisation type and, where known, its IATI organisation
 * identifier. Coordinators manage it; anyone signed in who may see the charter reads it (decision
 * 0033). Wherever an organization is named, the directory's names are offered in a list with search
 * ({@code fragments/organizations :: datalist}).
 *
 * <p>{@link org.entente.directory.Directory} is the module's one entry point; {@link
 * org.entente.directory.OrganizationView} and {@link org.entente.directory.OrganizationInput} are
 * what it shows and takes. Inside: the aggregate {@code Organization} holds the rules, {@code
 * OrganizationStore} the SQL of the module's one table ({@code organization}), and the web adapters
 * ({@code DirectoryApi}, {@code DirectoryPages}). The charter and its parties are read through
 * {@code Charters}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Directory",
    allowedDependencies = {"audit", "charter", "identity", "shared"})
package org.entente.directory;

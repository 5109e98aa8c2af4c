/**
 * Small value types every module uses: classification of records, text in several languages, pages
 * of results and the errors the application answers with: the domain exceptions ({@link
 * org.entente.shared.DomainException}: bad request, not found, conflict, forbidden) that aggregates
 * and services throw without knowing HTTP, and {@link org.entente.shared.Problems}, the one place
 * that maps them to a status and a problem+json body; the product's one CSV writer and reader
 * ({@link org.entente.shared.Csv}) and what makes any stored text printable by a renderer ({@link
 * org.entente.shared.Printable}).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Shared",
    allowedDependencies = {})
package org.entente.shared;

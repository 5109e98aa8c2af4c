/**
 * Open data of a charter: a JSON dump and a CSV per record type of what the public may see, IATI
 * activity XML 2.03 for its public projects with financing, and a JSON export of everything a
 * viewer may see that an empty instance can import. Every read goes through the other modules'
 * services, or for the export and import through each module's {@link
 * org.entente.exchange.RecordExchange}, as the viewer asking; {@link org.entente.opendata.OpenData}
 * is the module's one entry point.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Open data",
    allowedDependencies = {
      "audit",
      "charter",
      "exchange",
      "identity",
      "indicators",
      "meetings",
      "projects",
      "roadmaps",
      "shared"
    })
package org.entente.opendata;

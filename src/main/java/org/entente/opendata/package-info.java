/**
 * Open data of a charter: a JSON dump and a CSV per record type of what the public may see, IATI
 * activity XML 2.03 for its public projects with financing, and a JSON export of everything a
 * viewer may see that an empty instance can import. The dump, its CSV files, the export and the
 * import go through each module's {@link org.entente.exchange.RecordExchange}, which says which
 * records and fields the reader receives (the public, or the viewer asking); the IATI file reads
 * the other modules' services as an anonymous visitor. {@link org.entente.opendata.OpenData} is the
 * module's one entry point.
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

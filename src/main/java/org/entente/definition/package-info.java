/**
 * Charter definitions: the YAML format (docs/charter-format.md, checked by the JSON Schema in
 * {@code charter-definition.schema.json}), its validation with precise file and line messages, and
 * the loader that brings definitions into the charter and obligations modules at start-up.
 *
 * <p>{@link DefinitionReader} works without Spring, so the {@code validate} command can check a
 * file without starting the server.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Charter definitions",
    allowedDependencies = {"audit", "charter", "obligations", "shared"})
package org.entente.definition;

package org.entente.projects;

import java.util.UUID;
import org.entente.identity.Viewer;

/**
 * A project is about to get another classification. Published inside the change's transaction, so
 * that a module whose records link to the project refuses (by throwing) when one of them would then
 * link to a less widely visible record, and nothing changes.
 *
 * @param projectId the project
 * @param audience who may see it afterwards
 */
public record ProjectReclassified(UUID projectId, Viewer.Audience audience) {}

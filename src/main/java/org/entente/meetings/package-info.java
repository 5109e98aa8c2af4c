/**
 * Meetings of the partnership: of the framework (plenary or strategic dialogue), of a working group
 * or of a dialogue platform; their participants and attendance, agenda items linked to commitments,
 * projects and milestones, sanitized minutes, decisions, action items that show in their owner's
 * work list and can become roadmap milestones, and the joint statement both parties agree, with its
 * publication, through concurrence. A held meeting meets the charter's "at least annually"
 * obligations. {@link org.entente.meetings.Meetings} is the module's one entry point.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meetings")
package org.entente.meetings;

/**
 * Meetings of the partnership: of the framework (plenary or strategic dialogue), of a working group
 * or of a dialogue platform; their participants and attendance, agenda items linked to commitments,
 * projects and milestones, sanitized minutes, decisions, action items that show in their owner's
 * work list and can become roadmap milestones, and the joint statement both parties agree, with its
 * publication, through concurrence. A held meeting meets the charter's "at least annually"
 * obligations.
 *
 * <p>{@link org.entente.meetings.Meetings} is the module's one entry point; {@link
 * org.entente.meetings.MeetingInputs}, {@link org.entente.meetings.MeetingViews} and {@link
 * org.entente.meetings.MeetingHeld} are what it takes, shows and publishes. Inside: the {@link
 * org.entente.meetings.Meeting} aggregate and {@code ActionItem} hold the rules; {@code
 * MeetingStore}, {@code MeetingChildren}, {@code ActionItemStore} and {@code StatementStore} the
 * SQL of the module's own tables (meeting, meeting_participant, agenda_item, meeting_decision,
 * action_item, joint_statement); {@code MeetingReads} and {@code ActionItemReads} the read side;
 * {@code MeetingAudit} the audit trail. Charters, groups and platforms are named through the
 * charter module's {@code CharterIndex}, milestones through {@code Roadmaps}; no SQL here reads
 * another module's table. Pages and their forms are in {@code org.entente.meetings.web}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Meetings",
    allowedDependencies = {
      "audit",
      "charter",
      "concurrence",
      "directory",
      "exchange",
      "identity",
      "projects",
      "roadmaps",
      "shared",
      "translations"
    })
package org.entente.meetings;

package org.entente.identity;

/** What a person does in the partnership. A person can hold several roles. */
public enum Role {
  /** Manages accounts and the deployment. */
  ADMINISTRATOR,
  /** Coordinates one party's work: manages that party's people. */
  COORDINATOR,
  /**
   * Gives and removes clearance for restricted groups, to people of their own party only. Named by
   * an administrator; neither administrators nor coordinators give clearance.
   */
  SECURITY_OFFICER,
  /** Co-chairs a working group for their party, and approves for it. */
  CO_CHAIR,
  /** Takes part in a working group. */
  MEMBER,
  /** Contributes to a group's records without being a member: a company, an institution. */
  CONTRIBUTOR,
  /** Reads what they are given to read. */
  OBSERVER
}

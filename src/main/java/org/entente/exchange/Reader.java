package org.entente.exchange;

import org.entente.identity.Role;
import org.entente.identity.Viewer;

/**
 * Who receives what leaves a module: the public (anyone, not signed in), the other party (a person
 * of a party, who receives what their clearance and groups let them see), or a full export by an
 * administrator or the operator. Each module's {@link RecordExchange} says, for a reader, which of
 * its records and which of their fields leave; what the reader may see is always read as {@link
 * #viewer()}, under the one visibility condition.
 *
 * @param viewer the viewer the records are read as ({@link Viewer#ANONYMOUS} for the public)
 */
public record Reader(Audience audience, Viewer viewer) {

  /** The kinds of reader. */
  public enum Audience {
    /** Anyone: only records both parties agreed to publish, only their public fields. */
    PUBLIC,
    /** A person of a party: the records their classification and groups let them see. */
    PARTY,
    /** An administrator's or the operator's export of a charter's tables, for an import. */
    EXPORT
  }

  /** The public: what both parties agreed to publish, read as an anonymous visitor. */
  public static final Reader PUBLIC = new Reader(Audience.PUBLIC, Viewer.ANONYMOUS);

  /** The reader a viewer is: nobody signed in is the public, an administrator exports. */
  public static Reader of(Viewer viewer) {
    if (viewer.operator() || viewer.has(Role.ADMINISTRATOR)) {
      return new Reader(Audience.EXPORT, viewer);
    }
    return new Reader(viewer.signedIn() ? Audience.PARTY : Audience.PUBLIC, viewer);
  }

  /** Whether this reader is the public. */
  public boolean isPublic() {
    return audience == Audience.PUBLIC;
  }
}

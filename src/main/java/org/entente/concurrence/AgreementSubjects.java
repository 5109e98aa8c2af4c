package org.entente.concurrence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.entente.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The registered subject types, by type; publication agreements belong to their subject's. */
@Component
class AgreementSubjects {

  private final ObjectProvider<AgreementSubject> subjects;
  private volatile Map<String, AgreementSubject> byType;

  /** Looked up when first needed: the subjects' modules themselves use {@link Concurrence}. */
  AgreementSubjects(ObjectProvider<AgreementSubject> subjects) {
    this.subjects = subjects;
  }

  private Map<String, AgreementSubject> byType() {
    Map<String, AgreementSubject> known = byType;
    if (known == null) {
      known = new LinkedHashMap<>();
      for (AgreementSubject subject : subjects.orderedStream().toList()) {
        if (known.put(subject.type(), subject) != null) {
          throw new IllegalStateException("two agreement subjects of type " + subject.type());
        }
      }
      byType = known;
    }
    return known;
  }

  /**
   * The subject of a type.
   *
   * @throws NotFoundException when no module registered the type
   */
  AgreementSubject of(String type) {
    AgreementSubject subject = byType().get(type);
    if (subject == null) {
      throw new NotFoundException("agreement subject", type);
    }
    return subject;
  }

  /** The subject an agreement is about: its own type's, or the one its publication publishes. */
  Optional<AgreementSubject> owning(String agreementType) {
    return Optional.ofNullable(byType().get(publishedType(agreementType).orElse(agreementType)));
  }

  /** The subject type whose publication an agreement type is, if it is one. */
  static Optional<String> publishedType(String agreementType) {
    String suffix = Concurrence.publicationOf("");
    return agreementType.endsWith(suffix)
        ? Optional.of(agreementType.substring(0, agreementType.length() - suffix.length()))
        : Optional.empty();
  }
}

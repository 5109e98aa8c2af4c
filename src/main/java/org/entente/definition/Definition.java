package org.entente.definition;

import java.util.List;
import org.entente.charter.CharterContent;
import org.entente.obligations.ObligationEvent;
import org.entente.obligations.ObligationRule;

/** A definition that passed every check, split into what each module stores. */
public record Definition(
    CharterContent charter, List<ObligationRule> rules, List<ObligationEvent> history) {}

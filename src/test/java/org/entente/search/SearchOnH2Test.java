package org.entente.search;

import org.entente.testing.EntenteTest;

/** Search on H2: portable matching. */
@EntenteTest
class SearchOnH2Test extends SearchContract {}

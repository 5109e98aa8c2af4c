package org.entente.testing;

@EntenteTest
class CleanDatabaseOnH2Test extends CleanDatabaseContract {}

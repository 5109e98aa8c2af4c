package org.entente.roadmaps;

import org.entente.testing.EntenteTest;

/** Project and milestone files of thousands of rows, imported in batches, on H2. */
@EntenteTest
class CsvImportInBatchesTest extends CsvImportInBatchesContract {}

package org.entente.roadmaps;

import org.entente.testing.EntentePostgresTest;

/** Project and milestone files of thousands of rows, imported in batches, on PostgreSQL. */
@EntentePostgresTest
class CsvImportInBatchesOnPostgresTest extends CsvImportInBatchesContract {}

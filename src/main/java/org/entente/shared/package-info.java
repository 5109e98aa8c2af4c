/**
 * Small value types every module uses: classification of records, text in several languages, pages
 * of results and the errors the application answers with.
 */
package org.entente.shared;

/**
 * Indicators of a charter's commitments: baselines, targets and actual values, each with its
 * publisher and source; the status of each indicator against the straight path from its baseline to
 * its nearest target; the reference indicators loaded with the charter from real public data; CSV
 * export and import. {@link org.entente.indicators.Indicators} is the module's one entry point.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicators")
package org.entente.indicators;

/**
 * Indicators of a charter's commitments: baselines, targets and actual values, each with its
 * publisher and source; the status of each indicator against the straight path from its baseline to
 * its nearest target; the reference indicators loaded with the charter from real public data; CSV
 * export and import. {@link org.entente.indicators.Indicators} is the module's one entry point.
 *
 * <p>Inside: the aggregate {@code Indicator} with its values' rules ({@code IndicatorValues}), the
 * SQL of its own tables only ({@code IndicatorStore}: indicator, indicator_commitment,
 * indicator_value), the read side ({@code IndicatorReads}), CSV ({@code IndicatorCsv}), the
 * reference data ({@code IndicatorReference} reads it, {@code ReferenceLoader} stores it) and the
 * web adapters. The charter's areas, commitments and working groups are read through {@code
 * Charters}. The module's API is this package's public types: {@code Indicators}, {@code
 * IndicatorViews} and {@code IndicatorChart}.
 *
 * <p>An indicator's name, unit, definition and data source and its values' notes are texts in the
 * languages of its charter (decision 0041); its name, unit and definition are in the translation
 * workflow (decision 0037) through {@code IndicatorTranslations}, their states kept beside them
 * ({@code IndicatorTranslationSources}).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Indicators",
    allowedDependencies = {
      "audit",
      "charter",
      "exchange",
      "identity",
      "languages",
      "shared",
      "translations"
    })
package org.entente.indicators;

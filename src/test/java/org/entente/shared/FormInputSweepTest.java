package org.entente.shared;

/**
 * The bad-input sweep of every form: {@link BadInputSweepTest}'s form cases, in a class of their
 * own so that they run in a lane of their own ({@code testing.Lanes}) beside the API's cases. The
 * cases, their people and records, and the checks are those of {@link BadInputSweepTest}; which of
 * its tests run here is decided by {@link BadInputSweepTest#formsHere()}.
 */
class FormInputSweepTest extends BadInputSweepTest {}

/**
 * The agreement workflow's web adapters: one set of API endpoints and one page handler for every
 * subject, with today's URLs of the project list, the roadmap and the joint statement as aliases.
 * Internal to the module: the pages that show agreements implement {@link
 * org.entente.concurrence.AgreementPage}.
 */
package org.entente.concurrence.web;

/**
 * The agreement workflow's web adapters: one set of API endpoints and one page handler for every
 * subject, with today's URLs of the project list, the roadmap and the joint statement as aliases.
 * {@link org.entente.concurrence.web.AgreementPage} is what the modules that show agreements on
 * their pages implement.
 */
@org.springframework.modulith.NamedInterface("web")
package org.entente.concurrence.web;

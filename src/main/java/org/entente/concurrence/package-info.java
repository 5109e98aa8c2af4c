/**
 * The two-party agreement workflow a shared record goes through: a draft, approved by one party,
 * agreed when both parties approved the same version, disputed with a reason, reopened. The rules
 * live in {@link org.entente.concurrence.Agreement}; {@link org.entente.concurrence.Concurrence}
 * stores agreements and carries out each step. An agreed version is fingerprinted (a SHA-256 of its
 * canonical content) so that each party can prove it approved the same text.
 *
 * <p>What is agreed is a subject: a module implements {@link
 * org.entente.concurrence.AgreementSubject} for its record (projects: the project list; roadmaps:
 * the roadmap; meetings: the joint statement) and registers it as a bean. {@link
 * org.entente.concurrence.Agreements} serves every subject through one set of API endpoints and one
 * page handler (the {@code web} sub-package, internal), and one Thymeleaf fragment ({@code
 * concurrence/agreement.html}) shows the state and the forms on the pages that implement {@link
 * org.entente.concurrence.AgreementPage}. Start reading at {@code Agreements}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Concurrence",
    allowedDependencies = {"audit", "identity", "shared"})
package org.entente.concurrence;

/**
 * The demo a newcomer can open in a minute: under the Spring profile {@code demo} only, an
 * illustrative dataset on top of the real default charter (sample projects and roadmaps per working
 * group, a held meeting with decisions and an agreed, published joint statement, that group's
 * project list and roadmap agreed and published by both co-chairs, a sample account per role), made
 * through the other modules' services and labelled "[Demo]" ("[Nümunə]" in Azerbaijani), with a
 * banner on every page saying so. Loading is idempotent; the sample accounts get new random
 * passwords at each start, printed in the log, and no setup link is printed. Until the data is
 * loaded every request is answered 503 with Retry-After. Without the profile none of this exists
 * (decision 0017).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Demo",
    allowedDependencies = {
      "audit",
      "charter",
      "concurrence",
      "identity",
      "meetings",
      "projects",
      "roadmaps",
      "shared"
    })
package org.entente.demo;

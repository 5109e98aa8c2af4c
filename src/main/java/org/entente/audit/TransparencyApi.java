package org.entente.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What anyone needs to check the deployment's signatures without trusting it: no token. */
@RestController
@RequestMapping(path = "/api/transparency", produces = "application/json")
@Tag(name = "Transparency", description = "Verifying the record without trusting the host")
class TransparencyApi {

  private final DeploymentKey key;

  TransparencyApi(DeploymentKey key) {
    this.key = key;
  }

  @GetMapping("/key")
  @Operation(
      summary = "The deployment's public key: verifier key, X.509 key and fingerprint",
      description =
          "Compare the fingerprint with the one the deployment's operators give out of band;"
              + " the formats are in docs/transparency.md.")
  DeploymentKey.Published key() {
    return key.published();
  }
}

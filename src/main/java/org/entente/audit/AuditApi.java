package org.entente.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.entente.shared.PageOf;
import org.entente.shared.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, its verification and signed checkpoints: for the operator. */
@RestController
@RequestMapping(path = "/api/audit", produces = "application/json")
@Tag(name = "Audit", description = "The hash-chained audit trail")
@SecurityRequirement(name = "operator-token")
class AuditApi {

  private final Audit audit;
  private final AuditVerifier verifier;
  private final Checkpoints checkpoints;

  AuditApi(Audit audit, AuditVerifier verifier, Checkpoints checkpoints) {
    this.audit = audit;
    this.verifier = verifier;
    this.checkpoints = checkpoints;
  }

  @GetMapping("/events")
  @Operation(summary = "Audit events, newest first, filtered by record or actor")
  PageOf<AuditEvent> events(
      @RequestParam(required = false) String recordType,
      @RequestParam(required = false) String recordId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return audit.events(recordType, recordId, actor, Paging.of(page, size));
  }

  @GetMapping("/verification")
  @Operation(summary = "Recompute the chain; names the first broken sequence number")
  AuditVerifier.Verification verification() {
    return verifier.verify();
  }

  @GetMapping("/checkpoint")
  @Operation(
      summary = "A checkpoint of the chain's head, signed with this deployment's key",
      description =
          "Signed only over a chain that verifies (in itself and against the latest checkpoint"
              + " kept outside the database); otherwise 409 naming the first broken event.")
  Checkpoints.SignedCheckpoint checkpoint() {
    return checkpoints.export();
  }

  @PostMapping(path = "/checkpoint/check", consumes = "application/json")
  @Operation(summary = "Whether today's chain extends an earlier checkpoint")
  Checkpoints.CheckResult check(@RequestBody Checkpoints.SignedCheckpoint checkpoint) {
    return checkpoints.check(checkpoint);
  }
}

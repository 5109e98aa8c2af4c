package org.entente.audit;

import java.time.LocalDate;
import org.entente.shared.BadRequestException;
import org.entente.shared.Paging;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator's view of the audit trail: filter, verify, export a signed checkpoint (refused
 * with 409 over a chain that does not verify), acknowledge a broken chain.
 */
@Controller
class AuditPages {

  private final Audit audit;
  private final AuditVerifier verifier;
  private final Checkpoints checkpoints;
  private final AuditAlarms alarms;

  AuditPages(Audit audit, AuditVerifier verifier, Checkpoints checkpoints, AuditAlarms alarms) {
    this.audit = audit;
    this.verifier = verifier;
    this.checkpoints = checkpoints;
    this.alarms = alarms;
  }

  @GetMapping("/admin/audit")
  String events(
      @RequestParam(required = false) String recordType,
      @RequestParam(required = false) String recordId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false, defaultValue = "0") int page,
      Model model) {
    Paging paging;
    try {
      paging = new Paging(Math.max(page, 0), 50);
    } catch (BadRequestException e) {
      paging = new Paging(0, 50);
    }
    model.addAttribute(
        "events", audit.events(blank(recordType), blank(recordId), blank(actor), from, to, paging));
    model.addAttribute("recordType", recordType);
    model.addAttribute("recordId", recordId);
    model.addAttribute("actor", actor);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("head", audit.head());
    return "audit/events";
  }

  @GetMapping("/admin/audit/verification")
  String verification(Model model) {
    model.addAttribute("result", verifier.verify());
    model.addAttribute("alarm", alarms.open().orElse(null));
    return "audit/verification";
  }

  /** An administrator acknowledges a broken chain: recorded, and the banner goes. */
  @PostMapping("/admin/audit/alarms/{id}/acknowledge")
  String acknowledge(@PathVariable String id) {
    alarms.acknowledge(id);
    return "redirect:/admin/audit/verification";
  }

  @GetMapping(path = "/admin/audit/checkpoint", produces = "application/json")
  ResponseEntity<Checkpoints.SignedCheckpoint> checkpoint() {
    Checkpoints.SignedCheckpoint c = checkpoints.export();
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"entente-audit-checkpoint-" + c.seq() + ".json\"")
        .body(c);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

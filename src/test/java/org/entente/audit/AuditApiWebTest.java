package org.entente.audit;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.entente.identity.Viewers;
import org.entente.indicators.Indicators;
import org.entente.shared.PageOf;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A web slice: the audit API's controller with Spring MVC, JSON and the shared problem mapping, its
 * services replaced by mocks; security filters are left out (the whole application's tests check
 * who may call it). For what a controller makes of a request and of its service's answer.
 */
@WebMvcTest(AuditApi.class)
@AutoConfigureMockMvc(addFilters = false)
@ActiveProfiles("test")
class AuditApiWebTest {

  @Autowired MockMvc mvc;

  @MockitoBean Audit audit;
  @MockitoBean AuditVerifier verifier;
  @MockitoBean Checkpoints checkpoints;
  // needed by the application's MVC configuration and advice, which the slice includes
  @MockitoBean Viewers viewers;
  @MockitoBean Indicators indicators;

  @Test
  void theVerificationIsAnsweredAsTheVerifierFoundIt() throws Exception {
    given(verifier.verify())
        .willReturn(
            new AuditVerifier.Verification(false, 7, 5L, "hash mismatch", 9, "h9", 4, "h4"));

    mvc.perform(get("/api/audit/verification"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.intact").value(false))
        .andExpect(jsonPath("$.firstBroken").value(5))
        .andExpect(jsonPath("$.problem").value("hash mismatch"))
        .andExpect(jsonPath("$.headSeq").value(9));
  }

  @Test
  void theEventsAreFilteredByWhatTheQueryNames() throws Exception {
    given(audit.events(eq("project"), eq("p-1"), eq("az.member"), any()))
        .willReturn(new PageOf<>(List.of(), 0, 20, 0));

    mvc.perform(
            get("/api/audit/events")
                .param("recordType", "project")
                .param("recordId", "p-1")
                .param("actor", "az.member"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems").value(0))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void aPageThatIsNotANumberIsABadRequest() throws Exception {
    mvc.perform(get("/api/audit/events").param("page", "first")).andExpect(status().isBadRequest());
  }
}

package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@EntenteTest
@CleanAfterEachTest
class AuditPagesTest {

  static final String PASSWORD = "correct horse battery";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired ChainWatch chainWatch;
  @Autowired CheckpointFile checkpointFile;
  @Autowired Audit audit;

  @BeforeEach
  void people() {
    accounts.createFirstAdministrator(
        accounts.issueSetupToken().orElseThrow(),
        new Accounts.NewAccount(
            "admin", "Admin", null, null, EnumSet.of(Role.ADMINISTRATOR), false, PASSWORD));
    accounts.create(
        new Accounts.NewAccount(
            "az.member", "AZ member", "AZ", null, EnumSet.of(Role.MEMBER), false, PASSWORD));
  }

  @Test
  void theAdministratorFiltersTheTrailByActorRecordAndDay() throws Exception {
    Cookie admin = login("admin");
    login("az.member");
    mvc.perform(get("/admin/audit").cookie(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("login.succeeded")))
        .andExpect(content().string(containsString("charter.synchronized")));
    mvc.perform(get("/admin/audit").param("actor", "az.member").cookie(admin))
        .andExpect(content().string(containsString("login.succeeded")))
        .andExpect(content().string(not(containsString("charter.synchronized"))));
    mvc.perform(
            get("/admin/audit")
                .param("recordType", "charter")
                .param("recordId", "az-us-2026")
                .cookie(admin))
        .andExpect(content().string(containsString("charter.synchronized")))
        .andExpect(content().string(containsString("1 event, newest first")));
    mvc.perform(get("/admin/audit").param("from", "2026-11-29").cookie(admin))
        .andExpect(content().string(containsString("No event matches.")));
    mvc.perform(
            get("/admin/audit").param("from", "2026-11-28").param("to", "2026-11-28").cookie(admin))
        .andExpect(content().string(containsString("login.succeeded")));
    mvc.perform(get("/admin/audit").param("from", "yesterday").cookie(admin))
        .andExpect(status().is4xxClientError());
  }

  @Test
  void theVerificationPageNamesTheFirstBrokenEvent() throws Exception {
    Cookie admin = login("admin");
    mvc.perform(get("/admin/audit/verification").cookie(admin))
        .andExpect(content().string(containsString("Intact.")));
    jdbc.sql("update audit_event set actor = 'mallory' where seq = 2").update();
    mvc.perform(get("/admin/audit/verification").cookie(admin))
        .andExpect(content().string(containsString("Broken at event <span>2</span>")));
  }

  @Test
  void theAdministratorDownloadsASignedCheckpoint() throws Exception {
    Cookie admin = login("admin");
    mvc.perform(get("/admin/audit/checkpoint").cookie(admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.seq").isNumber())
        .andExpect(jsonPath("$.signature").isString());
  }

  @Test
  void theBrokenChainPageShowsTheHeadsHashAndWhereTheChainLastChecks() throws Exception {
    Cookie admin = login("admin");
    Audit.ChainHead head = audit.head();
    String first =
        jdbc.sql("select hash from audit_event where seq = 1").query(String.class).single();
    jdbc.sql("update audit_event set actor = 'mallory' where seq = 2").update();
    mvc.perform(get("/admin/audit/verification").cookie(admin))
        .andExpect(content().string(containsString("Broken at event <span>2</span>")))
        .andExpect(content().string(containsString("Head hash: <code>" + head.hash() + "</code>")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "The last event that checks is event 1, its hash: <code>"
                            + first
                            + "</code>")));
  }

  @Test
  void noCheckpointIsDownloadedOverABrokenChain() throws Exception {
    Cookie admin = login("admin");
    jdbc.sql("update audit_event set actor = 'mallory' where seq = 2").update();
    mvc.perform(get("/admin/audit/checkpoint").cookie(admin)).andExpect(status().isConflict());
    mvc.perform(
            get("/api/audit/checkpoint")
                .header("Authorization", "Bearer test-operator-token-0123456789abcdef"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.title").value("Audit chain broken"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    org.hamcrest.Matchers.startsWith(
                        "The audit chain does not verify, so no checkpoint is signed over it: broken at event 2: ")))
        .andExpect(jsonPath("$.firstBroken").value(2));
  }

  @Test
  void aBrokenChainIsShownToAdministratorsOnEveryPageUntilOneAcknowledgesIt() throws Exception {
    Cookie admin = login("admin");
    Cookie member = login("az.member");
    String banner = "The audit chain is broken.";
    for (String page : new String[] {"/", "/charters", "/admin/accounts", "/admin/audit"}) {
      mvc.perform(get(page).cookie(admin)).andExpect(content().string(not(containsString(banner))));
    }
    // the tail cut below the checkpoint signed at start, and the head moved back
    long kept = checkpointFile.read().orElseThrow().seq() - 2;
    String hash =
        jdbc.sql("select hash from audit_event where seq = ?")
            .param(kept)
            .query(String.class)
            .single();
    jdbc.sql("delete from audit_event where seq > ?").param(kept).update();
    jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1").params(kept, hash).update();
    assertThat(chainWatch.check("start").intact()).isFalse();

    for (String page : new String[] {"/", "/charters", "/admin/accounts", "/admin/audit"}) {
      mvc.perform(get(page).cookie(admin))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString(banner)))
          .andExpect(content().string(containsString("href=\"/admin/audit/verification\"")));
      mvc.perform(get(page).cookie(member))
          .andExpect(content().string(not(containsString(banner))));
    }
    mvc.perform(get("/")).andExpect(content().string(not(containsString(banner))));
    String id =
        jdbc.sql("select id from audit_alarm where acknowledged_at is null")
            .query(String.class)
            .single();
    mvc.perform(post("/admin/audit/alarms/" + id + "/acknowledge").cookie(member).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/").cookie(admin)).andExpect(content().string(containsString(banner)));
    mvc.perform(get("/admin/audit/verification").cookie(admin))
        .andExpect(content().string(containsString("/admin/audit/alarms/" + id + "/acknowledge")));

    mvc.perform(post("/admin/audit/alarms/" + id + "/acknowledge").cookie(admin).with(csrf()))
        .andExpect(redirectedUrl("/admin/audit/verification"));

    for (String page : new String[] {"/", "/charters", "/admin/accounts", "/admin/audit"}) {
      mvc.perform(get(page).cookie(admin)).andExpect(content().string(not(containsString(banner))));
    }
    mvc.perform(get("/admin/audit").param("actor", "admin").cookie(admin))
        .andExpect(content().string(containsString("audit.chain.acknowledged")));
    mvc.perform(get("/admin/audit").param("recordType", "audit_chain").cookie(admin))
        .andExpect(content().string(containsString("audit.chain.broken")));
    mvc.perform(post("/admin/audit/alarms/" + id + "/acknowledge").cookie(admin).with(csrf()))
        .andExpect(status().isNotFound());
  }

  @Test
  void nobodyElseSeesTheTrail() throws Exception {
    Cookie member = login("az.member");
    mvc.perform(get("/admin/audit").cookie(member)).andExpect(status().isNotFound());
    mvc.perform(get("/admin/audit/verification").cookie(member)).andExpect(status().isNotFound());
    mvc.perform(get("/admin/audit/checkpoint").cookie(member)).andExpect(status().isNotFound());
    mvc.perform(get("/admin/audit")).andExpect(status().is3xxRedirection());
    mvc.perform(get("/api/audit/events")).andExpect(status().isNotFound());
  }

  private Cookie login(String username) throws Exception {
    return mvc.perform(
            post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
        .andExpect(redirectedUrl("/"))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }
}

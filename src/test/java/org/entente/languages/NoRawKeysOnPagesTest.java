package org.entente.languages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Pages show words, not the codes behind them: the history panel names each action, the public
 * deadlines give a clause its number, the deadlines' events name the group, and a project's stage
 * has a label.
 */
@EntenteTest
class NoRawKeysOnPagesTest {

  static final String CHARTER = "az-us-2026";

  /** A string literal that looks like an audit action: {@code noun.verb} or {@code a.b.c}. */
  static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z-]*\\.[a-z][a-z-]*(\\.[a-z-]+)?)\"");

  /** Literals in auditing classes that are no action: settings, message keys, names. */
  static final Set<String> NOT_ACTIONS = Set.of("charter.key", "s.text");

  /** The outcomes of a change the charter definition makes ("record." + kind). */
  static final List<String> RECORD_KINDS = List.of("created", "updated", "retired");

  @Autowired MockMvc mvc;

  private String page(String path) throws Exception {
    return mvc.perform(get(path).accept(MediaType.TEXT_HTML))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void theHistoryPanelNamesTheActionInWordsInBothLanguages() throws Exception {
    assertThat(page("/charters/" + CHARTER))
        .contains("Charter loaded from its definition")
        .doesNotContain(">charter.synchronized<");
    assertThat(page("/charters/" + CHARTER + "?lang=az"))
        .contains("Xartiya öz tərifindən yükləndi")
        .doesNotContain(">charter.synchronized<");
  }

  @Test
  void thePublicDeadlinesGiveTheClauseItsNumber() throws Exception {
    String page = page("/public/charters/" + CHARTER + "/deadlines");
    assertThat(page).doesNotContain("(clause-").containsPattern("\\(clause \\d+\\.\\d+\\)");
  }

  @Test
  void theDeadlinesEventsNameTheGroupNotItsKey() throws Exception {
    mvc.perform(
            post("/api/charters/" + CHARTER + "/events")
                .header("Authorization", "Bearer test-operator-token-0123456789abcdef")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"kind\":\"meeting-held\",\"subject\":\"wg-energy\","
                        + "\"occurredOn\":\"2026-10-01\",\"title\":\"Energy group met\","
                        + "\"classification\":\"public\"}"))
        .andExpect(status().isCreated());
    String page = page("/charters/" + CHARTER + "/deadlines");
    String events = page.substring(page.indexOf("class=\"events\""));
    assertThat(events).contains("Energy group met").doesNotContain(">wg-energy<");
    assertThat(events).containsPattern("<span lang=\"en\">[^<]*Energy[^<]*</span>");
  }

  @Test
  void thePublicIndicatorTablesNameTheKindOfEachValueInTheReadersLanguage() throws Exception {
    String page = page("/public/charters/" + CHARTER + "/commitments?lang=az");
    assertThat(page).contains("<th scope=\"row\">faktiki qiymət</th>");
    assertThat(page).doesNotContain("<th scope=\"row\">actual</th>");
  }

  @Test
  void everyProjectStageHasAHumanLabelInBothLanguages() throws IOException {
    for (String bundle : List.of("messages", "messages_az")) {
      Properties messages = MessageBundlesTest.load(bundle);
      for (String stage :
          List.of(
              "identified",
              "under-study",
              "agreed",
              "in-implementation",
              "completed",
              "suspended",
              "cancelled")) {
        assertThat(messages.getProperty("project.stage." + stage))
            .as(bundle + " " + stage)
            .isNotEqualTo(stage)
            .doesNotContain("-");
      }
    }
  }

  @Test
  void everyAuditActionTheCodeRecordsHasALabelInBothLanguages() throws IOException {
    Set<String> actions = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/entente"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        if (!source.contains("audit.") && !source.contains("Audit.")) {
          continue;
        }
        Matcher m = LITERAL.matcher(source);
        while (m.find()) {
          String literal = m.group(1);
          if (!literal.startsWith("entente.")
              && !literal.startsWith("demo.")
              && !literal.startsWith("org.")
              && !NOT_ACTIONS.contains(literal)) {
            actions.add(literal);
          }
        }
      }
    }
    RECORD_KINDS.forEach(kind -> actions.add("record." + kind));
    assertThat(actions).contains("charter.synchronized", "project.created", "login.failed");
    List<String> missing = new ArrayList<>();
    for (String bundle : List.of("messages", "messages_az")) {
      Properties messages = MessageBundlesTest.load(bundle);
      for (String action : actions) {
        if (messages.getProperty("history.action." + action) == null) {
          missing.add(bundle + ": history.action." + action);
        }
      }
    }
    assertThat(missing).isEmpty();
  }
}

package org.entente.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The notes of the reference indicator values are public (the indicator pages and the open data
 * show them): none of them is a research note about what the research did not find or confirm;
 * those stay in docs/indicators-sources.md.
 */
@EntenteTest
class ReferenceNotesTest {

  /** Words of a research note, not of a public one. */
  static final List<String> RESEARCH = List.of("corpus", "not found", "not confirmed");

  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @Test
  void noPublicReferenceNoteIsAResearchNote() {
    List<String> notes =
        jdbc.sql(
                "select v.note from indicator_value v join indicator i on i.id = v.indicator_id"
                    + " where i.classification = 'PUBLIC' and v.note is not null")
            .query(String.class)
            .list();
    assertThat(notes).isNotEmpty();
    assertThat(notes)
        .allSatisfy(
            note ->
                assertThat(RESEARCH)
                    .as(note)
                    .noneMatch(word -> note.toLowerCase(Locale.ROOT).contains(word)));
  }

  @Test
  void theGasExportsPageShowsNoResearchNote() throws Exception {
    UUID id =
        jdbc.sql("select id from indicator where name like '%Azerbaijan gas exports to Europe%'")
            .query(UUID.class)
            .list()
            .get(0);
    String page =
        mvc.perform(get("/indicators/" + id).accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("11.5-12 bcm").doesNotContain("corpus").doesNotContain("NOT ");
  }
}

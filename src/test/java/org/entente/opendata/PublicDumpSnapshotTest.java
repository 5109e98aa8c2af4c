package org.entente.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.definition.Definitions;
import org.entente.identity.AccessTokens;
import org.entente.identity.Accounts;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public files of a charter with published and unpublished, restricted and open records (the
 * open data fixtures) stay byte for byte what they were when they were captured in {@code
 * src/test/resources/opendata/public-dump.snapshot}: the JSON dump, every CSV and the IATI file, as
 * an anonymous visitor. Ids are made at random, so each id is written as its place of first
 * appearance ({@code <id-1>}, ...); everything else is compared as it is.
 *
 * <p>To capture the files anew (only when a change of the public files is meant), run this test
 * with {@code -Dentente.snapshot.write=true} and review the difference.
 */
@EntenteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicDumpSnapshotTest {

  static final String API = "/api/charters/" + OpenDataFixtures.CHARTER;
  static final Path SNAPSHOT = Path.of("src/test/resources/opendata/public-dump.snapshot");
  static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired AccessTokens tokens;
  @Autowired Definitions definitions;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  void records() throws Exception {
    new OpenDataFixtures(mvc, accounts, tokens, definitions, jdbc).create();
  }

  @Test
  void thePublicFilesAreByteForByteWhatWasCaptured() throws Exception {
    StringBuilder all = new StringBuilder();
    file(all, API + "/open-data.json");
    for (String type : OpenData.types()) {
      file(all, API + "/open-data/" + type + ".csv");
    }
    file(all, API + "/iati.xml");
    String captured = withIdsByPlace(all.toString());
    if (Boolean.getBoolean("entente.snapshot.write")) {
      Files.writeString(SNAPSHOT, captured, StandardCharsets.UTF_8);
    }
    assertThat(captured).isEqualTo(snapshot());
  }

  private void file(StringBuilder all, String url) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
    assertThat(response.getStatus()).as(url).isEqualTo(200);
    all.append("==== ")
        .append(url)
        .append(" (")
        .append(response.getContentType())
        .append(")\n")
        .append(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8))
        .append("\n");
  }

  /** Each id as the place of its first appearance, so the same data gives the same text. */
  static String withIdsByPlace(String text) {
    Map<String, String> places = new LinkedHashMap<>();
    Matcher m = UUID.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String place = places.computeIfAbsent(m.group(), id -> "<id-" + (places.size() + 1) + ">");
      m.appendReplacement(out, Matcher.quoteReplacement(place));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String snapshot() throws IOException {
    return Files.readString(SNAPSHOT, StandardCharsets.UTF_8);
  }
}

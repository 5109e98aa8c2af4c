package org.entente.languages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.identity.Role;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 19: how much English the Azerbaijani pages of the default charter show. The test walks
 * every page reachable by links from the public portal and from the home page of a signed-in
 * Azerbaijani coordinator who is a member of every working group, in Azerbaijani, and counts the
 * words shown that are among the 1,000 most common English words
 * (src/test/resources/languages/english-1000.txt, named there). Left out, as the issue asks: text
 * marked as not to be translated ({@code translate="no"}: quotations in their original language,
 * the names of languages in their own language) and what no reader sees as words (scripts, styles,
 * one-letter words, numbers).
 *
 * <p>The issue's goal is at most 2 % on every page. Until its pieces have landed, this test is a
 * ratchet: no page may show more English than {@link #CEILING}, lowered as the pieces land.
 */
@EntenteTest
class EnglishOnAzerbaijaniPagesTest {

  static final String CHARTER = "az-us-2026";

  /**
   * The share of English words no one Azerbaijani page may exceed today (a ratchet). The pages
   * above the issue's 2 % are those of the reference indicators: what is left in English there is
   * the names of their sources as the data file gives them ("Report.az citing Ministry of Transport
   * of Kazakhstan", "The Astana Times"), which the file has no Azerbaijani for.
   */
  static final double CEILING = 0.09;

  /**
   * The share of English words over all the pages walked: the issue's bar, at most 2 % (5.3 %
   * before the generated sentences, labels, classifications, the indicators' units and notes and
   * their charts' descriptions were said in Azerbaijani; 1.5 % since).
   */
  static final double TOTAL_CEILING = 0.02;

  /** The goal the issue sets, printed beside each page's share. */
  static final double GOAL = 0.02;

  /**
   * Words of the English list that are also Azerbaijani words, spelled the same, and so are not
   * English on an Azerbaijani page: "on" (ten), "ad" (name), "an" (moment), "at" (horse), "son"
   * (last), "can" (soul), "et" (do, as in "Təsdiq et"), "bank", "plan", "status", "format",
   * "forum", "model", "internet", "video"; and "may", the month (CLDR's Azerbaijani dates write "10
   * may 2026").
   */
  static final Set<String> ALSO_AZERBAIJANI =
      Set.of(
          "on",
          "ad",
          "an",
          "at",
          "son",
          "can",
          "et",
          "bank",
          "plan",
          "status",
          "format",
          "forum",
          "model",
          "internet",
          "video",
          "may");

  /** Addresses the walk does not follow: not pages, or pages that change something. */
  static final Pattern NOT_A_PAGE =
      Pattern.compile(
          "^/(api|logout|login|webjars|css|js|images|img|fonts|swagger-ui|v3|actuator|h2-console"
              + "|favicon)\\b|\\.(csv|pdf|ics|json|xml|zip|txt|js|css|png|svg|ico)(\\?|$)|/export\\b"
              + "|/feeds?/|/calendar|/open-data/.+");

  static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");

  /** A Roman numeral ("Maddə II"): a number, which no reader takes for an English word. */
  static final Pattern ROMAN = Pattern.compile("[IVXLCDM]+");

  /** Whether a word found is counted as English: on the list, not Azerbaijani too, no numeral. */
  static boolean english(String found, Set<String> english) {
    String w = found.toLowerCase(Locale.ROOT);
    return english.contains(w) && !ALSO_AZERBAIJANI.contains(w) && !ROMAN.matcher(found).matches();
  }

  @Autowired MockMvc mvc;
  @Autowired People people;

  @Test
  void noAzerbaijaniPageShowsMoreEnglishThanTheCeiling() throws Exception {
    Set<String> english = englishWords();
    people
        .person("az.reader")
        .party("AZ")
        .role(Role.COORDINATOR)
        .cleared(true)
        .memberOf(CHARTER, "wg-economy-trade")
        .memberOf(CHARTER, "wg-energy")
        .memberOf(CHARTER, "wg-connectivity-digital")
        .memberOf(CHARTER, "wg-security-defense")
        .create();
    Cookie session = People.session(mvc, "az.reader");

    Map<String, Share> shares = new TreeMap<>();
    shares.putAll(walk(List.of("/public", "/public/charters/" + CHARTER), null, english));
    shares.putAll(walk(List.of("/", "/charters/" + CHARTER), session, english));

    long words = shares.values().stream().mapToLong(Share::words).sum();
    long found = shares.values().stream().mapToLong(Share::english).sum();
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "English on Azerbaijani pages: %d of %d words (%.1f %%) on %d pages; goal %.0f %%%n",
            found,
            words,
            100.0 * found / Math.max(1, words),
            shares.size(),
            100 * GOAL));
    shares.forEach(
        (page, share) ->
            report.append(
                String.format(
                    Locale.ROOT,
                    "%5.1f %% %5d words %s  %s%n",
                    100 * share.ratio(),
                    share.words(),
                    page,
                    share.examples())));
    System.out.println(report);
    writeReport(shares, report.toString());

    assertThat(shares).as("pages walked").hasSizeGreaterThan(10);
    assertThat((double) found / Math.max(1, words))
        .as(report.toString())
        .isLessThanOrEqualTo(TOTAL_CEILING);
    List<String> over = new ArrayList<>();
    shares.forEach(
        (page, share) -> {
          if (share.ratio() > CEILING) {
            over.add(page + " " + share);
          }
        });
    assertThat(over).as(report.toString()).isEmpty();
  }

  @Test
  void theCountLeavesOutQuotationsNotToTranslateAndWordsAlsoAzerbaijani() throws IOException {
    Document page =
        Jsoup.parse(
            "<html><head><title>Energy</title></head><body><h1>Enerji işçi qrupu</h1>"
                + "<p>Status: the group will meet on 10 iyun</p>"
                + "<p>Maddə II, 10 may 2026</p>"
                + "<blockquote translate=\"no\" lang=\"en\">The parties will cooperate</blockquote>"
                + "<script>var the = 1;</script></body></html>");
    Share share = share(page, englishWords());
    // words: enerji işçi qrupu status the group will meet on iyun maddə ii may (10 is no word)
    assertThat(share.words()).isEqualTo(13);
    // English: the, group, will, meet ("status", "on" and "may" are Azerbaijani words too, "II" a
    // numeral)
    assertThat(share.counts()).containsOnlyKeys("the", "group", "will", "meet");
    assertThat(share.english()).isEqualTo(4);
  }

  /** One page's words: how many, how many English, and the most frequent English ones. */
  record Share(
      long words, long english, Map<String, Integer> counts, Map<String, Integer> phrases) {
    double ratio() {
      return words == 0 ? 0 : (double) english / words;
    }

    String examples() {
      return counts.entrySet().stream()
          .sorted((a, b) -> b.getValue() - a.getValue())
          .limit(8)
          .map(e -> e.getKey() + "×" + e.getValue())
          .toList()
          .toString();
    }
  }

  /** Walks the pages linked from these, in Azerbaijani, as this session (or the public). */
  private Map<String, Share> walk(List<String> roots, Cookie session, Set<String> english)
      throws Exception {
    Map<String, Share> shares = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    Deque<String> next = new ArrayDeque<>(roots);
    String who = session == null ? "public " : "signed in ";
    while (!next.isEmpty() && shares.size() < 300) {
      String path = next.poll();
      // one visit per address without its query: filters and pages of one list are one page
      if (!seen.add(path.replaceAll("\\?.*", ""))) {
        continue;
      }
      var request = get(path).accept(MediaType.TEXT_HTML).cookie(new Cookie("entente-lang", "az"));
      if (session != null) {
        request.cookie(session);
      }
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      String type = response.getContentType();
      if (response.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
        continue;
      }
      Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
      shares.put(who + path, share(page, english));
      for (Element link : page.select("a[href]")) {
        String href = link.attr("href").replaceAll("#.*", "");
        if (href.startsWith("/") && !href.startsWith("//") && !NOT_A_PAGE.matcher(href).find()) {
          next.add(href.replaceAll("[?&]lang=[^&]*", ""));
        }
      }
    }
    return shares;
  }

  static Share share(Document page, Set<String> english) {
    page.select("head, script, style, template, noscript, [translate=no]").remove();
    String text = page.body() == null ? "" : page.body().text();
    long words = 0;
    long found = 0;
    Map<String, Integer> counts = new TreeMap<>();
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      String w = word.group().toLowerCase(Locale.ROOT);
      if (w.length() < 2) {
        continue;
      }
      words++;
      if (english(word.group(), english)) {
        found++;
        counts.merge(w, 1, Integer::sum);
      }
    }
    return new Share(words, found, counts, phrases(page, english));
  }

  /**
   * The texts of the page that hold English, each with the number of English words in it: what the
   * report lists, so that one sees which sentence or label to translate.
   */
  static Map<String, Integer> phrases(Document page, Set<String> english) {
    Map<String, Integer> phrases = new TreeMap<>();
    if (page.body() == null) {
      return phrases;
    }
    for (Element e : page.body().getAllElements()) {
      String own = e.ownText().strip();
      int n = 0;
      Matcher word = WORD.matcher(own);
      while (word.find()) {
        if (word.group().length() >= 2 && english(word.group(), english)) {
          n++;
        }
      }
      if (n > 0) {
        String shown = own.length() > 140 ? own.substring(0, 140) + "…" : own;
        phrases.merge("<" + e.tagName() + "> " + shown, n, Integer::sum);
      }
    }
    return phrases;
  }

  /**
   * Writes where the English comes from to {@code target/english-on-azerbaijani-pages.txt}: the
   * texts with the most English words over all pages walked, then the share of each page.
   */
  static void writeReport(Map<String, Share> shares, String summary) throws IOException {
    Map<String, Integer> total = new TreeMap<>();
    Map<String, Integer> pages = new TreeMap<>();
    shares
        .values()
        .forEach(
            s ->
                s.phrases()
                    .forEach(
                        (phrase, n) -> {
                          total.merge(phrase, n, Integer::sum);
                          pages.merge(phrase, 1, Integer::sum);
                        }));
    StringBuilder out = new StringBuilder(summary).append("\nTexts with English, most first:\n");
    total.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(2000)
        .forEach(
            e ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "%6d English words on %4d pages  %s%n",
                        e.getValue(),
                        pages.get(e.getKey()),
                        e.getKey().replace('\n', ' '))));
    java.nio.file.Path file = java.nio.file.Path.of("target", "english-on-azerbaijani-pages.txt");
    java.nio.file.Files.createDirectories(file.getParent());
    java.nio.file.Files.writeString(file, out, StandardCharsets.UTF_8);
  }

  static Set<String> englishWords() throws IOException {
    try (InputStream in =
        EnglishOnAzerbaijaniPagesTest.class.getResourceAsStream("/languages/english-1000.txt")) {
      Set<String> words = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String w = line.strip().toLowerCase(Locale.ROOT);
        if (!w.isEmpty() && !w.startsWith("#")) {
          words.add(w);
        }
      }
      return words;
    }
  }
}

package org.entente.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.definition.CharterStorageContract.lineOf;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.entente.charter.CharterContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefinitionReaderTest {

  private final DefinitionReader reader = new DefinitionReader();
  private static final String VALID = DefinitionFixtures.freedoniaSylvania();

  @Test
  void readsTheDefaultCharterWithEveryStatedCommitment() {
    Definition d = reader.read("az-us-2026.yaml", DefinitionFixtures.azerbaijanUnitedStates());
    assertThat(d.charter().key()).isEqualTo("az-us-2026");
    assertThat(d.charter().signedOn()).hasToString("2026-02-10");
    assertThat(d.charter().parties())
        .extracting(CharterContent.Party::key)
        .containsExactly("AZ", "US");
    assertThat(d.charter().commitments())
        .extracting(CharterContent.Commitment::key)
        .contains(
            "middle-corridor",
            "tripp",
            "civil-nuclear-energy",
            "critical-minerals-transit",
            "ai-data-centers",
            "counterterrorism",
            "humanitarian-demining",
            "project-lists-roadmaps",
            "regular-meetings");
    assertThat(d.rules())
        .extracting(r -> r.key())
        .containsExactly("wg-project-list", "wg-roadmap", "framework-meeting", "wg-meeting");
    assertThat(d.history())
        .extracting(e -> e.date().toString())
        .containsExactly("2025-08-08", "2025-08-08", "2025-12-19", "2026-01-21", "2026-02-10");
  }

  @Test
  void everyCommitmentOfTheDefaultCharterQuotesASentenceOfTheAnnouncementWordForWord() {
    String announcement =
        normalize(DefinitionFixtures.resource("/reference/charter-announcement.txt"));
    Definition d = reader.read("az-us-2026.yaml", DefinitionFixtures.azerbaijanUnitedStates());
    assertThat(d.charter().commitments())
        .allSatisfy(
            c -> {
              assertThat(c.source().quote()).as(c.key()).isNotBlank();
              assertThat(announcement).as(c.key()).contains(normalize(c.source().quote()));
            });
    List<CharterContent.Clause> clauses =
        d.charter().articles().stream().flatMap(a -> a.clauses().stream()).toList();
    assertThat(clauses)
        .allSatisfy(
            c -> assertThat(announcement).as(c.key()).contains(normalize(c.source().quote())));
  }

  @Test
  void everyAreaTheAnnouncementNamesHasAGroupAndTheFileSaysWhichReadingItTakes() {
    Definition d = reader.read("az-us-2026.yaml", DefinitionFixtures.azerbaijanUnitedStates());
    assertThat(d.charter().reading().text()).isNotBlank();
    assertThat(d.charter().areas()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(d.charter().areas())
        .allSatisfy(
            a ->
                assertThat(d.charter().workingGroups())
                    .as(a.key())
                    .anyMatch(g -> g.areas().contains(a.key())));
  }

  static Stream<Arguments> badDefinitions() {
    return Stream.of(
        Arguments.of(
            "missing signing date",
            VALID.replace("  signed-on: '2025-11-30'\n", ""),
            "charter:",
            "charter",
            "missing required field 'signed-on'"),
        Arguments.of(
            "unknown area reference",
            VALID.replace(
                "    areas: [water]\n  - key: cultural", "    areas: [waters]\n  - key: cultural"),
            "areas: [waters]",
            "commitments[0].areas[0]",
            "unknown area 'waters'"),
        Arguments.of(
            "duplicate commitment key",
            VALID.replace("  - key: cultural-exchange", "  - key: shared-rivers"),
            "  - key: shared-rivers\n    title: Cultural",
            "commitments[1].key",
            "duplicate commitment key 'shared-rivers'"),
        Arguments.of(
            "duplicate mapping key",
            VALID.replace(
                "  signed-at: Fredville\n", "  signed-at: Fredville\n  signed-at: Sylvan City\n"),
            "signed-at: Sylvan City",
            "charter",
            "duplicate key 'signed-at'"),
        Arguments.of(
            "malformed duration",
            VALID.replace("      within: P6M", "      within: six months"),
            "within: six months",
            "obligations[1].rule.within",
            "'six months' is not an ISO 8601 period such as P3M, P12M or P1Y"),
        Arguments.of(
            "impossible date",
            VALID.replace("signed-on: '2025-11-30'", "signed-on: '2025-02-30'"),
            "signed-on: '2025-02-30'",
            "charter.signed-on",
            "'2025-02-30' is not a real date"),
        Arguments.of(
            "YAML syntax error",
            VALID.replace(
                "    areas: [culture, trade]\n    co-chairs",
                "    areas: [culture, trade\n    co-chairs"),
            "    co-chairs: { FD: Minister of Culture",
            "",
            "YAML syntax error"),
        Arguments.of(
            "unknown field",
            VALID.replace("  short-title: Freedonia", "  nickname: FS\n  short-title: Freedonia"),
            "nickname: FS",
            "charter.nickname",
            "unknown field 'nickname'"),
        Arguments.of(
            "unknown working group in a rule",
            VALID.replace("applies-to: river-commission", "applies-to: river-board"),
            "applies-to: river-board",
            "obligations[0].rule.applies-to",
            "unknown framework, each-working-group or working group 'river-board'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDefinitions")
  void aBadDefinitionIsRefusedNamingFileLineAndProblem(
      String what, String text, String lineMarker, String path, String message) {
    assertThat(text).as("the fixture was changed").isNotEqualTo(VALID);
    int expectedLine = lineOf(text, lineMarker.split("\n")[0]);
    if (lineMarker.contains("\n")) {
      expectedLine = firstLineOf(text, lineMarker);
    }
    int line = expectedLine;
    assertThatThrownBy(() -> reader.read("fs-broken.yaml", text))
        .isInstanceOfSatisfying(
            DefinitionException.class,
            e -> {
              assertThat(e.problems()).as(e.getMessage()).isNotEmpty();
              DefinitionProblem p = e.problems().get(0);
              assertThat(p.file()).isEqualTo("fs-broken.yaml");
              assertThat(p.message()).as(e.getMessage()).contains(message);
              assertThat(p.path()).as(e.getMessage()).isEqualTo(path);
              assertThat(p.line()).as(e.getMessage()).isEqualTo(line);
              assertThat(p.toString()).startsWith("fs-broken.yaml:" + line + ": ");
            });
  }

  @ParameterizedTest(name = "empty file: {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"", "   \n\n", "# only a comment\n"})
  void anEmptyFileIsRefusedAtLineOne(String text) {
    assertThatThrownBy(() -> reader.read("empty.yaml", text))
        .isInstanceOfSatisfying(
            DefinitionException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .hasToString("empty.yaml:1: the file is empty: nothing to load"));
  }

  @Test
  void aDocumentThatIsNotAMappingIsRefused() {
    assertThatThrownBy(() -> reader.read("list.yaml", "- a\n- b\n"))
        .isInstanceOfSatisfying(
            DefinitionException.class,
            e -> assertThat(e.problems().get(0).toString()).startsWith("list.yaml:1: "));
  }

  @Test
  void reportsEveryReferenceProblemNotJustTheFirst() {
    String text =
        VALID
            .replace(
                "    areas: [water]\n  - key: cultural", "    areas: [lakes]\n  - key: cultural")
            .replace("clause: c-1-2", "clause: c-9-9");
    assertThatThrownBy(() -> reader.read("two.yaml", text))
        .isInstanceOfSatisfying(
            DefinitionException.class,
            e ->
                assertThat(e.problems())
                    .extracting(DefinitionProblem::message)
                    .anyMatch(m -> m.contains("unknown area 'lakes'"))
                    .anyMatch(m -> m.contains("unknown clause 'c-9-9'")));
  }

  private static int firstLineOf(String text, String multiLine) {
    int index = text.indexOf(multiLine);
    assertThat(index).isNotNegative();
    return (int) text.substring(0, index).chars().filter(ch -> ch == '\n').count() + 1;
  }

  private static String normalize(String s) {
    Matcher m = Pattern.compile("\\s+").matcher(s.replace('\u2019', '\'').strip());
    return m.replaceAll(" ");
  }
}

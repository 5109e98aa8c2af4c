package org.entente.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No block of more than ten lines is repeated in src/main: the Java code, the page templates and
 * the product's own scripts and styles. Lines are compared as a reader sees them: white space at
 * the ends, blank lines, comments, imports and lines of lone punctuation do not count. The
 * migrations are left out: a migration that has run is never edited (Flyway checks its checksum).
 */
class DuplicateCodeTest {

  static final int MOST_REPEATED_LINES = 10;

  private static final Pattern LONE_PUNCTUATION = Pattern.compile("[{}()\\[\\];,.\\s]*");

  @Test
  void noBlockOfMoreThanTenLinesIsRepeatedInMain() {
    List<Path> files = new ArrayList<>();
    files.addAll(files(Path.of("src/main/java"), ".java"));
    files.addAll(files(Path.of("src/main/resources/templates"), ".html"));
    files.addAll(files(Path.of("src/main/resources/static"), ".js"));
    files.addAll(files(Path.of("src/main/resources/static"), ".css"));
    assertThat(repeats(files, MOST_REPEATED_LINES + 1)).as("repeated blocks").isEmpty();
  }

  @Test
  void aRepeatedBlockIsFoundAcrossFilesButNotAcrossCommentsAndPunctuation(
      @org.junit.jupiter.api.io.TempDir Path folder) throws IOException {
    List<String> block = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      block.add("    total += value" + i + ";");
      block.add("    }");
      block.add("    // a comment " + i);
    }
    Path one = Files.write(folder.resolve("One.java"), block);
    List<String> other = new ArrayList<>(List.of("class Other {", "  void other() {"));
    other.addAll(block);
    Path two = Files.write(folder.resolve("Two.java"), other);
    assertThat(repeats(List.of(one, two), 11)).hasSize(1);
    assertThat(repeats(List.of(one, two), 12)).isEmpty();
  }

  /** The first place of every run of {@code size} counted lines that stands in two places. */
  static Set<String> repeats(List<Path> files, int size) {
    Map<String, String> first = new HashMap<>();
    Set<String> repeats = new LinkedHashSet<>();
    for (Path file : files) {
      List<String> counted = new ArrayList<>();
      List<Integer> numbers = new ArrayList<>();
      List<String> lines = read(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (counts(line)) {
          counted.add(line);
          numbers.add(i + 1);
        }
      }
      int lastEnd = -1;
      for (int start = 0; start + size <= counted.size(); start++) {
        String window = String.join("\n", counted.subList(start, start + size));
        String here = file + ":" + numbers.get(start);
        String there = first.putIfAbsent(window, here);
        if (there != null && start > lastEnd) {
          repeats.add(here + "-" + numbers.get(start + size - 1) + " repeats " + there);
          lastEnd = start + size - 1;
        }
      }
    }
    return repeats;
  }

  private static boolean counts(String line) {
    return !line.isEmpty()
        && !line.startsWith("//")
        && !line.startsWith("/*")
        && !line.startsWith("*")
        && !line.startsWith("<!--")
        && !line.startsWith("import ")
        && !line.startsWith("package ")
        && !LONE_PUNCTUATION.matcher(line).matches();
  }

  private static List<Path> files(Path root, String ending) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(path -> path.toString().endsWith(ending)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

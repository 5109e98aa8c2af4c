package org.entente.architecture;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The Java files of {@code src/main}, each with its module and its parsed syntax tree. */
final class MainSources {

  static final Path ROOT = Path.of("src/main/java/org/entente");

  private static final Map<Path, CompilationUnit> PARSED = new ConcurrentHashMap<>();

  private MainSources() {}

  static synchronized CompilationUnit parse(String code) {
    StaticJavaParser.setConfiguration(
        new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    return StaticJavaParser.parse(code);
  }

  /** One Java file of src/main. */
  record Source(Path path, String module, List<String> lines) {

    CompilationUnit parse() {
      return PARSED.computeIfAbsent(path, key -> MainSources.parse(String.join("\n", lines)));
    }

    /** The path below {@code org/entente}, as the failure messages name it. */
    String name() {
      return ROOT.relativize(path).toString();
    }
  }

  static List<Source> all() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(path -> path.toString().endsWith(".java"))
          .sorted()
          .map(MainSources::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Source read(Path path) {
    Path relative = ROOT.relativize(path);
    String module = relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
    try {
      return new Source(path, module, Files.readAllLines(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

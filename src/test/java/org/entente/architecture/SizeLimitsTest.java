package org.entente.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.body.CallableDeclaration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The size limits of issue 17, so that later changes keep them: no class file in src/main longer
 * than 500 lines, no method or constructor longer than 80 (annotations included, Javadoc not).
 */
class SizeLimitsTest {

  static final int MOST_LINES_OF_A_FILE = 500;
  static final int MOST_LINES_OF_A_METHOD = 80;

  @Test
  void noJavaFileInMainIsLongerThanFiveHundredLines() {
    List<String> tooLong = new ArrayList<>();
    for (MainSources.Source source : MainSources.all()) {
      if (source.lines().size() > MOST_LINES_OF_A_FILE) {
        tooLong.add(source.name() + ": " + source.lines().size() + " lines");
      }
    }
    assertThat(tooLong).as("files over %d lines", MOST_LINES_OF_A_FILE).isEmpty();
  }

  @Test
  void noMethodOrConstructorInMainIsLongerThanEightyLines() {
    List<String> tooLong = new ArrayList<>();
    for (MainSources.Source source : MainSources.all()) {
      for (CallableDeclaration<?> callable : source.parse().findAll(CallableDeclaration.class)) {
        int lines = lines(callable);
        if (lines > MOST_LINES_OF_A_METHOD) {
          tooLong.add(
              source.name()
                  + ":"
                  + callable.getBegin().orElseThrow().line
                  + " "
                  + callable.getNameAsString()
                  + ": "
                  + lines
                  + " lines");
        }
      }
    }
    assertThat(tooLong).as("methods over %d lines", MOST_LINES_OF_A_METHOD).isEmpty();
  }

  @Test
  void aMethodIsMeasuredFromItsFirstAnnotationToItsClosingBrace() {
    String code =
        """
        class Example {
          /** Not counted. */
          @Deprecated
          void three() {
          }
        }
        """;
    CallableDeclaration<?> method =
        MainSources.parse(code).findFirst(CallableDeclaration.class).orElseThrow();
    assertThat(lines(method)).isEqualTo(3);
  }

  static int lines(CallableDeclaration<?> callable) {
    return callable.getEnd().orElseThrow().line - callable.getBegin().orElseThrow().line + 1;
  }
}

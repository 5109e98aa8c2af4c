package org.entente.definition;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar entente.jar validate FILE...}: checks definition files without starting the
 * server. Exit code 0 when every file is valid, 1 when one is not, 2 for a usage error.
 */
public final class DefinitionCommand {

  private DefinitionCommand() {}

  public static int validate(String[] files, PrintStream out, PrintStream err) {
    if (files.length == 0) {
      err.println("usage: java -jar entente.jar validate FILE.yaml [FILE.yaml ...]");
      return 2;
    }
    DefinitionReader reader = new DefinitionReader();
    int failed = 0;
    for (String file : files) {
      Path path = Path.of(file);
      String text;
      try {
        text = Files.readString(path);
      } catch (MalformedInputException e) {
        err.println(file + ":1: the file is not UTF-8 text");
        failed++;
        continue;
      } catch (IOException e) {
        err.println(file + ": cannot read: " + e.getMessage());
        failed++;
        continue;
      }
      try {
        Definition definition = reader.read(path.getFileName().toString(), text);
        out.println(
            file
                + ": valid — charter '"
                + definition.charter().key()
                + "', "
                + definition.charter().commitments().size()
                + " commitments, "
                + definition.charter().workingGroups().size()
                + " working groups, "
                + definition.rules().size()
                + " obligation rules");
      } catch (DefinitionException e) {
        e.problems().forEach(p -> err.println(p.toString().replaceFirst("^[^:]+", file)));
        failed++;
      }
    }
    return failed == 0 ? 0 : 1;
  }
}

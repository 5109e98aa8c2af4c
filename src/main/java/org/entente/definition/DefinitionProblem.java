package org.entente.definition;

/**
 * One thing wrong with a definition file.
 *
 * @param file the file's name
 * @param line the line, from 1
 * @param path where in the document, e.g. {@code commitments[3].areas[0]}; empty for the whole file
 * @param message what is wrong, in words
 */
public record DefinitionProblem(String file, int line, String path, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}

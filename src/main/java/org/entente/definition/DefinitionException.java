package org.entente.definition;

import java.util.List;
import java.util.stream.Collectors;

/** A definition that cannot be loaded, with every problem found in it. */
public class DefinitionException extends RuntimeException {

  private final transient List<DefinitionProblem> problems;

  public DefinitionException(List<DefinitionProblem> problems) {
    super(problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<DefinitionProblem> problems() {
    return problems;
  }
}

package org.entente.shared;

/**
 * Which page of a list to return. Sizes are bounded so that nobody can ask for a whole table at
 * once.
 */
public record Paging(int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  public Paging {
    if (page < 0) {
      throw new BadRequestException("page", "page must be 0 or more, was " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new BadRequestException(
          "size", "size must be between 1 and " + MAX_SIZE + ", was " + size);
    }
  }

  /** Reads optional request parameters, with the defaults for what is missing. */
  public static Paging of(Integer page, Integer size) {
    return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
  }
}

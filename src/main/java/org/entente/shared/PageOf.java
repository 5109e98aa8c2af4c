package org.entente.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list.
 *
 * @param items the records on this page
 * @param page the page number, from 0
 * @param size the most records a page holds
 * @param totalItems how many records the whole list has
 */
public record PageOf<T>(List<T> items, int page, int size, long totalItems) {

  public int totalPages() {
    return size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
  }

  public <R> PageOf<R> map(Function<T, R> mapper) {
    return new PageOf<>(items.stream().map(mapper).toList(), page, size, totalItems);
  }

  /** Cuts one page out of a list that is already whole in memory. */
  public static <T> PageOf<T> slice(List<T> all, Paging paging) {
    int from = (int) Math.min((long) paging.page() * paging.size(), all.size());
    int to = Math.min(from + paging.size(), all.size());
    return new PageOf<>(all.subList(from, to), paging.page(), paging.size(), all.size());
  }
}

package org.migrationkit.sms;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The items of a list operation ({@code ListTasks}, {@code ListServers}, ...), fetched one page at
 * a time as they are iterated: nothing is fetched before the first item is asked for, and never
 * more than one page is held.
 *
 * <pre>{@code
 * for (TasksResponseBody task : sms.listTasksPaginator(ListTasksRequest.builder().limit(100).build())) {
 *   System.out.println(task.getName());
 * }
 * long running = sms.listTasksPaginator(request).stream().filter(t -> ...).count();
 * }</pre>
 *
 * <p>Pages follow the service's limit/offset paging: each page asks for the next offset (the item
 * offset) with the request's {@code limit} (the service's default when unset), and paging stops
 * once the items reach the {@code count} the service reported, or a page comes back empty. Each
 * iteration ({@link #iterator()}, {@link #stream()}) starts again from the request's offset. A
 * failed page fetch throws the call's {@link SmsException} from {@code hasNext()} or {@code
 * next()}.
 *
 * <p>Immutable; each iterator is for one thread.
 *
 * @param <T> the item type
 */
public final class SmsPaginator<T> implements Iterable<T> {
  private final int firstOffset;
  private final PageSource<T> source;

  /** Fetches the page starting at an item offset. */
  @FunctionalInterface
  interface PageSource<T> {
    Page<T> fetch(int offset);
  }

  /** One page: its items, and the total number of items the service counted, when it said. */
  record Page<T>(List<T> items, @Nullable Integer count) {}

  SmsPaginator(int firstOffset, PageSource<T> source) {
    if (firstOffset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + firstOffset);
    }
    this.firstOffset = firstOffset;
    this.source = Objects.requireNonNull(source, "source");
  }

  /** {@return an iterator that fetches pages as it goes, starting at the request's offset} */
  @Override
  public Iterator<T> iterator() {
    return new PageIterator();
  }

  /** {@return a sequential, lazy stream of the items; pages are fetched as it is consumed} */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public String toString() {
    return "SmsPaginator{offset=" + firstOffset + "}";
  }

  /**
   * Walks the pages: {@code items} is the current page, which starts at item offset {@code
   * pageStart}; {@code index} is the next item in it.
   */
  private final class PageIterator implements Iterator<T> {
    private List<T> items = List.of();
    private int pageStart = firstOffset;
    private int index;
    private @Nullable Integer total;
    private boolean exhausted;

    @Override
    public boolean hasNext() {
      while (true) {
        if (exhausted) {
          return false;
        }
        if (total != null && pageStart + index >= total) {
          exhausted = true; // the service counted no more, whatever a page lists
          return false;
        }
        if (index < items.size()) {
          return true;
        }
        int offset = pageStart + items.size();
        Page<T> page = source.fetch(offset);
        pageStart = offset;
        items = page.items();
        index = 0;
        total = page.count();
        if (items.isEmpty()) {
          exhausted = true; // also ends a service that reports more than it lists
        }
      }
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return items.get(index++);
    }
  }
}

package org.migrationkit.sms.testing;

import java.util.List;
import java.util.function.Function;

/**
 * A list operation's answer, written here rather than by the model's codec: the service always
 * sends the array, empty when nothing matches ({@code {"count":0,"tasks":[]}}), and the official
 * SDKs hand their users {@code null} when it is missing. {@code count} is the number of all
 * matches, whatever the page.
 */
final class ListBody {
  private ListBody() {}

  /** Returns the 200 answer listing {@code page} under {@code member}, out of {@code count}. */
  static <T> Answer of(int count, String member, List<T> page, Function<T, String> toJson) {
    StringBuilder json = new StringBuilder(64 + page.size() * 512);
    json.append("{\"count\":").append(count).append(",\"").append(member).append("\":[");
    for (int i = 0; i < page.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append(toJson.apply(page.get(i)));
    }
    return Answer.json(200, json.append("]}").toString());
  }
}

package org.migrationkit.sms.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A path such as {@code /v3/tasks/{task_id}} whose parameters are each percent-encoded as exactly
 * one segment: everything but the RFC 3986 unreserved characters is encoded, so {@code /}, {@code
 * ?}, {@code #}, {@code %}, spaces and non-ASCII can never change which resource is addressed.
 */
final class PathTemplate {
  private final String template;
  private final List<String> literals;

  private PathTemplate(String template, List<String> literals) {
    this.template = template;
    this.literals = literals;
  }

  static PathTemplate parse(String template) {
    List<String> literals = new ArrayList<>();
    int start = 0;
    int open;
    while ((open = template.indexOf('{', start)) >= 0) {
      int close = template.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed parameter in path template " + template);
      }
      literals.add(template.substring(start, open));
      start = close + 1;
    }
    literals.add(template.substring(start));
    return new PathTemplate(template, List.copyOf(literals));
  }

  String expand(List<String> values) {
    if (values.isEmpty() && literals.size() == 1) {
      return template; // a path without parameters is used as declared
    }
    if (values.size() != literals.size() - 1) {
      throw new IllegalArgumentException(
          template + " takes " + (literals.size() - 1) + " parameters, got " + values.size());
    }
    StringBuilder s = new StringBuilder(template.length() + 48);
    for (int i = 0; i < values.size(); i++) {
      s.append(literals.get(i));
      PercentEncoding.append(s, values.get(i));
    }
    return s.append(literals.get(literals.size() - 1)).toString();
  }

  @Override
  public String toString() {
    return template;
  }
}

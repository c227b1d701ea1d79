package org.migrationkit.sms.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A plain-text table: a header row and left-aligned columns two spaces apart, missing values as
 * {@code -}. The last column is not padded, so lines carry no trailing blanks.
 *
 * <pre>{@code
 * TextTable table = new TextTable("ID", "NAME", "STATE");
 * table.row(task.getId(), task.getName(), String.valueOf(task.getState()));
 * table.print(out);
 * }</pre>
 */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  TextTable(String... header) {
    this.columns = header.length;
    rows.add(header.clone());
  }

  /** Adds a row of {@code columns} cells; {@code null} prints as {@code -}. */
  TextTable row(@Nullable Object... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells in a table of " + columns + " columns");
    }
    String[] row = new String[columns];
    for (int i = 0; i < columns; i++) {
      row[i] = cells[i] == null ? "-" : Failures.oneLine(String.valueOf(cells[i]));
    }
    rows.add(row);
    return this;
  }

  /** {@return the rows added, the header not counted} */
  int size() {
    return rows.size() - 1;
  }

  void print(PrintWriter out) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          char[] pad = new char[widths[i] - row[i].length() + 2];
          Arrays.fill(pad, ' ');
          line.append(pad);
        }
      }
      out.println(line);
    }
    out.flush();
  }
}

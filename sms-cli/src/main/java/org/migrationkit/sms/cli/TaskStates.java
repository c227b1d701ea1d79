package org.migrationkit.sms.cli;

import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import org.migrationkit.sms.model.TaskState;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --state}: one of the documented task states, in any case; the shell completes them. The
 * model keeps states it does not know, but a filter with a typo would silently match nothing.
 */
final class TaskStates implements ITypeConverter<TaskState>, Iterable<String> {
  @Override
  public TaskState convert(String value) {
    TaskState state = TaskState.of(value.strip().toUpperCase(Locale.ROOT));
    if (!state.isKnown()) {
      throw new TypeConversionException(
          "'" + value + "' is not a task state; one of " + String.join(", ", this));
    }
    return state;
  }

  /** The completion candidates: every documented state. */
  @Override
  public Iterator<String> iterator() {
    return TaskState.knownValues().stream()
        .map(TaskState::value)
        .collect(Collectors.toList())
        .iterator();
  }
}

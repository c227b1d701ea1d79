package org.migrationkit.sms.testing.junit5;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that only {@link Kit} runs: in any other launch (Surefire's, an IDE's, a
 * {@code -Dtest} pattern that matches nested classes) it is disabled. Kit sets the configuration
 * parameter {@value #PARAMETER}; a configuration parameter belongs to one launch, so a concurrent
 * build sees nothing of it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LaunchedByKit.Condition.class)
@interface LaunchedByKit {
  String PARAMETER = "org.migrationkit.sms.testing.junit5.launchedByKit";

  /** Enables the class only in a launch with {@link #PARAMETER}. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER).isPresent()
          ? ConditionEvaluationResult.enabled("launched by Kit")
          : ConditionEvaluationResult.disabled("runs only when Kit launches it");
    }
  }
}

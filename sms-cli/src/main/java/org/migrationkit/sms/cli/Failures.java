package org.migrationkit.sms.cli;

import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns what went wrong into one line on standard error and an exit code: bad usage and
 * configuration {@link ExitCodes#USAGE}, a refused or failed call {@link ExitCodes#SERVICE}. The
 * SDK's messages already leave secrets out; {@code --verbose} adds the stack trace.
 */
final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    String name = cli.getCommandSpec().qualifiedName();
    PrintWriter err = cli.getErr();
    err.println(name + ": " + oneLine(e.getMessage()) + " (see '" + name + " --help')");
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    int code;
    String message;
    if (e instanceof UsageException || e instanceof IllegalArgumentException) {
      code = ExitCodes.USAGE;
      message = e.getMessage();
    } else if (e instanceof SmsException) {
      code = ExitCodes.SERVICE;
      message = e.getMessage();
    } else {
      code = ExitCodes.SERVICE;
      message = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    err.println("sms: " + oneLine(message));
    if (SmsCli.of(cli.getCommandSpec()).verbose()) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** {@return the text on one line, for messages that quote a service's or a file's text} */
  static String oneLine(@Nullable String text) {
    if (text == null) {
      return "(no message)";
    }
    return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}

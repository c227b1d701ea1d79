package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.internal.ErrorResponses;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * Mutated and truncated versions of the API page's example bodies (seeded): reading them either
 * succeeds or fails with an {@link SmsException} whose message is one line; nothing else ever
 * escapes. Thousands of cases go straight to the readers, a few hundred through a real client.
 */
class JsonFuzzTest {
  private static final long SEED = 42L;
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String TASK_200 = Fixtures.text(Fixtures.SHOW_TASK_200);
  private static final String ERROR_403 = Fixtures.text(Fixtures.SHOW_TASK_403);

  private static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "null",
    "true",
    "false",
    "-",
    "0",
    "-0",
    "1e999",
    "-1e999",
    "1e-999",
    "NaN",
    "Infinity",
    "99999999999999999999999999",
    "-9223372036854775809",
    "9223372036854775807",
    "2147483648",
    "0.1",
    "1.5e300",
    "\\",
    "\\u",
    "\\uD800",
    "\\u0000",
    "\u0000",
    "\t",
    "\n",
    "\r",
    "\uFEFF",
    "\uD83D\uDE00",
    "\uD800",
    "\uDFFF",
    "é",
    "中",
    "/*",
    "//",
    "'",
    " ",
    "{}",
    "[]",
    "[[[[",
    "]]]]",
    "{\"a\":",
    "\"\":\"\"",
    "\"sub_tasks\":",
    "\"state\":"
  };

  private static final String[] VALUES = {
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1.5",
    "1e400",
    "-1e400",
    "123456789012345678901234567890",
    "\"\"",
    "\"x\"",
    "\"2020-08-26T10:00:00Z\"",
    "\"1598435778000\"",
    "\"RUNNING\"",
    "\"NO_SUCH_STATE\"",
    "{}",
    "[]",
    "[1,2]",
    "[null]",
    "{\"id\":null}",
    "[{}]",
    "\"\\u0000\"",
    "9223372036854775808",
    "-9223372036854775809",
    "1.0E308",
    "2147483648",
    "-2147483649",
    "\"\\uD800\"",
    "[[[]]]",
    "{\"name\":{\"name\":[]}}",
    "0.0000001",
    "-0.0",
    "\"true\"",
    "\"1.5\"",
    "\"  7  \""
  };

  // ---- mutation ----

  /** Applies one to three random mutations. */
  static String mutate(String json, Random r) {
    StringBuilder s = new StringBuilder(json);
    int mutations = 1 + r.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      int length = s.length();
      int at = length == 0 ? 0 : r.nextInt(length);
      switch (r.nextInt(8)) {
        case 0 -> s.setLength(r.nextInt(length + 1)); // truncate
        case 1 -> s.delete(at, Math.min(length, at + 1 + r.nextInt(20)));
        case 2 -> s.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
        case 3 -> replaceValue(s, r);
        case 4 -> {
          int end = Math.min(length, at + 1 + r.nextInt(60));
          s.insert(end, s.substring(at, end)); // duplicate a span
        }
        case 5 -> {
          if (length > 1) {
            int i = Math.min(at, length - 2);
            char c = s.charAt(i);
            s.setCharAt(i, s.charAt(i + 1));
            s.setCharAt(i + 1, c);
          }
        }
        case 6 -> {
          if (length > 0) {
            s.setCharAt(at, (char) r.nextInt(0x3000));
          }
        }
        default -> replaceValue(s, r);
      }
    }
    return s.toString();
  }

  /** Replaces the value after a random {@code :} with a value of a random type. */
  private static void replaceValue(StringBuilder s, Random r) {
    List<Integer> colons = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ':') {
        colons.add(i);
      }
    }
    if (colons.isEmpty()) {
      return;
    }
    int start = colons.get(r.nextInt(colons.size())) + 1;
    while (start < s.length() && s.charAt(start) == ' ') {
      start++;
    }
    int end = valueEnd(s, start);
    s.replace(start, end, VALUES[r.nextInt(VALUES.length)]);
  }

  private static int valueEnd(CharSequence s, int start) {
    if (start >= s.length()) {
      return start;
    }
    char first = s.charAt(start);
    int i = start + 1;
    if (first == '"') {
      while (i < s.length() && s.charAt(i) != '"') {
        i += s.charAt(i) == '\\' ? 2 : 1;
      }
      return Math.min(s.length(), i + 1);
    }
    if (first == '{' || first == '[') {
      int depth = 1;
      while (i < s.length() && depth > 0) {
        char c = s.charAt(i++);
        depth += (c == '{' || c == '[') ? 1 : (c == '}' || c == ']') ? -1 : 0;
      }
      return i;
    }
    while (i < s.length() && ",}] \n".indexOf(s.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  /** Flips, inserts or removes raw bytes, so the body need not even be UTF-8. */
  static byte[] mutateBytes(byte[] body, Random r) {
    byte[] out = body.clone();
    int flips = 1 + r.nextInt(4);
    for (int i = 0; i < flips && out.length > 0; i++) {
      out[r.nextInt(out.length)] = (byte) (0x80 + r.nextInt(0x80));
    }
    return out;
  }

  private static List<String> edgeCases(String body) {
    return List.of(
        "",
        " ",
        "null",
        "[]",
        "\"text\"",
        "42",
        "{",
        "}",
        "{}",
        "{}{}",
        body + body,
        body + "x",
        "\uFEFF" + body,
        "[".repeat(5000),
        "{\"sub_tasks\":" + "[".repeat(3000),
        "{\"priority\":" + "9".repeat(5000) + "}",
        "{\"migrate_speed\":1" + "0".repeat(2000) + "}",
        "{\"name\":\"" + "x".repeat(200_000) + "\"}",
        "{\"id\":\"\\uD800\"}",
        "{\"id\":\"a\\u0000b\"}");
  }

  // ---- the readers directly ----

  @Test
  void fromJson_thousandsOfMutatedTaskBodies_throwOnlySmsClientException() {
    Random r = new Random(SEED);
    List<String> inputs = new ArrayList<>(edgeCases(TASK_200));
    for (int i = 0; i < 3000; i++) {
      inputs.add(mutate(TASK_200, r));
    }

    List<String> escaped = new ArrayList<>();
    int rejected = 0;
    for (String input : inputs) {
      try {
        ShowTaskResponse.fromJson(input);
      } catch (SmsClientException e) {
        rejected++;
        if (e.getMessage() == null
            || e.getMessage().contains("\n")
            || e.getMessage().contains("\r")) {
          escaped.add("message not one line: " + e.getMessage() + " <- " + preview(input));
        }
      } catch (Throwable t) {
        escaped.add(t + " <- " + preview(input));
      }
    }

    assertThat(escaped).as("%d of %d inputs escaped", escaped.size(), inputs.size()).isEmpty();
    assertThat(rejected).isGreaterThan(inputs.size() / 4); // the mutations do break things
    System.out.println("fromJson fuzz: " + inputs.size() + " inputs, " + rejected + " rejected");
  }

  @Test
  void errorResponses_thousandsOfMutated403Bodies_alwaysGiveAnSmsServiceException() {
    Random r = new Random(SEED + 1);
    List<byte[]> inputs = new ArrayList<>();
    for (String edge : edgeCases(ERROR_403)) {
      inputs.add(edge.getBytes(StandardCharsets.UTF_8));
    }
    for (int i = 0; i < 2000; i++) {
      byte[] text = mutate(ERROR_403, r).getBytes(StandardCharsets.UTF_8);
      inputs.add(i % 4 == 0 ? mutateBytes(text, r) : text);
    }

    List<String> escaped = new ArrayList<>();
    for (byte[] input : inputs) {
      try {
        int length = Math.min(input.length, ErrorResponses.MAX_ERROR_BODY);
        SmsServiceException e = ErrorResponses.toException(403, "req-fuzz", input, length);
        if (e.getStatusCode() != 403
            || e.getMessage().contains("\n")
            || e.getMessage().contains("\r")) {
          escaped.add("bad exception: " + e.getMessage() + " <- " + preview(input));
        }
      } catch (Throwable t) {
        escaped.add(t + " <- " + preview(input));
      }
    }

    assertThat(escaped).as("%d of %d inputs escaped", escaped.size(), inputs.size()).isEmpty();
  }

  // ---- through a client ----

  @Test
  void showTask_mutatedBodiesServed_failOnlyWithTheTypedException() throws Exception {
    Random r = new Random(SEED + 2);
    AtomicReference<byte[]> answer = new AtomicReference<>();
    List<String> escaped = new ArrayList<>();
    int cases = 0;
    try (RawServer server = RawServer.answering(head -> answer.get());
        SmsClient sms =
            SmsClient.builder()
                .endpoint(server.baseUrl())
                .credentials(
                    Credentials.akSk(
                        "HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno"))
                .retryPolicy(RetryPolicy.none())
                .build()) {
      for (int i = 0; i < 240; i++) {
        boolean ok = i % 2 == 0;
        String text = mutate(ok ? TASK_200 : ERROR_403, r);
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (i % 6 < 2) {
          body = mutateBytes(body, r);
        }
        answer.set(
            ok
                ? RawServer.response(200, "OK", "", body)
                : RawServer.response(403, "Forbidden", "X-Request-Id: req-403\r\n", body));
        boolean async = i % 4 >= 2;
        cases++;
        Throwable failure = null;
        try {
          if (async) {
            sms.showTaskAsync(TASK_ID).get(10, TimeUnit.SECONDS);
          } else {
            sms.showTask(TASK_ID);
          }
        } catch (ExecutionException e) {
          failure = e.getCause();
        } catch (Throwable t) {
          failure = t;
        }
        String problem = check(ok, failure);
        if (problem != null) {
          escaped.add((async ? "async " : "sync ") + problem + " <- " + preview(body));
        }
      }
    }

    assertThat(escaped).as("%d of %d served bodies", escaped.size(), cases).isEmpty();
  }

  /** Returns what is wrong with a call's outcome, or {@code null}. */
  private static String check(boolean ok, Throwable failure) {
    if (ok) {
      if (failure == null) {
        return null; // the mutation left a readable task
      }
      if (failure.getClass() != SmsClientException.class) {
        return "2xx ended with " + failure;
      }
    } else {
      if (!(failure instanceof SmsServiceException)) {
        return "403 ended with " + failure;
      }
      if (((SmsServiceException) failure).getStatusCode() != 403) {
        return "403 reported as " + failure;
      }
    }
    String message = failure.getMessage();
    return message.contains("\n") || message.contains("\r")
        ? "message not one line: " + message
        : null;
  }

  private static String preview(String input) {
    String s =
        input.length() > 160
            ? input.substring(0, 160) + "...(" + input.length() + " chars)"
            : input;
    return s.replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String preview(byte[] input) {
    return preview(new String(input, StandardCharsets.UTF_8));
  }
}

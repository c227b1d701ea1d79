package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testsupport.PercentDecoder;

/**
 * Thousands of random task ids (seeded), control characters, reserved characters, dot segments and
 * non-BMP text included: a valid id always reaches the server as {@code GET /v3/tasks/<one encoded
 * segment>} that decodes back to it; an invalid one is refused before anything is sent.
 */
class TaskIdFuzzTest {
  private static final long SEED = 4242L;
  private static final int CASES = 2000;
  private static final Pattern REQUEST_LINE =
      Pattern.compile("GET /v3/tasks/((?:[A-Za-z0-9\\-._~]|%[0-9A-F]{2})+) HTTP/1\\.1");
  private static final byte[] NOT_FOUND =
      RawServer.response(
          404,
          "Not Found",
          "",
          "{\"error_code\":\"SMS.0205\",\"error_msg\":\"no such task\"}"
              .getBytes(StandardCharsets.UTF_8));

  private static final String[] SPECIAL = {
    ".",
    "..",
    "...",
    "./",
    "../",
    "/..",
    "../x",
    "a/../b",
    "%2e",
    "%2E%2E",
    "%",
    "%%",
    "%2",
    "%zz",
    "%2F",
    "?",
    "#",
    "/",
    "//",
    "?a=b",
    "#frag",
    "a b",
    "+",
    "&",
    ";",
    "=",
    "\\",
    "\u0000",
    "\n",
    "\r\n",
    "\t",
    "\u007F",
    "\u0085",
    "\u00A0",
    "\u2028",
    "\u3000",
    "\uFEFF",
    "中文",
    "\uD83D\uDE80",
    "\uD83D\uDE80\uD83D\uDE80",
    "é",
    "e\u0301",
    "HTTP/1.1",
    " HTTP/1.1\r\nHost: evil",
    "~",
    "-_.~",
    "",
    " ",
    "  ",
    "\u2003"
  };

  /** Pools the characters of random ids are drawn from; surrogate pairs are added whole. */
  private static final String[] POOLS = {
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~",
    "/?#[]@!$&'()*+,;=%:",
    " \t\n\r\u000B\f\u0000\u0001\u001B\u001F\u007F",
    "\u0080\u0085\u009F\u00A0\u00E9\u00FF\u0100\u2028\u2029\u3000\uFEFF\uFFFD\uFFFF",
    "中文任务迁移",
    ".."
  };

  private static final BlockingQueue<String> requestLines = new LinkedBlockingQueue<>();
  private static RawServer server;
  private static SmsClient sms;

  @BeforeAll
  static void startRecordingServer() {
    server =
        RawServer.start(
            socket -> {
              String head;
              while ((head = RawServer.readHead(socket.getInputStream())) != null) {
                requestLines.add(RawServer.requestLine(head));
                socket.getOutputStream().write(NOT_FOUND);
                socket.getOutputStream().flush();
              }
            });
    sms =
        SmsClient.builder()
            .endpoint(server.baseUrl())
            .credentials(
                Credentials.akSk(
                    "HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno"))
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterAll
  static void stopServer() {
    sms.close();
    server.close();
  }

  /** Returns a random id of 0 to 270 UTF-16 units, never splitting a surrogate pair. */
  static String randomId(Random r) {
    if (r.nextInt(10) == 0) {
      return SPECIAL[r.nextInt(SPECIAL.length)];
    }
    int length =
        switch (r.nextInt(4)) {
          case 0 -> 1 + r.nextInt(3);
          case 1 -> 1 + r.nextInt(40);
          case 2 -> 250 + r.nextInt(10); // around the limit
          default -> r.nextInt(271);
        };
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) {
      int kind = r.nextInt(POOLS.length + 1);
      if (kind == POOLS.length) {
        if (s.length() + 2 <= length) {
          s.appendCodePoint(0x10000 + r.nextInt(0x10FFFF - 0x10000)); // a surrogate pair
        }
        continue;
      }
      String pool = POOLS[kind];
      s.append(pool.charAt(r.nextInt(pool.length())));
    }
    return s.toString();
  }

  /** The documented rule: 1 to 255 characters, not blank, not a dot segment. */
  static boolean isValid(String id) {
    return !id.isEmpty()
        && id.length() <= 255
        && !id.isBlank()
        && !id.equals(".")
        && !id.equals("..");
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Sends one id; returns what is wrong, or {@code null}. */
  private static String check(String id) throws InterruptedException {
    if (!isValid(id)) {
      try {
        sms.showTask(id);
        return "accepted an invalid id";
      } catch (IllegalArgumentException expected) {
        String sent = requestLines.poll();
        return sent == null ? null : "refused, but sent " + sent;
      } catch (RuntimeException e) {
        return "threw " + e;
      }
    }
    try {
      sms.showTask(id);
      return "the server's 404 did not arrive as an exception";
    } catch (SmsServiceException e) {
      if (e.getStatusCode() != 404) {
        return "got " + e.getMessage();
      }
    } catch (RuntimeException e) {
      return "threw " + e;
    }
    String line = requestLines.poll(5, TimeUnit.SECONDS);
    if (line == null) {
      return "no request arrived";
    }
    Matcher m = REQUEST_LINE.matcher(line);
    if (!m.matches()) {
      return "request line " + printable(line);
    }
    String decoded;
    try {
      decoded = PercentDecoder.decode(m.group(1));
    } catch (IllegalArgumentException e) {
      return "segment does not decode: " + m.group(1);
    }
    return decoded.equals(id)
        ? null
        : "segment " + m.group(1) + " decodes to " + printable(decoded);
  }

  @Test
  void showTask_thousandsOfRandomIds_eachSentAsOneEncodedSegmentOrRefused() throws Exception {
    Random r = new Random(SEED);
    List<String> problems = new ArrayList<>();
    int valid = 0;
    for (int i = 0; i < CASES; i++) {
      String id = randomId(r);
      if (isValid(id)) {
        valid++;
      }
      String problem = check(id);
      if (problem != null) {
        problems.add(printable(id) + ": " + problem);
      }
    }

    assertThat(problems).as("%d of %d ids", problems.size(), CASES).isEmpty();
    assertThat(valid).isBetween(CASES / 2, CASES - 100); // both kinds were tried
    assertThat(requestLines).isEmpty();
    System.out.println("task id fuzz: " + CASES + " ids, " + valid + " valid");
  }

  /**
   * A lone surrogate has no UTF-8 form; encoding it as {@code ?} would address another task, so
   * such an id must be refused before anything is sent (as {@code TaskIdPathTest} also demands).
   */
  @Test
  void showTask_randomIdsWithLoneSurrogates_areRefusedBeforeSending() throws Exception {
    Random r = new Random(SEED + 2);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      StringBuilder id = new StringBuilder(randomId(r).replace(" ", "x"));
      if (id.length() > 250 || id.toString().isBlank()) {
        id.setLength(0);
        id.append("task");
      }
      char lone = (char) (r.nextBoolean() ? 0xD800 + r.nextInt(0x400) : 0xDC00 + r.nextInt(0x400));
      id.insert(r.nextInt(id.length() + 1), lone);
      if (!hasLoneSurrogate(id.toString())) {
        continue; // the inserted half completed a pair
      }
      try {
        sms.showTask(id.toString());
        problems.add(printable(id.toString()) + ": accepted");
      } catch (IllegalArgumentException expected) {
        // refused
      } catch (SmsServiceException e) {
        problems.add(
            printable(id.toString())
                + ": sent as "
                + printable(requestLines.poll(5, TimeUnit.SECONDS)));
      }
      requestLines.clear();
    }

    assertThat(problems).as("%d ids with a lone surrogate", problems.size()).isEmpty();
  }

  private static String printable(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.length() > 200 ? out.substring(0, 200) + "..." : out.toString();
  }
}

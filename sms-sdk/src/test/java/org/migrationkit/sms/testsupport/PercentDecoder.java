package org.migrationkit.sms.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict RFC 3986 percent-decoding: {@code %XX} becomes its byte, every other character stands for
 * itself ({@code +} stays {@code +}); a malformed escape or bytes that are not UTF-8 fail, so a
 * test never mistakes a garbled id for the one it sent.
 */
public final class PercentDecoder {
  private PercentDecoder() {}

  /** Returns the UTF-8 text that {@code encoded} stands for. */
  public static String decode(String encoded) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(decodeToBytes(encoded)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8 once decoded: " + encoded, e);
    }
  }

  /** Returns the bytes that {@code encoded} stands for. */
  public static byte[] decodeToBytes(String encoded) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c != '%') {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      if (i + 2 >= encoded.length()) {
        throw new IllegalArgumentException("truncated escape in " + encoded);
      }
      int hi = Character.digit(encoded.charAt(i + 1), 16);
      int lo = Character.digit(encoded.charAt(i + 2), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("malformed escape in " + encoded);
      }
      out.write((hi << 4) | lo);
      i += 2;
    }
    return out.toByteArray();
  }
}

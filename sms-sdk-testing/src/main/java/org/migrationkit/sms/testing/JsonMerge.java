package org.migrationkit.sms.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * Merges the members of a change into a stored object, as an update operation does: every member
 * the change has replaces the stored one whole, every other member stays. The models' {@code
 * toJson()} leaves out nulls and empty lists, so "has" means "was sent".
 */
final class JsonMerge {
  private JsonMerge() {}

  /** Returns {@code base} with the top-level members of {@code change} put over it. */
  static String members(String base, String change) {
    try {
      Set<String> changed = new HashSet<>();
      try (JsonParser p = JsonValues.FACTORY.createParser(change)) {
        for (p.nextToken(); p.nextToken() == JsonToken.FIELD_NAME; p.skipChildren()) {
          changed.add(p.currentName());
          p.nextToken();
        }
      }
      StringWriter out = new StringWriter(base.length() + change.length());
      try (JsonGenerator g = JsonValues.FACTORY.createGenerator(out)) {
        g.writeStartObject();
        copyMembers(base, changed, g);
        copyMembers(change, Set.of(), g);
        g.writeEndObject();
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // both texts come from toJson()
    }
  }

  private static void copyMembers(String json, Set<String> skip, JsonGenerator g)
      throws IOException {
    try (JsonParser p = JsonValues.FACTORY.createParser(json)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (skip.contains(name)) {
          p.skipChildren();
        } else {
          g.writeFieldName(name);
          g.copyCurrentStructure(p);
        }
      }
    }
  }
}

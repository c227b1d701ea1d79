package org.migrationkit.sms.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.migrationkit.sms.jackson.SmsJacksonModule;
import org.migrationkit.sms.model.ShowTaskResponse;

/** The compatibility guide's examples; DocSnippetsTest runs them. */
final class CompatibilitySnippets {
  private CompatibilitySnippets() {}

  static ShowTaskResponse jacksonModule(ShowTaskResponse task) throws Exception {
    // [START jackson-module]
    ObjectMapper mapper = new ObjectMapper().registerModule(new SmsJacksonModule());
    String json = mapper.writeValueAsString(task); // exactly task.toJson()
    ShowTaskResponse copy = mapper.readValue(json, ShowTaskResponse.class);
    // [END jackson-module]
    return copy;
  }
}

package org.migrationkit.sms.internal;

import java.util.List;
import org.migrationkit.sms.internal.json.ModelJson;
import org.migrationkit.sms.model.ShowTaskRequest;
import org.migrationkit.sms.model.ShowTaskResponse;

/** The SMS operations this SDK implements, one declaration each. */
public final class Operations {
  private Operations() {}

  /** "Querying Details About a Migration Task". */
  public static final Operation<ShowTaskRequest, ShowTaskResponse> SHOW_TASK =
      Operation.<ShowTaskRequest>builder("ShowTask", "GET", "/v3/tasks/{task_id}")
          .path(request -> List.of(request.getTaskId()))
          .readsModel(ModelJson::readShowTaskResponse);
}

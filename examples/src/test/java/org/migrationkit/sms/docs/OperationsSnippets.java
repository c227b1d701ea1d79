package org.migrationkit.sms.docs;

import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.model.ListServersRequest;
import org.migrationkit.sms.model.ListTasksRequest;
import org.migrationkit.sms.model.SourceServerState;
import org.migrationkit.sms.model.TasksResponseBody;

/** The operations guide's examples; DocSnippetsTest runs them against the simulator. */
final class OperationsSnippets {
  private OperationsSnippets() {}

  static long paging(SmsClient sms) {
    // [START paging]
    for (TasksResponseBody task :
        sms.listTasksPaginator(ListTasksRequest.builder().limit(100).build())) {
      System.out.println(task.getName() + " " + task.getState());
    }
    long failed =
        sms.listServersPaginator(ListServersRequest.builder().build()).stream()
            .filter(s -> SourceServerState.ERROR.equals(s.getState()))
            .count();
    // [END paging]
    return failed;
  }
}

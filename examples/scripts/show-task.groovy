// Shows a migration task from Groovy, with property syntax over the SDK's getters
// (task.sourceServer.osType is task.getSourceServer().getOsType()).
//
//   groovy examples/scripts/show-task.groovy <task-id>     (with CLOUD_SDK_AK and CLOUD_SDK_SK set)
//   groovy examples/scripts/show-task.groovy               (no keys: the embedded simulator)
//
// Needs the SDK in a Maven repository Grape can see (`mvn install` while it is a SNAPSHOT).
// Not compiled by the build: it is not a .java file.

@Grab('org.migrationkit:sms-sdk:0.1.0-SNAPSHOT')
@Grab('org.migrationkit:sms-sdk-testing:0.1.0-SNAPSHOT')
import java.time.Duration
import org.migrationkit.sms.SmsClient
import org.migrationkit.sms.WaitOptions
import org.migrationkit.sms.auth.Credentials
import org.migrationkit.sms.model.TaskState
import org.migrationkit.sms.testing.SmsSimulator
import org.migrationkit.sms.testing.TaskScript

def ak = System.getenv('CLOUD_SDK_AK')
def sk = System.getenv('CLOUD_SDK_SK')
def simulator = null
def credentials
def endpoint
def taskId
if (ak && sk && args) {
    credentials = Credentials.akSk(ak, sk)
    taskId = args[0]
} else {
    credentials = Credentials.akSk('demo-access-key', 'demo-secret-key')
    simulator = SmsSimulator.start(credentials)
    simulator.script('demo-task', TaskScript.builder()
            .subTask('CREATE_CLOUD_SERVER', 2)
            .subTask('MIGRATE_LINUX_FILE', 4)
            .succeed()
            .build())
    endpoint = simulator.endpoint()
    taskId = 'demo-task'
}

def builder = SmsClient.builder().credentials(credentials)
endpoint ? builder.endpoint(endpoint) : builder.region(System.getenv('SMS_REGION') ?: 'ap-southeast-1')
def sms = builder.build()
try {
    def task = sms.showTask(taskId)
    println "${task.name}: ${task.state}"
    println "source ${task.sourceServer?.name} runs ${task.sourceServer?.osType} ${task.sourceServer?.osVersion}"
    task.subTasks.each { println "  ${it.name.padRight(24)} ${it.progress}%" }
    println "running sub-tasks: ${task.subTasks.findAll { it.startDate && !it.endDate }*.name}"

    // a closure is a TaskProgressListener
    def done = sms.waitForTask(taskId, WaitOptions.builder()
            .pollInterval(Duration.ofMillis(simulator ? 20 : 10_000))
            .progressListener { p -> println "${p.overallPercent()}% ${p.state()} ${p.currentSubTask() ?: ''}" }
            .build())
    println "finished: ${done.state == TaskState.MIGRATE_SUCCESS ? 'success' : done.state}"
} finally {
    sms.close()
    simulator?.close()
}

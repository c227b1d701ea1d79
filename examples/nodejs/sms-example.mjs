// A Node.js test talking to the stand-alone SMS simulator: no npm dependency (Node 20's fetch and
// node:crypto). It resets the simulator and adds a source server through the control API, then
// lists, creates and shows a task through the SMS API, each request signed with SDK-HMAC-SHA256.
//
//   java -jar sms-sdk-testing-<version>-standalone.jar --port 8080 --ak my-ak --sk my-sk
//   SMS_ENDPOINT=http://127.0.0.1:8080 SMS_AK=my-ak SMS_SK=my-sk node sms-example.mjs
import { sign } from './signer.mjs';

const endpoint = process.env.SMS_ENDPOINT ?? 'http://127.0.0.1:8080';
const accessKey = process.env.SMS_AK ?? 'test-ak';
const secretKey = process.env.SMS_SK ?? 'test-sk';
const domainId = process.env.SMS_DOMAIN_ID; // optional
const adminToken = process.env.SMS_ADMIN_TOKEN; // only when the simulator runs with --admin-token

/** A control API call: plain JSON, no signature. */
async function control(method, path, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (adminToken) headers.Authorization = `Bearer ${adminToken}`;
  const response = await fetch(endpoint + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return expectOk(method, path, response);
}

/** An SMS API call, signed as Huawei Cloud's API gateway expects. */
async function sms(method, path, body) {
  const url = endpoint + path;
  const payload = body === undefined ? '' : JSON.stringify(body);
  const headers = { 'Content-Type': 'application/json;charset=UTF-8' };
  const signed = sign({ method, url, headers, body: payload, accessKey, secretKey, domainId });
  const response = await fetch(url, {
    method,
    headers: { ...headers, ...signed.headers },
    body: body === undefined ? undefined : payload,
  });
  return expectOk(method, path, response);
}

async function expectOk(method, path, response) {
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  }
  return text === '' ? {} : JSON.parse(text);
}

const health = await control('GET', '/__sms/health');
console.log(`simulator ${health.status} at ${health.endpoint}`);

await control('POST', '/__sms/reset');
const server = await control('POST', '/__sms/servers', { name: 'web-1' });
console.log(`source server ${server.name} ${server.id}`);

const before = await sms('GET', '/v3/tasks?limit=10');
console.log(`tasks before: ${before.count}`);

const created = await sms('POST', '/v3/tasks', {
  name: 'migrate-web-1',
  type: 'MIGRATE_FILE',
  os_type: 'LINUX',
  source_server: { id: server.id },
  target_server: { name: 'web-1', vm_id: 'vm-1', disks: [] },
  region_name: 'ap-southeast-1',
  region_id: 'ap-southeast-1',
  project_name: 'ap-southeast-1',
  project_id: 'project-1',
});
console.log(`created task ${created.id}`);

const task = await sms('GET', `/v3/tasks/${encodeURIComponent(created.id)}`);
console.log(`task ${task.state} ${task.name} for ${task.source_server.name}`);

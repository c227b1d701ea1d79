// SDK-HMAC-SHA256, the AK/SK request signature Huawei Cloud's API gateway (and the SMS simulator)
// verifies, in plain Node.js: no npm dependency, only node:crypto. It follows the Java SDK's
// AkSkSigner and CanonicalRequest rule for rule; signer.test.mjs checks it against the signing
// vectors the Java signer is tested with.
import { createHash, createHmac } from 'node:crypto';

export const ALGORITHM = 'SDK-HMAC-SHA256';

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** RFC 3986: unreserved characters stay, every other UTF-8 byte becomes %XX (upper-case hex). */
export function percentEncode(value) {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(c)
      ? c
      : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Decodes %XX as UTF-8; '+' stays '+' and a malformed escape stays as it is. */
export function percentDecode(value) {
  if (!value.includes('%')) return value;
  const bytes = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      const cp = value.codePointAt(i);
      const ch = String.fromCodePoint(cp);
      bytes.push(...Buffer.from(ch, 'utf8'));
      i += ch.length - 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');

/** The path as signed: decoded, each segment encoded once, ending with '/'. */
function canonicalPath(rawPath) {
  if (!rawPath) return '/';
  const path = percentDecode(rawPath).split('/').map(percentEncode).join('/');
  return path.endsWith('/') ? path : path + '/';
}

/** Parameters decoded, re-encoded and sorted by name, then value. */
function canonicalQuery(rawQuery) {
  if (!rawQuery) return '';
  const pairs = rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return [percentEncode(percentDecode(name)), percentEncode(percentDecode(value))];
    });
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  pairs.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

/** The Host header as sent: the host, and the port when it is not the scheme's default. */
function hostHeader(url) {
  return url.host; // WHATWG URL already drops a default port
}

/** yyyyMMdd'T'HHmmss'Z' in UTC. */
export function sdkDate(date = new Date()) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Signs a request; returns the headers to add to it as they are (X-Domain-Id, X-Security-Token
 * when given, X-Sdk-Date unless `headers` has one, Authorization) and the intermediate strings.
 *
 * @param {object} request
 * @param {string} request.method     GET, POST...
 * @param {string} request.url        the URL exactly as sent (path and query percent-encoded)
 * @param {object} [request.headers]  further headers to sign besides host
 * @param {string|Buffer|null} [request.body]
 * @param {string} request.accessKey
 * @param {string} request.secretKey
 * @param {string} [request.domainId]
 * @param {string} [request.securityToken]
 * @param {Date}   [request.date]     the signing time (default now)
 */
export function sign({ method, url, headers = {}, body = null, accessKey, secretKey, domainId,
  securityToken, date }) {
  const u = new URL(url);
  const signed = new Map([['host', hostHeader(u)]]);
  for (const [name, value] of Object.entries(headers)) signed.set(name.toLowerCase(), String(value));
  const added = {};
  if (domainId) {
    added['X-Domain-Id'] = domainId;
    signed.set('x-domain-id', domainId);
  }
  if (securityToken) {
    added['X-Security-Token'] = securityToken;
    signed.set('x-security-token', securityToken);
  }
  if (!signed.has('x-sdk-date')) {
    added['X-Sdk-Date'] = sdkDate(date);
    signed.set('x-sdk-date', added['X-Sdk-Date']);
  }
  const names = [...signed.keys()].sort();
  const signedHeaders = names.join(';');
  const rawQuery = u.search.startsWith('?') ? u.search.slice(1) : u.search;
  const canonicalRequest = [
    method,
    canonicalPath(u.pathname),
    canonicalQuery(rawQuery),
    names.map((n) => `${n}:${signed.get(n).trim()}`).join('\n') + '\n',
    signedHeaders,
    sha256Hex(body == null ? '' : body),
  ].join('\n');
  const stringToSign = `${ALGORITHM}\n${signed.get('x-sdk-date')}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', secretKey).update(stringToSign).digest('hex');
  added.Authorization =
    `${ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { headers: added, canonicalRequest, stringToSign, signedHeaders };
}

// node --test: the Node signer reproduces, byte for byte, the signing vectors the Java SDK's
// signer is tested with (made by the official Huawei Cloud Java SDK signer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sign, percentEncode, percentDecode } from './signer.mjs';

const vectors = JSON.parse(
  readFileSync(new URL('../../sms-sdk/src/test/resources/fixtures/vectors.json', import.meta.url)),
);

// A vector's url is the official signer's input, its path parameters not yet encoded; on the
// wire each path segment is percent-encoded once more, and sign() takes the URL as sent.
function wireUrl(signerUrl) {
  const u = new URL(signerUrl);
  const path = u.pathname.split('/').map(percentEncode).join('/');
  return `${u.protocol}//${u.host}${path}${u.search}`;
}

for (const v of vectors.cases) {
  test(`vector ${v.name}: ${v.method} ${v.url}`, () => {
    const signed = sign({
      method: v.method,
      url: wireUrl(v.url),
      headers: v.headers,
      body: v.body,
      accessKey: vectors.access_key,
      secretKey: vectors.secret_key,
    });
    assert.equal(signed.canonicalRequest, v.canonical_request);
    assert.equal(signed.stringToSign, v.string_to_sign);
    assert.equal(signed.signedHeaders, v.signed_headers);
    assert.equal(signed.headers.Authorization, v.authorization);
  });
}

test('percent-encoding keeps only unreserved characters', () => {
  assert.equal(percentEncode('a b*~+/任'), 'a%20b%2A~%2B%2F%E4%BB%BB');
  assert.equal(percentDecode('a%20b+%zz%E4%BB%BB'), 'a b+%zz任');
});

test('X-Sdk-Date is added, in UTC, unless given', () => {
  const signed = sign({
    method: 'GET',
    url: 'http://127.0.0.1:8080/v3/tasks',
    accessKey: 'ak',
    secretKey: 'sk',
    domainId: 'dom',
    date: new Date(Date.UTC(2025, 0, 24, 8, 15, 0)),
  });
  assert.equal(signed.headers['X-Sdk-Date'], '20250124T081500Z');
  assert.equal(signed.headers['X-Domain-Id'], 'dom');
  assert.equal(signed.signedHeaders, 'host;x-domain-id;x-sdk-date');
  assert.match(signed.canonicalRequest, /\nhost:127\.0\.0\.1:8080\n/);
});

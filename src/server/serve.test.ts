// Writes need the bearer token when the app has one; the server refuses to listen beyond loopback without one; headers every response carries.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, tempDir } from '../../test/helpers.js';
import { expectProblem, json, seededApp, UNRELATED, type SeededApp } from '../../test/server-fixture.js';
import { CONTENT_SECURITY_POLICY } from './app.js';
import { isLoopback, startServer } from './serve.js';

describe('an app with a token', () => {
  let s: SeededApp;
  before(async () => (s = await seededApp({ token: 'sesame-0123456789' }, false)));
  after(() => s.close());

  test('a write without the token, or with another, is refused with 401 and WWW-Authenticate; nothing is stored', async () => {
    for (const authorization of [undefined, 'Bearer wrong', 'Bearer sesame-012345678', 'Basic c2VzYW1lLTAxMjM0NTY3ODk=', 'sesame-0123456789']) {
      const init = json(UNRELATED[0]);
      if (authorization) init.headers = { ...(init.headers as Record<string, string>), authorization };
      const response = await s.app.request('/api/articles', init);
      const problem = await expectProblem(response, 401, `Authorization: ${authorization ?? '(none)'}`);
      assert.match(problem.detail, /Bearer/);
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
    const stories = (await (await s.app.request('/api/stories')).json()) as { stories: unknown[] };
    assert.equal(stories.stories.length, 0);
  });

  test('a write with the token is taken; reads need none', async () => {
    const init = json(UNRELATED[0]);
    init.headers = { ...(init.headers as Record<string, string>), authorization: 'Bearer sesame-0123456789' };
    const response = await s.app.request('/api/articles', init);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { new: number }).new, 1);
    assert.equal((await s.app.request('/api/stories')).status, 200);
    assert.equal((await s.app.request('/')).status, 200);
  });
});

test('an app without a token takes writes (loopback only: startServer enforces that)', async () => {
  const s = await seededApp({}, false);
  try {
    assert.equal((await s.app.request('/api/articles', json(UNRELATED[0]))).status, 200);
  } finally {
    await s.close();
  }
});

test('isLoopback: only addresses this machine alone can reach', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', 'app.localhost', '::1', '[::1]', '::ffff:127.0.0.1']) assert.equal(isLoopback(host), true, host);
  for (const host of ['0.0.0.0', '::', '[::]', '192.168.1.10', '10.0.0.1', 'example.com', 'localhost.example.com', '128.0.0.1', '::ffff:10.0.0.1']) assert.equal(isLoopback(host), false, host);
});

describe('startServer', () => {
  test('refuses to listen beyond loopback without a token', async () => {
    const s = await seededApp({}, false);
    try {
      for (const host of ['0.0.0.0', '::', '192.168.1.10']) {
        await assert.rejects(startServer(s.store, { host, port: 0 }), /refusing to listen on .* without a token.*NEWSFUSE_TOKEN/);
      }
    } finally {
      await s.close();
    }
  });

  test('with a token it listens beyond loopback, and writes over the socket need it', async () => {
    const s = await seededApp({}, false);
    const server = await startServer(s.store, { host: '0.0.0.0', port: 0, token: 'open-sesame' });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      assert.equal((await fetch(`${base}/api/stories`)).status, 200);
      await expectProblem(await fetch(`${base}/api/articles`, json(UNRELATED[0])), 401, 'no token over the socket');
      const init = json(UNRELATED[0]);
      init.headers = { ...(init.headers as Record<string, string>), authorization: 'Bearer open-sesame' };
      assert.equal((await fetch(`${base}/api/articles`, init)).status, 200);
    } finally {
      await server.close();
      await s.close();
    }
  });

  test('a port in use is a clear error', async () => {
    const s = await seededApp({}, false);
    const server = await startServer(s.store, { host: '127.0.0.1', port: 0 });
    try {
      await assert.rejects(startServer(s.store, { host: '127.0.0.1', port: server.port }), /is in use; pick another --port/);
    } finally {
      await server.close();
      await s.close();
    }
  });

  test('a 100 MB POST over the socket gets 413 and the server keeps serving', async () => {
    const s = await seededApp({}, false);
    const server = await startServer(s.store, { host: '127.0.0.1', port: 0 });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const big = Buffer.alloc(100 * 1024 * 1024, 0x20);
      const response = await fetch(`${base}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
      await expectProblem(response, 413, '100 MB over the socket');
      assert.equal((await fetch(`${base}/api/stories`)).status, 200);
    } finally {
      await server.close();
      await s.close();
    }
  });
});

test('`newsfuse serve --host 0.0.0.0` without NEWSFUSE_TOKEN exits with the reason', async (t) => {
  const db = join(tempDir(t), 'refuse.db');
  const result = await runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--db', db], { env: { NEWSFUSE_TOKEN: '' } });
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /refusing to listen on 0\.0\.0\.0 without a token/);
});

test('every response carries the strict Content-Security-Policy and nosniff', async () => {
  const s = await seededApp({}, false);
  try {
    assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
    assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|\*/);
    for (const path of ['/', '/api/stories', '/api/stories/5', '/nowhere', '/assets/app.css', '/api/feeds/stories.atom']) {
      const response = await s.app.request(path);
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('x-frame-options'), 'DENY', path);
    }
  } finally {
    await s.close();
  }
});

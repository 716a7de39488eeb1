// The brief's JSON Schema (docs/brief.schema.json), compiled once, for tests that validate every brief they build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT } from './helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'brief.schema.json'), 'utf8')) as object;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ajv = new (Ajv2020 as any)({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

/** The schema's complaints about a brief ("/path: message"), empty when it is valid. */
export function validateBrief(brief: unknown): string[] {
  if (validate(brief)) return [];
  return (validate.errors as { instancePath: string; message?: string }[]).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}

// The shape of the house, checked: stages import only the shared modules, and the core never imports a face.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');
const STAGES = ['read', 'clean', 'describe', 'fingerprint', 'cluster', 'brief'];
const FACES = ['cli', 'server', 'web'];
/** What every stage may import besides its own folder. */
const SHARED = ['text/', 'article.ts', 'store/store.ts', 'data-files.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Relative imports of a file (static and dynamic), as paths under src/ with a .ts extension. */
export function importsOf(file: string, code: string): string[] {
  const specifiers = [...code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(SRC, resolve(dirname(file), s)).replace(/\.js$/, '.ts').split('\\').join('/'));
}

const top = (path: string): string => path.split('/')[0]!;

/** The rule a file's imports break, or undefined. */
export function violation(from: string, to: string): string | undefined {
  const area = top(from);
  if (to.startsWith('..')) return `imports outside src/ (${to})`;
  if (!FACES.includes(area) && FACES.includes(top(to))) return `the core imports the face ${top(to)}/`;
  if (STAGES.includes(area)) {
    if (top(to) === area || SHARED.some((shared) => to === shared || to.startsWith(shared))) return undefined;
    return `stage ${area}/ imports ${to}: stages may import only their own folder and ${SHARED.join(', ')}`;
  }
  if (area === 'text' && !(top(to) === 'text' || to === 'article.ts' || to === 'data-files.ts')) return `the shared text module imports ${to}`;
  if (area === 'store' && !(top(to) === 'store' || top(to) === 'text' || to === 'article.ts' || to === 'data-files.ts')) return `the store imports ${to}`;
  return undefined;
}

test('architecture: stages import only their folder, src/text, the carrier, the store interface and data files; the core never imports a face', () => {
  const problems: string[] = [];
  let edges = 0;
  for (const file of sourceFiles(SRC)) {
    const from = relative(SRC, file).split('\\').join('/');
    for (const to of importsOf(file, readFileSync(file, 'utf8'))) {
      edges++;
      const broken = violation(from, to);
      if (broken) problems.push(`${from}: ${broken}`);
    }
  }
  assert.ok(edges > 50, `expecting the scan to see the project's imports, instead found ${edges}`);
  assert.deepEqual(problems, []);
});

test('architecture: the checker itself catches a stage reaching into another and the core importing the CLI', () => {
  assert.match(violation('brief/brief.ts', 'fingerprint/minhash.ts') ?? '', /stage brief\/ imports/);
  assert.match(violation('ingest.ts', 'cli/io.ts') ?? '', /face cli/);
  assert.match(violation('text/terms.ts', 'cluster/assign.ts') ?? '', /shared text module/);
  assert.equal(violation('brief/quotes/quotes.ts', 'brief/entities/entities.ts'), undefined);
  assert.equal(violation('cluster/assign.ts', 'store/store.ts'), undefined);
  assert.match(violation('cluster/assign.ts', 'store/sqlite/sqlite-store.ts') ?? '', /stage cluster/);
  assert.deepEqual(importsOf(join(SRC, 'brief', 'x.ts'), "import { a } from '../text/tokens.js';\nconst m = await import('./y.js');"), ['text/tokens.ts', 'brief/y.ts']);
});

// What every evaluation module gets: where the data is, a scratch folder, and the CLI to run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EvalOutcome } from './types.js';

/** Repository root (dist/eval/context.js -> ../..; eval/context.ts under tsx -> ..). */
export const REPO_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
})();

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface EvalContext {
  /** `../shared/data` beside the checkout, or NEWSFUSE_DATA. */
  dataDir: string;
  /** A scratch folder for input files the CLI reads. */
  tmpDir: string;
  /** Run `newsfuse ARGS...` (the built CLI) and collect its output; never throws. */
  cli(args: string[], stdin?: string): Promise<CliResult>;
}

/** An evaluation module's single export. */
export type Evaluate = (ctx: EvalContext) => Promise<EvalOutcome[]>;

export function createContext(): EvalContext {
  const dataDir = resolve(process.env.NEWSFUSE_DATA ?? join(REPO_ROOT, '..', 'shared', 'data'));
  const tmpDir = join(REPO_ROOT, '.tmp', 'eval');
  mkdirSync(tmpDir, { recursive: true });
  const bin = join(REPO_ROOT, 'bin', 'newsfuse.js');
  return {
    dataDir,
    tmpDir,
    cli: (args, stdin) =>
      new Promise((done) => {
        const child = spawn(process.execPath, [bin, ...args], { cwd: REPO_ROOT });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        child.on('error', (error) => done({ stdout: '', stderr: String(error), code: -1 }));
        child.on('close', (code) =>
          done({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code: code ?? -1 }),
        );
        if (stdin !== undefined) child.stdin.end(stdin);
        else child.stdin.end();
      }),
  };
}

/** The records of a data set's JSONL file (blank lines skipped). */
export function readDataJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** An EvalSkip reason for a CLI run that exited non-zero, with the end of its stderr. */
export function cliFailure(command: string, result: CliResult): string {
  const stderr = result.stderr.trim().split('\n').slice(-3).join(' | ').slice(-300) || '(no stderr)';
  return `newsfuse ${command} exited with ${result.code}: ${stderr}`;
}

/** The JSON objects of a CLI's line-delimited output, and how many non-empty lines were not JSON objects. */
export function jsonLines(stdout: string): { rows: Record<string, unknown>[]; malformed: number } {
  const rows: Record<string, unknown>[] = [];
  let malformed = 0;
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    try {
      const row: unknown = JSON.parse(line);
      if (row !== null && typeof row === 'object' && !Array.isArray(row)) rows.push(row as Record<string, unknown>);
      else malformed++;
    } catch {
      malformed++;
    }
  }
  return { rows, malformed };
}

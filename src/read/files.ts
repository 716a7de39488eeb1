// Turns paths (files, folders, globs) into a stream of articles, choosing a reader by file name.
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ReadResult, SourceRef } from '../article.js';
import { decodeBytes, MAX_DOCUMENT_BYTES } from './decode.js';
import { readJsonl } from './jsonl.js';
import { articleFromInput } from './from-input.js';
import type { WarcSkips } from './warc.js';

export type InputKind = 'text' | 'html' | 'jsonl' | 'warc' | 'feed';

/** The reader for a file name, or undefined for files we do not read (images, archives...). */
export function kindOf(file: string): InputKind | undefined {
  const name = basename(file).toLowerCase().replace(/\.gz$/, '');
  const ext = extname(name);
  if (ext === '.txt' || ext === '.text' || ext === '') return 'text';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.warc' || ext === '.arc') return 'warc';
  if (ext === '.rss' || ext === '.atom' || ext === '.xml' || ext === '.rdf' || ext === '.feed') return 'feed';
  return undefined;
}

/** Expand paths: folders recursively (sorted, hidden files skipped), simple `*` / `?` globs in the last segment. */
export async function* expandPaths(paths: string[]): AsyncGenerator<{ file: string } | { missing: string }> {
  for (const path of paths) {
    if (/[*?]/.test(basename(path))) {
      const dir = path.slice(0, path.length - basename(path).length) || '.';
      const pattern = new RegExp(`^${basename(path).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
      let names: string[] = [];
      try {
        names = (await readdir(dir)).filter((n) => pattern.test(n)).sort();
      } catch {
        yield { missing: path };
        continue;
      }
      if (names.length === 0) yield { missing: path };
      for (const n of names) yield* expandPaths([join(dir, n)]);
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch {
      yield { missing: path };
      continue;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
      for (const entry of entries) yield* expandPaths([join(path, entry)]);
    } else if (info.isFile()) {
      yield { file: path };
    }
  }
}

async function readWhole(file: string): Promise<Uint8Array | string> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_DOCUMENT_BYTES * 4) return `the file is ${Math.round(size / 1048576)} MiB, larger than a page can be`;
    const buffer = Buffer.alloc(size);
    await handle.read(buffer, 0, size, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

/** Read one whole-document file (text or HTML) into an article, or a failure with a reason. */
export async function readDocument(file: string, kind: 'text' | 'html'): Promise<ReadResult> {
  const source: SourceRef = { file };
  let bytes: Uint8Array | string;
  try {
    bytes = await readWhole(file);
  } catch (error) {
    return { ok: false, failure: { source, rule: 'read:io', reason: (error as Error).message } };
  }
  if (typeof bytes === 'string') return { ok: false, failure: { source, rule: 'read:too-large', reason: bytes } };
  const result = decodeBytes(bytes, { html: kind === 'html' });
  if (!result.ok) return { ok: false, failure: { source, rule: result.rule, reason: result.reason } };
  const { text, notes } = result.decoded;
  if (text.trim() === '') return { ok: false, failure: { source, rule: 'read:empty', reason: 'the file holds only white space' } };
  const article = articleFromInput(source, kind === 'html' ? { html: text } : { text });
  for (const note of notes) article.message(note.rule, note.reason);
  return { ok: true, article };
}

export interface ReadOptions {
  /** Records of a WARC file that are not articles (requests, metadata, images), once per file. */
  onSkipped?: (skips: WarcSkips) => void;
}

/** Every article of every path, in order; unreadable items are failures, never exceptions. */
export async function* readPaths(paths: string[], options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  for await (const entry of expandPaths(paths)) {
    if ('missing' in entry) {
      yield { ok: false, failure: { source: { file: entry.missing }, rule: 'read:missing', reason: 'no such file or folder' } };
      continue;
    }
    const kind = kindOf(entry.file);
    if (kind === undefined) {
      yield { ok: false, failure: { source: { file: entry.file }, rule: 'read:format', reason: 'unknown file type; expecting .txt, .html, .jsonl, .warc, .rss, .atom or .xml (optionally .gz)' } };
    } else if (kind === 'jsonl') {
      try {
        yield* readJsonl(entry.file);
      } catch (error) {
        yield { ok: false, failure: { source: { file: entry.file }, rule: 'read:io', reason: (error as Error).message } };
      }
    } else if (kind === 'warc') {
      // WARC and feed readers (warcio, the feed parser) are loaded only for such files: most runs read neither.
      yield* (await import('./warc.js')).readWarc(entry.file, { onSkipped: options.onSkipped });
    } else if (kind === 'feed') {
      yield* (await import('./feed.js')).readFeed(entry.file);
    } else {
      yield await readDocument(entry.file, kind);
    }
  }
}

// `compare A B`: similarity, same-story verdict and shared passages of two article files.
import type { Article } from '../article.js';
import { pairSimilarity } from '../cluster/assign.js';
import { articleStoryTerms } from '../cluster/features.js';
import { MemoryStoryIndex } from '../cluster/story-index.js';
import { jaccard } from '../fingerprint/minhash.js';
import { prepare } from '../pipeline.js';
import { readDocument } from '../read/files.js';
import { alignPassages } from '../text/passage-align.js';
import { tokenize } from '../text/tokens.js';
import { describeFailure } from './io.js';
import { round4, say, writeLine } from './output.js';
import { terminalSafe } from './terminal.js';

async function readOne(file: string): Promise<Article | undefined> {
  const kind = /\.html?(\.gz)?$/i.test(file) ? 'html' : 'text';
  const result = await readDocument(file, kind);
  if (!result.ok) {
    say(describeFailure(result.failure));
    return undefined;
  }
  return prepare(result.article);
}

/** `compare A B`: similarity, same-story verdict, shared passages with offsets in both cleaned texts. */
export async function compareCommand(fileA: string, fileB: string, options: { json?: boolean }): Promise<number> {
  const [a, b] = [await readOne(fileA), await readOne(fileB)];
  if (!a || !b) return 1;
  const ta = articleStoryTerms(a);
  const tb = articleStoryTerms(b);
  const index = new MemoryStoryIndex();
  await index.addDocument(ta.keys());
  await index.addDocument(tb.keys());
  const { similarity, sameStory } = await pairSimilarity(index, ta, tb);
  const passages = alignPassages(tokenize(a.text), tokenize(b.text)).map((p) => ({ ...p, text: a.text.slice(p.a[0], p.a[1]) }));
  const result = {
    a: { file: fileA, title: a.title ?? null, outlet: a.outlet ?? null, published: a.published ?? null },
    b: { file: fileB, title: b.title ?? null, outlet: b.outlet ?? null, published: b.published ?? null },
    similarity: round4(similarity),
    jaccard: round4(jaccard(a.data.shingles!, b.data.shingles!)),
    sameStory,
    passages,
  };
  if (options.json) {
    await writeLine(JSON.stringify(result, null, 2));
    return 0;
  }
  const lines = [
    `A: ${a.title ?? fileA}${a.outlet ? ` (${a.outlet})` : ''}`,
    `B: ${b.title ?? fileB}${b.outlet ? ` (${b.outlet})` : ''}`,
    `similarity ${result.similarity.toFixed(3)}, shingle Jaccard ${result.jaccard.toFixed(3)}: ${result.sameStory ? 'same story' : 'different stories'}`,
    `${passages.length} shared passage${passages.length === 1 ? '' : 's'}`,
    ...passages.map((p) => `  A ${p.a[0]}-${p.a[1]} = B ${p.b[0]}-${p.b[1]} (${p.tokens} words): "${p.text.length > 160 ? `${p.text.slice(0, 157)}...` : p.text}"`),
  ];
  await writeLine(terminalSafe(lines.join('\n')));
  return 0;
}

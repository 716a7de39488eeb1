// `similarity`: story similarity of article pairs from a JSONL file, scored as clustering scores them.
import { pairSimilarity } from '../cluster/assign.js';
import { articleStoryTerms } from '../cluster/features.js';
import { MemoryStoryIndex } from '../cluster/story-index.js';
import { detectLanguage } from '../describe/language.js';
import { prepare } from '../pipeline.js';
import { round4, writeLine } from './output.js';
import { embeddedArticle, jsonRecords } from './jsonl-records.js';

/** Whether two articles' languages are both known and differ (ISO 639 codes; a region suffix ignored). */
function crossLanguage(a: string | undefined, b: string | undefined): boolean {
  const base = (code: string): string => code.toLowerCase().split(/[-_]/)[0]!;
  return a !== undefined && b !== undefined && base(a) !== base(b);
}

/**
 * `similarity --input PAIRS.jsonl`: `{id, similarity, sameStory}` per pair; the story terms and score of
 * clustering (`pairSimilarity`), with document frequencies counted over all texts of the file first. A pair
 * in two languages (each article's `language`, else the detected one) is scored on names and figures.
 */
export async function similarityCommand(options: { input: string }): Promise<number> {
  const pairs: { id: unknown; a: Map<string, number>; b: Map<string, number>; cross: boolean }[] = [];
  const index = new MemoryStoryIndex();
  for await (const { record, line } of jsonRecords(options.input)) {
    const source = { file: options.input, line };
    const a = embeddedArticle(record.a, source, 'a');
    const b = embeddedArticle(record.b, source, 'b');
    if (!a || !b) continue;
    prepare(a, ['clean']);
    prepare(b, ['clean']);
    const pair = { id: record.id ?? line, a: articleStoryTerms(a), b: articleStoryTerms(b), cross: crossLanguage(a.language ?? detectLanguage(a.text), b.language ?? detectLanguage(b.text)) };
    await index.addDocument(pair.a.keys());
    await index.addDocument(pair.b.keys());
    pairs.push(pair);
  }
  for (const pair of pairs) {
    const { similarity, sameStory } = await pairSimilarity(index, pair.a, pair.b, undefined, pair.cross);
    await writeLine(JSON.stringify({ id: pair.id, similarity: round4(similarity), sameStory }));
  }
  return 0;
}

// `extract`: clean text and metadata of pages, without a store (reads, cleans and describes; no fingerprint or cluster).
import { preparedArticles } from './io.js';
import { writeLine } from './output.js';

/** `extract FILE...`: one JSON object per page (a JSONL input yields one per line). */
export async function extractCommand(files: string[], options: { format: string }): Promise<number> {
  const results: object[] = [];
  const counts = { failed: 0 };
  for await (const article of preparedArticles(files, ['clean', 'describe'], counts)) {
    const record = {
      file: article.source.file,
      ...(article.source.line !== undefined ? { line: article.source.line } : {}),
      ...(article.source.record !== undefined ? { record: article.source.record } : {}),
      ...(article.input.id !== undefined ? { id: article.input.id } : {}),
      title: article.title ?? null,
      text: article.text,
      published: article.published ?? null,
      updated: article.updated ?? null,
      byline: article.authors.join(', ') || null,
      authors: article.authors,
      outlet: article.outlet ?? null,
      url: article.url ?? null,
      canonicalUrl: article.canonicalUrl ?? null,
      language: article.language ?? null,
      credits: article.data.credits ?? [],
      cited: article.data.cited ?? [],
      dateline: article.data.dateline ?? null,
      provenance: article.provenance,
      messages: article.messages.map((m) => `${m.reason} [${m.rule}]`),
    };
    if (options.format === 'jsonl') await writeLine(JSON.stringify(record));
    else results.push(record);
  }
  if (options.format !== 'jsonl') await writeLine(JSON.stringify(results.length === 1 && files.length === 1 ? results[0] : results, null, 2));
  return counts.failed > 0 && results.length === 0 && options.format !== 'jsonl' ? 1 : 0;
}

// `cluster`: story assignment of a JSONL file of articles with an in-memory index, without a store.
import { clusterArticles } from '../cluster/batch.js';
import { loadArticles } from './io.js';
import { writeLine } from './output.js';

/** `cluster --input FILE.jsonl`: `{id, story}` lines in processing order. */
export async function clusterCommand(options: { input: string }): Promise<number> {
  const { articles, failed } = await loadArticles([options.input], ['clean', 'describe']);
  for await (const line of clusterArticles(articles)) await writeLine(JSON.stringify(line));
  return articles.length === 0 && failed > 0 ? 1 : 0;
}

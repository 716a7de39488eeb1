// Cluster a finite list of articles in publish order with an in-memory index (the stateless `cluster` command).
import type { Article } from '../article.js';
import { timeOf } from '../article.js';
import { Clusterer, DEFAULT_CLUSTER_OPTIONS, type ClusterOptions } from './assign.js';
import { MemoryStoryIndex } from './story-index.js';

/**
 * Processing order: by publish time where articles have one; an article without a time keeps its
 * input position behind the article before it (stable sort on the last known time).
 */
export function processingOrder(articles: readonly Article[]): Article[] {
  let last = -Infinity;
  const keyed = articles.map((article, index) => {
    const time = timeOf(article);
    if (time !== undefined) last = time;
    return { article, index, key: time ?? last };
  });
  keyed.sort((x, y) => x.key - y.key || x.index - y.index);
  return keyed.map((k) => k.article);
}

/**
 * Assign every article to a story, in processing order, through `Clusterer.assignArticle` (as ingest does);
 * yields `{id, story}` in that order once all are assigned, each story id resolved through the merges made
 * on the way (an article whose story was merged later is reported in the story that took it).
 */
export async function* clusterArticles(
  articles: readonly Article[],
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): AsyncGenerator<{ id: string; story: number }> {
  const clusterer = new Clusterer(new MemoryStoryIndex(), options);
  const assigned: { id: string; story: number }[] = [];
  for (const article of processingOrder(articles)) assigned.push({ id: article.id, story: (await clusterer.assignArticle(article)).story });
  for (const { id, story } of assigned) yield { id, story: clusterer.resolve(story) };
}

// The brief of a stored story: from the store's brief cache while the story is unchanged, else built (reusing stored per-article analyses) and cached.
import type { Store } from '../store/store.js';
import { ANALYSIS_VERSION, parseAnalysis, type ArticleAnalysis } from './analysis.js';
import { buildBrief } from './brief.js';
import { BRIEF_REVISION, BRIEF_VERSION } from './model.js';

/**
 * The brief format the cache is keyed by: a brief cached under another format is rebuilt. It follows
 * BRIEF_VERSION and BRIEF_REVISION (src/brief/model.ts) and the per-article ANALYSIS_VERSION, so users
 * never read briefs cached by older code.
 */
export const BRIEF_CACHE_FORMAT = `brief-v${BRIEF_VERSION}.${BRIEF_REVISION}-a${ANALYSIS_VERSION}`;

/**
 * The brief JSON of a story: the cached one when it was built from the story's current version,
 * else built now and cached. The story version is read before the articles, so an article inserted
 * meanwhile makes the new entry stale instead of hiding behind it.
 */
export async function briefJson(store: Store, asked: number, options: { cache: boolean; notice?: (message: string) => void }): Promise<string | undefined> {
  // A merged story's id stands for the story that took its articles.
  const id = await store.resolveStory(asked);
  const notice = options.notice ?? (() => undefined);
  if (options.cache) {
    const cached = await store.getCachedBrief(id, BRIEF_CACHE_FORMAT);
    if (cached !== undefined) return cached;
  }
  const version = await store.storyVersion(id);
  const story = await store.getStory(id);
  if (version === undefined || !story) return undefined;
  const articles = await store.storyArticles(id);
  // Per-article analyses are kept in the store: a story that grew by one article pays for that one.
  const analyses = new Map<number, ArticleAnalysis>();
  for (const [article, stored] of await store.getAnalyses(articles.map((a) => a.id), ANALYSIS_VERSION)) {
    const analysis = parseAnalysis(stored);
    if (analysis) analyses.set(article, analysis);
  }
  const made: { article: number; version: string; json: string }[] = [];
  const brief = buildBrief(story, articles, {
    analyses,
    analysed: (key, analysis) => made.push({ article: Number(key), version: ANALYSIS_VERSION, json: JSON.stringify(analysis) }),
  });
  const json = JSON.stringify(brief);
  if (made.length) {
    try {
      await store.putAnalyses(made);
    } catch (error) {
      notice(`the analyses of ${made.length} articles were not kept (${(error as Error).message})`);
    }
  }
  if (options.cache) {
    try {
      await store.putCachedBrief(id, BRIEF_CACHE_FORMAT, json, version);
    } catch (error) {
      // The cache only saves time: a busy or read-only store still gets its brief printed.
      notice(`the brief of story ${id} was not cached (${(error as Error).message})`);
    }
  }
  return json;
}


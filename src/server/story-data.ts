// What the API and the web pages read about stories and articles: briefs with their ETag, an article's duplicates, passages and quotes.
import type { Brief } from '../brief/model.js';
import { BRIEF_CACHE_FORMAT, briefJson } from '../brief/story-brief.js';
import { bandKeys, estimateJaccard } from '../fingerprint/minhash.js';
import type { Store, StoredArticle, StorySummary } from '../store/store.js';

/** Estimated Jaccard of MinHash signatures at which another article is listed as a near duplicate (`dupes`' default). */
const NEAR_DUPLICATE = 0.5;

/**
 * The entity tag of a story's brief: it changes with the story's version and with the brief's format,
 * so it can be answered (304) without building or reading the brief.
 */
export const briefEtag = (id: number, version: number): string => `"story-${id}-v${version}-${BRIEF_CACHE_FORMAT}"`;

/** Whether an If-None-Match header value names this tag (a list, weak forms and `*` included). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export interface StoryVersion {
  summary: StorySummary;
  version: number;
  etag: string;
}

/** A story's summary and version (cheap: no brief), or undefined when there is no such story. */
export async function storyVersion(store: Store, asked: number): Promise<StoryVersion | undefined> {
  // A merged story's id stands for the story that took its articles.
  const id = await store.resolveStory(asked);
  const version = await store.storyVersion(id);
  const summary = version === undefined ? undefined : await store.getStory(id);
  if (version === undefined || !summary) return undefined;
  return { summary, version, etag: briefEtag(id, version) };
}

/** The brief JSON of a story through the same code as `newsfuse brief` (the store's cache while the story is unchanged). */
export async function storyBriefJson(store: Store, id: number): Promise<string | undefined> {
  return briefJson(store, id, { cache: true, notice: (message) => process.stderr.write(`newsfuse serve: ${message}\n`) });
}

export async function storyBrief(store: Store, id: number): Promise<Brief | undefined> {
  const json = await storyBriefJson(store, id);
  return json === undefined ? undefined : (JSON.parse(json) as Brief);
}

export interface Duplicate {
  id: number;
  kind: 'exact' | 'near';
  jaccard: number;
}

/** Stored articles with the same text, or nearly (LSH candidates checked on their signatures), most similar first. */
export async function duplicatesOf(store: Store, article: StoredArticle): Promise<Duplicate[]> {
  const exact = new Set((await store.findByContentHash(article.contentHash)).filter((id) => id !== article.id));
  const candidates = (await store.findByBands(bandKeys(article.signature), 50)).filter((id) => id !== article.id && !exact.has(id)).slice(0, 50);
  const near = (await store.getSignatures(candidates))
    .map((other) => ({ id: other.id, kind: 'near' as const, jaccard: Math.round(estimateJaccard(other.signature, article.signature) * 1000) / 1000 }))
    .filter((d) => d.jaccard >= NEAR_DUPLICATE);
  return [...[...exact].map((id) => ({ id, kind: 'exact' as const, jaccard: 1 })), ...near].sort((a, b) => b.jaccard - a.jaccard || a.id - b.id);
}

export interface ArticlePassage {
  words: number;
  text: string;
  here: { start: number; end: number };
  others: { article: number; start: number; end: number }[];
}

/** The brief's shared passages one article carries, with where the other carriers have them. */
export function passagesOf(brief: Brief, article: number): ArticlePassage[] {
  const found: ArticlePassage[] = [];
  for (const passage of brief.passages) {
    const here = passage.carriers.find((c) => c.article === article);
    if (!here) continue;
    found.push({
      words: passage.words,
      text: passage.text,
      here: { start: here.start, end: here.end },
      others: passage.carriers.filter((c) => c.article !== article).map((c) => ({ article: Number(c.article), start: c.start, end: c.end })),
    });
  }
  return found;
}

/** The brief's quotes as one article carries them (its own wording and offsets). */
export function quotesOf(brief: Brief, article: number): { text: string; kind: string; speaker: string | null; start: number; end: number }[] {
  return brief.quotes.flatMap((quote) =>
    quote.carriers
      .filter((c) => c.article === article)
      .map((c) => ({ text: c.text, kind: c.kind, speaker: quote.speaker?.name ?? null, start: c.start, end: c.end })),
  );
}

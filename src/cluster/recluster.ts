// Re-running story assignment over the stored articles (after a parameter or method change), without reading input again.
import type { ClusteringInput, StoryCentroid, Store } from '../store/store.js';
import { Clusterer, DEFAULT_CLUSTER_OPTIONS, type ClusterOptions } from './assign.js';
import { datelinePlace, storyTerms } from './features.js';
import { MemoryStoryIndex } from './story-index.js';

export interface ReclusterOptions {
  /** Epoch ms: articles published before it (or with no time) keep their stories; the others are assigned again. */
  since?: number;
  cluster?: ClusterOptions;
}

export interface ReclusterSummary {
  articles: number;
  /** Articles assigned again (all, or those published since `since`). */
  reassigned: number;
  /** Articles whose story changed. */
  moved: number;
  storiesBefore: number;
  storiesAfter: number;
  /** Stories left without articles, recorded as merged into the story that took most of them. */
  merged: number;
}

const timeOf = (published: string | undefined): number | undefined => {
  const t = published === undefined ? Number.NaN : Date.parse(published);
  return Number.isNaN(t) ? undefined : t;
};

/**
 * Replays every stored article, in storage order (the order ingest assigned them), through a fresh
 * Clusterer with the current method and parameters, then writes the new state back in one transaction
 * (a crash leaves the old state whole). Articles before `since` (and untimed ones, when `since` is given)
 * keep their stories and are fed to the index first; the others are then assigned against them. A new story takes the id of the old story most of its articles came from (greedily, largest
 * overlap first, each old id used once), so unchanged stories keep their ids; an old story left without
 * articles is recorded as merged into the story that took most of them, so its id still resolves.
 */
export async function recluster(store: Store, options: ReclusterOptions = {}): Promise<ReclusterSummary> {
  // Ids above every id the store has handed out: a new story can never collide with an old one.
  const firstNew = await store.storyIndex.newStoryId();
  const index = new MemoryStoryIndex(firstNew + 1);
  const clusterer = new Clusterer(index, options.cluster ?? DEFAULT_CLUSTER_OPTIONS);
  const kept = new Map<number, StoryCentroid>();
  const before = new Map<number, number>();
  const assigned = new Map<number, number>();
  let reassigned = 0;
  const isKept = (time: number | undefined): boolean => options.since !== undefined && (time === undefined || time < options.since);
  // Two passes: the articles that keep their stories first, so the others are assigned against all of them.
  for (const pass of ['kept', 'again'] as const) {
    if (pass === 'kept' && options.since === undefined) continue;
    for await (const article of store.clusteringInputs()) {
      const time = timeOf(article.published);
      if (isKept(time) !== (pass === 'kept')) continue;
      before.set(article.id, article.story);
      const counts = storyTerms(article.title, article.text, article.url, datelinePlace(article.dateline));
      if (pass === 'kept') assigned.set(article.id, await keep(clusterer, kept, article, counts, time));
      else {
        assigned.set(article.id, (await clusterer.assign(counts, time)).story);
        reassigned++;
      }
    }
  }
  const final = new Map([...assigned].map(([article, story]) => [article, clusterer.resolve(story)]));
  const renamed = oldIds(final, before, new Set(kept.keys()));
  const assignments = new Map([...final].map(([article, story]) => [article, renamed.get(story) ?? story]));
  const snapshot = index.snapshot();
  const stories = snapshot.stories.map(({ story, indexTerms }) => ({ story: { ...story, id: renamed.get(story.id) ?? story.id }, indexTerms }));
  const merges = leftovers(assignments, before);
  const moved = await store.replaceClustering({ documents: snapshot.documents, df: snapshot.df, stories, assignments, merges, reason: 'recluster' });
  return {
    articles: before.size,
    reassigned,
    moved,
    storiesBefore: new Set(before.values()).size,
    storiesAfter: new Set(assignments.values()).size,
    merged: merges.length,
  };
}

/** An article before `since`: it joins its stored story (made in the new index under the same id). */
async function keep(
  clusterer: Clusterer,
  kept: Map<number, StoryCentroid>,
  article: ClusteringInput,
  counts: Map<string, number>,
  time: number | undefined,
): Promise<number> {
  const vector = await clusterer.vectorOf(counts);
  let story = kept.get(article.story);
  if (!story) kept.set(article.story, (story = { id: article.story, vector: new Map(), size: 0 }));
  await clusterer.join(story, vector, time);
  return article.story;
}

/** New story id -> the old id it takes: the old story most of its articles were in (largest overlaps first, each old id once). */
function oldIds(final: Map<number, number>, before: Map<number, number>, reserved: Set<number>): Map<number, number> {
  const overlap = new Map<string, number>();
  for (const [article, story] of final) {
    if (reserved.has(story)) continue;
    const key = `${story}:${before.get(article)}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  }
  const pairs = [...overlap].map(([key, n]) => {
    const [story, old] = key.split(':').map(Number) as [number, number];
    return { story, old, n };
  });
  pairs.sort((x, y) => y.n - x.n || x.story - y.story || x.old - y.old);
  const taken = new Set(reserved);
  const out = new Map<number, number>();
  for (const { story, old } of pairs) {
    if (out.has(story) || taken.has(old)) continue;
    out.set(story, old);
    taken.add(old);
  }
  return out;
}

/** Old stories no article is in any more, each with the story that took most of their articles. */
function leftovers(assignments: Map<number, number>, before: Map<number, number>): { from: number; into: number; articles: number }[] {
  const live = new Set(assignments.values());
  const went = new Map<number, Map<number, number>>();
  for (const [article, old] of before) {
    if (live.has(old)) continue;
    const to = assignments.get(article)!;
    const counts = went.get(old) ?? new Map<number, number>();
    counts.set(to, (counts.get(to) ?? 0) + 1);
    went.set(old, counts);
  }
  return [...went]
    .map(([from, counts]) => {
      const [into] = [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]!;
      return { from, into, articles: [...counts.values()].reduce((s, n) => s + n, 0) };
    })
    .sort((x, y) => x.from - y.from);
}

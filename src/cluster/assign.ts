// Incremental story assignment: each article joins the most similar recent story, or starts one.
import type { StoryCentroid, StoryIndex } from '../store/store.js';
import { cosine, tfidf } from '../text/tfidf.js';

export interface ClusterOptions {
  /** Least cosine similarity between a full article (`longTerms` distinct terms or more) and a story centroid to join it. */
  threshold: number;
  /**
   * The same for a headline-only item (`shortTerms` distinct terms or fewer). Short texts share
   * fewer terms with a centroid by nature, so they need a lower bar; between the two the bar is
   * interpolated on a log scale of the term count.
   */
  shortThreshold: number;
  shortTerms: number;
  longTerms: number;
  /** Terms of an article used to look up candidate stories. */
  queryTerms: number;
  /** Candidate stories compared per article. */
  candidates: number;
  /** Terms kept in a story centroid, and the number it is indexed under. */
  centroidTerms: number;
  indexTerms: number;
  /** Days between an article and a story's span after which similarity decays (halves every further window). */
  windowDays: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  threshold: 0.2,
  shortThreshold: 0.09,
  shortTerms: 8,
  longTerms: 60,
  queryTerms: 15,
  candidates: 40,
  centroidTerms: 120,
  indexTerms: 25,
  windowDays: 3,
};

export interface Assignment {
  story: number;
  /** Cosine similarity to the story joined; 0 for a new story. */
  similarity: number;
  isNew: boolean;
}

const DAY = 86_400_000;
/** Past this many windows the decay (halving per window) is below 1/128: no story that old can be joined. */
const HORIZON_WINDOWS = 8;

const strongest = (vector: Map<string, number>, n: number): [string, number][] =>
  [...vector.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, n);

/** Similarity decay for an article far in time from a story's span. */
function timeFactor(story: StoryCentroid, time: number | undefined, windowDays: number): number {
  if (time === undefined || story.firstSeen === undefined || story.lastSeen === undefined) return 1;
  const gap = Math.max(0, story.firstSeen - time, time - story.lastSeen);
  const windows = gap / (windowDays * DAY);
  return windows <= 1 ? 1 : Math.pow(0.5, windows - 1);
}

/** The join threshold for an article with `terms` distinct terms. */
export function thresholdFor(terms: number, options: ClusterOptions): number {
  if (terms <= options.shortTerms) return options.shortThreshold;
  if (terms >= options.longTerms) return options.threshold;
  const t = Math.log(terms / options.shortTerms) / Math.log(options.longTerms / options.shortTerms);
  return options.shortThreshold + t * (options.threshold - options.shortThreshold);
}

/** Assigns articles to stories one at a time, through a StoryIndex. */
export class Clusterer {
  constructor(
    private readonly index: StoryIndex,
    private readonly options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
  ) {}

  /** Assign one article, given its term counts and publish time (epoch ms), and update the index. */
  async assign(counts: Map<string, number>, time?: number): Promise<Assignment> {
    const terms = [...counts.keys()];
    await this.index.addDocument(terms);
    const { documents, df } = await this.index.frequencies(terms);
    const vector = tfidf(counts, documents, df);
    const query = strongest(vector, this.options.queryTerms).map(([term]) => term);
    let best: StoryCentroid | undefined;
    let bestScore = 0;
    // Stories whose span ended more than HORIZON_WINDOWS windows before this article would score
    // below any threshold after the time decay; leaving them out keeps the lookup bounded.
    const since = time === undefined ? undefined : time - HORIZON_WINDOWS * this.options.windowDays * DAY;
    for (const story of await this.index.candidates(query, this.options.candidates, since)) {
      const score = cosine(vector, story.vector) * timeFactor(story, time, this.options.windowDays);
      if (score > bestScore) {
        bestScore = score;
        best = story;
      }
    }
    if (best && bestScore >= thresholdFor(counts.size, this.options)) {
      await this.join(best, vector, time);
      return { story: best.id, similarity: bestScore, isNew: false };
    }
    const story: StoryCentroid = { id: await this.index.newStoryId(), vector: new Map(), size: 0 };
    await this.join(story, vector, time);
    return { story: story.id, similarity: 0, isNew: true };
  }

  private async join(story: StoryCentroid, vector: Map<string, number>, time: number | undefined): Promise<void> {
    const sum = new Map(story.vector);
    for (const [term, weight] of vector) sum.set(term, (sum.get(term) ?? 0) + weight);
    const kept = strongest(sum, this.options.centroidTerms);
    story.vector = new Map(kept);
    story.size++;
    if (time !== undefined) {
      story.firstSeen = story.firstSeen === undefined ? time : Math.min(story.firstSeen, time);
      story.lastSeen = story.lastSeen === undefined ? time : Math.max(story.lastSeen, time);
    }
    await this.index.saveStory(story, kept.slice(0, this.options.indexTerms).map(([term]) => term));
  }
}

/** Above this similarity two articles are taken to report the same story (`similarity`, `compare`). */
export const SAME_STORY_THRESHOLD = 0.3;

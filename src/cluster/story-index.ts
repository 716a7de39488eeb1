// What incremental clustering needs from storage: term statistics and story centroids found by term.

/** A story as clustering sees it: a centroid over its articles' term vectors and its time span. */
export interface StoryCentroid {
  id: number;
  /** Sum of member unit vectors, cut to the strongest terms. */
  vector: Map<string, number>;
  size: number;
  /** Epoch ms of the earliest and latest article with a time; undefined when none had one. */
  firstSeen?: number;
  lastSeen?: number;
}

/**
 * Storage for incremental clustering. Every call touches a bounded number of rows (the terms of
 * one article, a capped list of candidate stories), so the cost per article does not grow with
 * the number of articles stored.
 */
export interface StoryIndex {
  /** Count a document's distinct terms into the document frequencies. */
  addDocument(terms: Iterable<string>): Promise<void>;
  /** Number of documents counted, and the document frequency of each term asked for. */
  frequencies(terms: string[]): Promise<{ documents: number; df: Map<string, number> }>;
  /**
   * Stories indexed under any of the terms, those sharing most terms first, at most `limit`;
   * with `since` (epoch ms), only stories whose latest article is that recent or that have no time.
   */
  candidates(terms: string[], limit: number, since?: number): Promise<StoryCentroid[]>;
  /** Create or replace a story centroid and index it under its strongest terms. */
  saveStory(story: StoryCentroid, indexTerms: string[]): Promise<void>;
  /** A new story id. */
  newStoryId(): Promise<number>;
}

/** The in-memory index behind the stateless `cluster` command and tests. */
export class MemoryStoryIndex implements StoryIndex {
  private documents = 0;
  private readonly df = new Map<string, number>();
  private readonly stories = new Map<number, StoryCentroid>();
  private readonly postings = new Map<string, Set<number>>();
  private readonly indexedTerms = new Map<number, string[]>();
  private nextId = 1;

  async addDocument(terms: Iterable<string>): Promise<void> {
    this.documents++;
    for (const term of new Set(terms)) this.df.set(term, (this.df.get(term) ?? 0) + 1);
  }

  async frequencies(terms: string[]): Promise<{ documents: number; df: Map<string, number> }> {
    return { documents: this.documents, df: new Map(terms.map((t) => [t, this.df.get(t) ?? 0])) };
  }

  async candidates(terms: string[], limit: number, since?: number): Promise<StoryCentroid[]> {
    const shared = new Map<number, number>();
    for (const term of terms) {
      for (const id of this.postings.get(term) ?? []) {
        const last = this.stories.get(id)!.lastSeen;
        if (since !== undefined && last !== undefined && last < since) continue;
        shared.set(id, (shared.get(id) ?? 0) + 1);
      }
    }
    return [...shared.entries()]
      .sort((x, y) => y[1] - x[1] || y[0] - x[0])
      .slice(0, limit)
      .map(([id]) => this.stories.get(id)!);
  }

  async saveStory(story: StoryCentroid, indexTerms: string[]): Promise<void> {
    for (const term of this.indexedTerms.get(story.id) ?? []) this.postings.get(term)?.delete(story.id);
    this.stories.set(story.id, story);
    this.indexedTerms.set(story.id, indexTerms);
    for (const term of indexTerms) {
      let set = this.postings.get(term);
      if (!set) this.postings.set(term, (set = new Set()));
      set.add(story.id);
    }
  }

  async newStoryId(): Promise<number> {
    return this.nextId++;
  }
}

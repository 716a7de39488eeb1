// The in-memory story index behind the stateless `cluster` command and tests.
import type { StoryCentroid, StoryIndex } from '../store/store.js';

/** The in-memory index behind the stateless `cluster` command and tests. */
export class MemoryStoryIndex implements StoryIndex {
  private documents = 0;
  private readonly df = new Map<string, number>();
  private readonly stories = new Map<number, StoryCentroid>();
  private readonly postings = new Map<string, Set<number>>();
  private readonly indexedTerms = new Map<number, string[]>();
  private nextId: number;

  /** `firstId`: the first story id it hands out (a re-run of clustering starts above the store's ids). */
  constructor(firstId = 1) {
    this.nextId = firstId;
  }

  /** Everything it holds: documents, document frequencies, and each story with the terms it is indexed under. */
  snapshot(): { documents: number; df: Map<string, number>; stories: { story: StoryCentroid; indexTerms: string[] }[] } {
    return {
      documents: this.documents,
      df: new Map(this.df),
      stories: [...this.stories.values()].map((story) => ({ story, indexTerms: this.indexedTerms.get(story.id) ?? [] })),
    };
  }

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

  /** A merged story leaves the index (the Clusterer keeps which story took it: `Clusterer.resolve`). */
  async mergeStory(from: number, _into: number): Promise<void> {
    for (const term of this.indexedTerms.get(from) ?? []) this.postings.get(term)?.delete(from);
    this.indexedTerms.delete(from);
    this.stories.delete(from);
  }

  async newStoryId(): Promise<number> {
    return this.nextId++;
  }
}

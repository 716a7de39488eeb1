// `newsfuse brief STORY`: the brief of one story as Markdown, JSON or standalone HTML, from the store's brief cache while the story is unchanged.
import { BRIEF_VERSION, buildBrief, type Brief } from '../brief/brief.js';
import { renderHtml } from '../brief/render-html.js';
import { renderMarkdown } from '../brief/render-md.js';
import { openStore, type Store } from '../store/store.js';
import { say, writeLine } from './io.js';
import { terminalSafe } from './terminal.js';

/**
 * The brief format the cache is keyed by: a brief cached under another format is rebuilt. It follows
 * BRIEF_VERSION (src/brief/model.ts), which changes whenever buildBrief's output changes, so users
 * never read briefs cached by older code.
 */
export const BRIEF_CACHE_FORMAT = `brief-v${BRIEF_VERSION}`;

export interface BriefOptions {
  db: string;
  format: 'md' | 'json' | 'html';
  /** false with `--no-cache`: build the brief afresh and leave the cache as it is. */
  cache?: boolean;
}

/**
 * The brief JSON of a story: the cached one when it was built from the story's current version,
 * else built now and cached. The story version is read before the articles, so an article inserted
 * meanwhile makes the new entry stale instead of hiding behind it.
 */
export async function briefJson(store: Store, id: number, options: { cache: boolean }): Promise<string | undefined> {
  if (options.cache) {
    const cached = await store.getCachedBrief(id, BRIEF_CACHE_FORMAT);
    if (cached !== undefined) return cached;
  }
  const version = await store.storyVersion(id);
  const story = await store.getStory(id);
  if (version === undefined || !story) return undefined;
  const json = JSON.stringify(buildBrief(story, await store.storyArticles(id)));
  if (options.cache) {
    try {
      await store.putCachedBrief(id, BRIEF_CACHE_FORMAT, json, version);
    } catch (error) {
      // The cache only saves time: a busy or read-only store still gets its brief printed.
      say(`brief: the brief of story ${id} was not cached (${(error as Error).message})`);
    }
  }
  return json;
}

export async function briefCommand(storyArg: string, options: BriefOptions): Promise<number> {
  const store = await openStore(options.db, { create: false });
  try {
    let id: number;
    if (storyArg === 'top') {
      const [top] = await store.listStories({ limit: 1 });
      if (!top) {
        say(`${options.db}: the store holds no story yet; run \`newsfuse ingest PATH\` first`);
        return 1;
      }
      id = top.id;
    } else if (/^\d+$/.test(storyArg)) id = Number(storyArg);
    else {
      say(`brief: expecting a story id (a number from \`newsfuse stories\`) or "top", instead found "${storyArg}"`);
      return 2;
    }
    const json = (await store.getStory(id)) ? await briefJson(store, id, { cache: options.cache !== false }) : undefined;
    if (json === undefined) {
      say(`brief: no story ${id} in ${options.db}; \`newsfuse stories\` lists them`);
      return 1;
    }
    // Every format is rendered from the JSON, cached or fresh, so a cache hit prints exactly what a rebuild would.
    const brief = JSON.parse(json) as Brief;
    if (options.format === 'json') await writeLine(JSON.stringify(brief, null, 2));
    else if (options.format === 'html') await writeLine(renderHtml(brief));
    else await writeLine(terminalSafe(renderMarkdown(brief, { target: process.stdout.isTTY ? 'terminal' : 'markdown' })));
    return 0;
  } finally {
    await store.close();
  }
}

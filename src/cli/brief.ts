// `newsfuse brief STORY`: the brief of one story as Markdown, JSON or standalone HTML, from the store's brief cache while the story is unchanged.
import type { Brief } from '../brief/brief.js';
import { briefJson } from '../brief/story-brief.js';
import { renderHtml } from '../brief/render-html.js';
import { renderMarkdown } from '../brief/render-md.js';
import { openStore } from '../store/store.js';
import { say, writeLine } from './output.js';
import { terminalSafe } from './terminal.js';

export interface BriefOptions {
  db: string;
  format: 'md' | 'json' | 'html';
  /** false with `--no-cache`: build the brief afresh and leave the cache as it is. */
  cache?: boolean;
}

/**
 * A brief as printed: JSON (indented for one brief, one line each for `--input`), the standalone HTML page,
 * or Markdown, which a terminal gets without Markdown escapes; article text is made terminal-safe.
 */
export function formatBrief(brief: Brief, format: BriefOptions['format'], json: 'indented' | 'line' = 'indented'): string {
  if (format === 'json') return json === 'line' ? JSON.stringify(brief) : JSON.stringify(brief, null, 2);
  if (format === 'html') return renderHtml(brief);
  return terminalSafe(renderMarkdown(brief, { target: process.stdout.isTTY ? 'terminal' : 'markdown' }));
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
    const json = await briefJson(store, id, { cache: options.cache !== false, notice: (message) => say(`brief: ${message}`) });
    if (json === undefined) {
      say(`brief: no story ${id} in ${options.db}; \`newsfuse stories\` lists them`);
      return 1;
    }
    // Every format is rendered from the JSON, cached or fresh, so a cache hit prints exactly what a rebuild would.
    await writeLine(formatBrief(JSON.parse(json) as Brief, options.format));
    return 0;
  } finally {
    await store.close();
  }
}

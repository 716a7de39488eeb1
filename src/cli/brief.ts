// `newsfuse brief STORY`: the brief of one story as Markdown or JSON.
import { buildBrief } from '../brief/brief.js';
import { renderMarkdown } from '../brief/render-md.js';
import { openStore } from '../store/store.js';
import { say, writeLine } from './io.js';
import { terminalSafe } from './terminal.js';

export async function briefCommand(storyArg: string, options: { db: string; format: 'md' | 'json' }): Promise<number> {
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
    const story = await store.getStory(id);
    if (!story) {
      say(`brief: no story ${id} in ${options.db}; \`newsfuse stories\` lists them`);
      return 1;
    }
    const brief = buildBrief(story, await store.storyArticles(id));
    await writeLine(options.format === 'json' ? JSON.stringify(brief, null, 2) : terminalSafe(renderMarkdown(brief)));
    return 0;
  } finally {
    await store.close();
  }
}

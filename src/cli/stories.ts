// `newsfuse stories`: stories of the store, largest and newest first, as a table or JSON.
import { openStore } from '../store/store.js';
import { writeLine } from './output.js';
import { terminalSafe } from './terminal.js';

export async function storiesCommand(options: { db: string; json?: boolean; limit: number; query?: string }): Promise<number> {
  const store = await openStore(options.db, { create: false });
  try {
    const stories = await store.listStories({ limit: options.limit, query: options.query });
    if (options.json) {
      await writeLine(JSON.stringify(stories, null, 2));
      return 0;
    }
    if (stories.length === 0) {
      await writeLine(options.query ? `no story matches "${terminalSafe(options.query)}"` : 'no stories yet; run `newsfuse ingest PATH`');
      return 0;
    }
    await writeLine('   id  articles  sources  last seen         title');
    for (const s of stories) {
      const last = s.lastSeen ? s.lastSeen.slice(0, 16).replace('T', ' ') : '-';
      await writeLine(`${String(s.id).padStart(5)}  ${String(s.articleCount).padStart(8)}  ${String(s.sourceCount).padStart(7)}  ${last.padEnd(16)}  ${terminalSafe(s.title).slice(0, 100)}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

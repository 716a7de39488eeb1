// `newsfuse recluster`: story assignment re-run over the stored articles, with a summary of what changed.
import { recluster } from '../cluster/recluster.js';
import { openStore } from '../store/store.js';
import { say, writeLine } from './output.js';
import { terminalSafe } from './terminal.js';

/** An ISO 8601 date or date-time as epoch ms, read as UTC unless it names an offset (never the machine's zone). */
export function parseSince(value: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return undefined;
  const iso = `${m[1]}T${m[2] ?? '00:00'}${m[3] ?? 'Z'}`;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

export async function reclusterCommand(options: { db: string; since?: string; json?: boolean }): Promise<number> {
  let since: number | undefined;
  if (options.since !== undefined) {
    since = parseSince(options.since);
    if (since === undefined) {
      say(`recluster: --since expects an ISO 8601 date such as 2021-01-05 or 2021-01-05T10:00Z, instead found "${terminalSafe(options.since)}"`);
      return 2;
    }
  }
  const store = await openStore(options.db, { create: false });
  try {
    const summary = await recluster(store, since === undefined ? {} : { since });
    if (options.json) await writeLine(JSON.stringify(summary));
    else {
      await writeLine(
        `recluster: ${summary.articles} articles, ${summary.reassigned} assigned again, ${summary.moved} changed story; ` +
          `stories ${summary.storiesBefore} -> ${summary.storiesAfter}${summary.merged ? ` (${summary.merged} left empty, recorded as merged)` : ''}`,
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}

// `newsfuse reextract`: extraction re-run on the stored raw pages, the articles updated, with a summary of what changed.
import { recluster } from '../cluster/recluster.js';
import { reextract, type ReextractSummary } from '../reextract.js';
import { openStore } from '../store/store.js';
import { say, writeLine } from './output.js';
import { parseSince } from './recluster.js';
import { terminalSafe } from './terminal.js';

export interface ReextractCommandOptions {
  db: string;
  since?: string;
  story?: number;
  dryRun?: boolean;
  recluster?: boolean;
  json?: boolean;
  workers?: number;
}

function summaryLine(summary: ReextractSummary): string {
  const fields = Object.entries(summary.fields)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, n]) => `${name} ${n}`);
  const verb = summary.dryRun ? 'would change' : 'changed';
  return (
    `reextract: ${summary.pages} raw page${summary.pages === 1 ? '' : 's'}, ${summary.changed} ${verb}${fields.length ? ` (${fields.join(', ')})` : ''}, ` +
    `${summary.unchanged} unchanged, ${summary.failed} failed; ` +
    (summary.dryRun ? `dry run: nothing written (${summary.stories} stories would have stale briefs)` : `briefs of ${summary.stories} stories marked stale`)
  );
}

export async function reextractCommand(options: ReextractCommandOptions): Promise<number> {
  let ingestedSince: string | undefined;
  if (options.since !== undefined) {
    const since = parseSince(options.since);
    if (since === undefined) {
      say(`reextract: --since expects an ISO 8601 date such as 2021-01-05 or 2021-01-05T10:00Z, instead found "${terminalSafe(options.since)}"`);
      return 2;
    }
    ingestedSince = new Date(since).toISOString();
  }
  if (options.dryRun && options.recluster) {
    say('reextract: give --dry-run or --recluster, not both (a dry run writes nothing to re-cluster)');
    return 2;
  }
  const store = await openStore(options.db, { create: false });
  try {
    if (options.story !== undefined && (await store.getStory(await store.resolveStory(options.story))) === undefined) {
      say(`reextract: expecting a story id from \`newsfuse stories\`, instead found ${options.story}, which is not a story of ${terminalSafe(options.db)}`);
      return 1;
    }
    const stats = await store.rawPageStats();
    const summary = await reextract(store, { ingestedSince, story: options.story, dryRun: options.dryRun, workers: options.workers });
    for (const f of summary.failures) say(`article #${f.article} (${f.source}): ${f.reason} [${f.rule}]`);
    const reclustered = options.recluster ? await recluster(store) : undefined;
    if (options.json) {
      await writeLine(JSON.stringify({ ...summary, withoutRawPage: stats.articles - stats.pages, recluster: reclustered ?? null }));
    } else {
      await writeLine(summaryLine(summary));
      if (stats.articles > stats.pages) {
        await writeLine(`reextract: ${stats.articles - stats.pages} stored articles have no raw page (plain text, ingested with --no-raw, or before raw pages were kept) and were left as they are`);
      }
      if (reclustered) {
        await writeLine(
          `recluster: ${reclustered.articles} articles, ${reclustered.moved} changed story; stories ${reclustered.storiesBefore} -> ${reclustered.storiesAfter}` +
            (reclustered.merged ? ` (${reclustered.merged} left empty, recorded as merged)` : ''),
        );
      } else if (summary.changed > 0 && !summary.dryRun) {
        await writeLine('reextract: story assignment was not re-run; run `newsfuse recluster` (or pass --recluster) to assign stories from the new texts');
      }
    }
    return summary.pages === 0 || summary.failed < summary.pages ? 0 : 1;
  } finally {
    await store.close();
  }
}

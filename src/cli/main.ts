// The newsfuse command line: commander wiring of the store commands and the stateless tools. Each command's module
// (and the stages it needs) is imported only when that command runs, so `--version` and `--help` load no stage.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { NEAR_DUPLICATE_THRESHOLD } from '../fingerprint/near-duplicate.js';
import { positiveInt, say, wholeNumber } from './output.js';

// Commander passes positional arguments, then options, then the command: typed per action below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Action = (...args: any[]) => Promise<number>;

/** Wrap an action so its exit code is kept and an unexpected error becomes one clear line. */
function run(holder: { code: number }, action: Action) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return async (...args: any[]): Promise<void> => {
    try {
      holder.code = await action(...args);
    } catch (error) {
      say((error as Error).message);
      holder.code = 1;
    }
  };
}

const int = (name: string) => (value: string) => {
  try {
    return positiveInt(name)(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
};

const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`expecting a port from 0 to 65535, instead found "${value}"`);
  return n;
};

const ratio = (value: string): number => {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError(`expecting a number from 0 to 1, instead found "${value}"`);
  return n;
};

export function buildProgram(holder: { code: number }): Command {
  const program = new Command('newsfuse')
    .description('Turn news articles from many outlets into stories with a cross-source brief.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  const db = (): Option => new Option('--db <FILE|URL>', 'store: SQLite file or postgres:// URL').env('NEWSFUSE_DB').default('newsfuse.db');

  program
    .command('ingest')
    .description('read, clean, describe, fingerprint and cluster articles into the store')
    .argument('<paths...>', 'files, folders or globs (.txt, .html, .jsonl, optionally .gz)')
    .addOption(db())
    .option('--no-progress', 'no progress bar even on a terminal')
    .option('--workers <N>', 'worker threads for the per-article stages (0: none; default one per CPU)', wholeNumber('--workers'))
    .option('--no-raw', 'do not keep the raw HTML of pages (then `reextract` cannot re-read them)')
    .action(
      run(holder, async (paths: string[], options: { db: string; progress: boolean; workers?: number; raw: boolean }) => (await import('./ingest.js')).ingestCommand(paths, options)),
    );

  program
    .command('recluster')
    .description('re-run story assignment over the stored articles (after a method or parameter change); reports how many changed story')
    .addOption(db())
    .option('--since <DATE>', 'only articles published on or after DATE (ISO 8601; UTC unless it names an offset) are assigned again')
    .option('--json', 'print the summary as JSON')
    .action(run(holder, async (options: { db: string; since?: string; json?: boolean }) => (await import('./recluster.js')).reclusterCommand(options)));

  program
    .command('reextract')
    .description('re-run extraction (read, clean, describe, fingerprint) on the stored raw pages with the current code; updates the articles that changed and marks their stories\' briefs stale (story assignment is not re-run)')
    .addOption(db())
    .option('--since <DATE>', 'only articles ingested on or after DATE (ISO 8601; UTC unless it names an offset)')
    .option('--story <ID>', 'only the articles of this story', int('--story'))
    .option('--dry-run', 'report what would change, write nothing')
    .option('--recluster', 'then re-run story assignment over the stored articles (as `recluster`)')
    .option('--json', 'print the summary as JSON')
    .option('--workers <N>', 'worker threads for the per-article stages (0: none; default one per CPU)', wholeNumber('--workers'))
    .action(run(holder, async (options: import('./reextract.js').ReextractCommandOptions) => (await import('./reextract.js')).reextractCommand(options)));

  program
    .command('stories')
    .description('list stories, largest and newest first')
    .addOption(db())
    .option('--json', 'print a JSON array')
    .option('--limit <N>', 'at most N stories', int('--limit'), 20)
    .option('--query <TEXT>', 'only stories whose title or articles mention TEXT')
    .action(run(holder, async (options: { db: string; json?: boolean; limit: number; query?: string }) => (await import('./stories.js')).storiesCommand(options)));

  program
    .command('brief')
    .description('the brief of one story (an id from `stories`, or "top" for the largest); with --input, of every story line of a JSONL file, without a store')
    .argument('[story]', 'story id or "top"')
    .addOption(db())
    .option('--input <FILE>', 'stories, one {"id","articles":[...]} JSON object a line; prints one brief per line')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json', 'html']))
    .option('--no-cache', 'build the brief afresh instead of reading the store\'s cached one')
    .action(
      run(holder, async (story: string | undefined, options: { db: string; format?: 'md' | 'json' | 'html'; input?: string; cache: boolean }) => {
        if (options.input) {
          if (story !== undefined) {
            say(`brief: give a story id or --input, not both (found "${story}" and --input ${options.input})`);
            return 2;
          }
          return (await import('./brief-input.js')).briefInputCommand({ input: options.input, format: options.format ?? 'json' });
        }
        if (story === undefined) {
          say('brief: expecting a story id, "top", or --input STORIES.jsonl');
          return 2;
        }
        return (await import('./brief.js')).briefCommand(story, { ...options, format: options.format ?? 'md' });
      }),
    );

  program
    .command('serve')
    .description('the HTTP API (/api) and web UI over the store; writes need NEWSFUSE_TOKEN when it is set, and it must be set to listen beyond loopback')
    .addOption(db())
    .option('--port <N>', 'TCP port (0: any free one)', port, 8080)
    .option('--host <HOST>', 'address to listen on', '127.0.0.1')
    .option('--poll <SECONDS>', "seconds between a story page's checks for new articles", int('--poll'), 15)
    .action(run(holder, async (options: { db: string; port: number; host: string; poll: number }) => (await import('./serve.js')).serveCommand(options)));

  program
    .command('extract')
    .description('clean text and metadata of pages, without a store')
    .argument('<files...>')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'jsonl']).default('json'))
    .action(run(holder, async (files: string[], options: { format: string }) => (await import('./extract.js')).extractCommand(files, options)));

  program
    .command('cluster')
    .description('assign JSONL articles to stories; prints {"id","story"} lines')
    .requiredOption('--input <FILE>', 'articles, one JSON object a line')
    .action(run(holder, async (options: { input: string }) => (await import('./cluster.js')).clusterCommand(options)));

  program
    .command('dupes')
    .description('exact and near-duplicate pairs among JSONL articles')
    .requiredOption('--input <FILE>', 'articles, one JSON object a line')
    .option('--threshold <J>', 'least shingle Jaccard for a near duplicate', ratio, NEAR_DUPLICATE_THRESHOLD)
    .option('--workers <N>', 'worker threads besides the main one for the per-article stages (0: none; default one per CPU but one)', wholeNumber('--workers'))
    .action(run(holder, async (options: { input: string; threshold: number; workers?: number }) => (await import('./dupes.js')).dupesCommand(options)));

  program
    .command('compare')
    .description('similarity of two article files, same-story verdict, shared passages')
    .argument('<a>')
    .argument('<b>')
    .option('--json', 'print JSON')
    .action(run(holder, async (a: string, b: string, options: { json?: boolean }) => (await import('./compare.js')).compareCommand(a, b, options)));

  program
    .command('similarity')
    .description('similarity of article pairs: {"id","a","b"} lines in, {"id","similarity","sameStory"} out')
    .requiredOption('--input <FILE>', 'pairs, one JSON object a line')
    .action(run(holder, async (options: { input: string }) => (await import('./similarity.js')).similarityCommand(options)));

  program
    .command('same-claim')
    .description('whether sentence pairs state the same claim: {"id","a":{"text"},"b":{"text"}} lines in, {"id","sameClaim","score"} out')
    .requiredOption('--input <FILE>', 'pairs, one JSON object a line')
    .action(run(holder, async (options: { input: string }) => (await import('./same-claim.js')).sameClaimCommand(options)));

  program
    .command('timex')
    .description('time expressions of a text, resolved against a reference date')
    .requiredOption('--ref <ISO_DATE>', 'document creation time')
    .argument('<file>')
    .action(run(holder, async (file: string, options: { ref: string }) => (await import('./timex.js')).timexCommand(file, options)));

  program
    .command('quotes')
    .description('quotes of text files with speakers and cues; one {"file","quotes"} JSON line per file')
    .argument('<files...>')
    .option('--no-clean', 'search the decoded text as it is, without removing page furniture first')
    .action(run(holder, async (files: string[], options: { clean: boolean }) => (await import('./quotes.js')).quotesCommand(files, options)));

  program
    .command('summarize')
    .description('extractive summaries of article groups: {"id","articles"} lines in, {"id","summary"} out')
    .requiredOption('--input <FILE>', 'groups, one JSON object a line')
    .option('--words <N>', 'summary length in words', int('--words'), 60)
    .action(run(holder, async (options: { input: string; words: number }) => (await import('./summarize.js')).summarizeCommand(options)));

  program
    .command('entities')
    .description('people, organisations and places of JSONL articles: {"id","entities"} lines, names canonical across the input')
    .requiredOption('--input <FILE>', 'articles, one JSON object a line')
    .action(run(holder, async (options: { input: string }) => (await import('./entities.js')).entitiesCommand(options)));

  return program;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const holder = { code: 0 };
  const program = buildProgram(holder);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    say((error as Error).message);
    return 1;
  }
  return holder.code;
}

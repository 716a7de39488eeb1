// `newsfuse same-claim --input PAIRS.jsonl`: whether each pair of sentences states the same claim.
import { prepareClaim, sameClaim, type PreparedClaim } from '../brief/claims/same-claim.js';
import { say, writeLine } from './output.js';
import { jsonRecords } from './jsonl-records.js';

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** The `text` of the record's side `label` (an object with a non-empty "text" string, or the string itself), or a reason. */
function sideText(value: unknown, label: string): string | { reason: string } {
  const text = typeof value === 'string' ? value : value !== null && typeof value === 'object' ? (value as Record<string, unknown>).text : undefined;
  if (typeof text === 'string' && text.trim() !== '') return text;
  const found = value === undefined ? 'no such field' : typeof value !== 'object' || value === null ? JSON.stringify(value) : `"text" ${text === undefined ? 'missing' : JSON.stringify(text)}`;
  return { reason: `${label}: expecting {"text": "..."} with a non-empty sentence, instead found ${found}` };
}

/**
 * Prints `{id, sameClaim, score}` per pair in input order; the verdict is sameClaim()'s.
 * A line that is not JSON or lacks a text is reported on stderr with its line number and gets no answer; the rest go on.
 */
export async function sameClaimCommand(options: { input: string }): Promise<number> {
  const prepared = new Map<string, PreparedClaim>();
  // Sentences recur across the pairs of a story; each is prepared once.
  const prepare = (text: string): PreparedClaim => {
    let claim = prepared.get(text);
    if (!claim) prepared.set(text, (claim = prepareClaim(text)));
    return claim;
  };
  let bad = 0;
  let answered = 0;
  for await (const { record, line } of jsonRecords(options.input)) {
    const a = sideText(record.a, 'a');
    const b = sideText(record.b, 'b');
    const problem = typeof a === 'string' ? (typeof b === 'string' ? undefined : b) : a;
    if (problem || typeof a !== 'string' || typeof b !== 'string') {
      say(`${options.input}:${line}: ${problem?.reason ?? 'unreadable pair'}; pair skipped [read:fields]`);
      bad++;
      continue;
    }
    const verdict = sameClaim(prepare(a), prepare(b));
    await writeLine(JSON.stringify({ id: record.id ?? line, sameClaim: verdict.sameClaim, score: round(verdict.score) }));
    answered++;
  }
  return answered === 0 && bad > 0 ? 1 : 0;
}

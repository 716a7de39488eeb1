// `timex --ref DATE FILE`: the time expressions of a text file, resolved against a reference date.
import { readFile } from 'node:fs/promises';
import { decodeBytes } from '../read/decode.js';
import { findTimeExpressions, parseReference } from '../text/timex.js';
import { say, writeLine } from './output.js';

/** `timex --ref ISO_DATE FILE`: the time expressions of the file's text as a JSON array. Exit 2 on a bad --ref. */
export async function timexCommand(file: string, options: { ref: string }): Promise<number> {
  // Only YYYY-MM-DD with an optional THH:MM(:SS)(Z|±HH:MM): Date.parse would take "Jan 5 2021" and read it in local time.
  if (!parseReference(options.ref)) {
    say(`--ref: expecting an ISO date such as 2021-01-08, instead found "${options.ref}"`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    say(`${file}: ${(error as Error).message}`);
    return 1;
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    say(`${file}: ${decoded.reason} [${decoded.rule}]`);
    return 1;
  }
  for (const note of decoded.decoded.notes) say(`${file}: ${note.reason} [${note.rule}]`);
  await writeLine(JSON.stringify(findTimeExpressions(decoded.decoded.text, options.ref)));
  return 0;
}

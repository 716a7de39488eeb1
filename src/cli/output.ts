// CLI output without the stages: stdout lines with backpressure, messages to stderr, option parsing. main.ts
// loads only this at start, so `--version` and `--help` read no stage.
import { terminalSafe } from './terminal.js';

/** Write a line to stdout, waiting when the pipe is full (so huge outputs do not pile up in memory). */
export async function writeLine(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await new Promise<void>((done) => process.stdout.once('drain', () => done()));
}

/** A message for the user on stderr, prefixed with the program name. */
export function say(message: string): void {
  process.stderr.write(`newsfuse: ${terminalSafe(message)}\n`);
}

/** Parse a positive integer option, or explain what was expected. */
export function positiveInt(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: expecting a positive whole number, instead found "${value}"`);
    return n;
  };
}

/** Parse a whole-number option that may be 0, or explain what was expected. */
export function wholeNumber(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: expecting a whole number (0 or more), instead found "${value}"`);
    return n;
  };
}

/** A score rounded to 4 decimals, as the JSON outputs print scores. */
export const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

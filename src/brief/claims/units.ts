// Claim units of an article: its sentences that state something, without photo captions, bylines, boilerplate or a leading dateline.
import { dataLines } from '../../data-files.js';
import { splitSentences } from '../../text/sentences.js';

/** A sentence of an article that can carry a claim, as offsets into the article text. */
export interface ClaimUnit {
  start: number;
  end: number;
  /** Position of the sentence in its article, from 0 (captions and the like counted too). */
  position: number;
}

/** Fewer words than this is a label, a heading or a fragment, not a statement. */
const MIN_WORDS = 6;
/** More words than this is a list, a table or a run-on paragraph the splitter could not cut. */
const MAX_WORDS = 90;

let notClaims: RegExp[] | undefined;
const notClaimPatterns = (): RegExp[] => (notClaims ??= dataLines('brief-not-claims.txt').map((line) => new RegExp(line, 'iu')));

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** A photo caption ends on the picture's place and date: "…, in Pyongyang, North Korea, Jan.6, 2021." */
const CAPTION_DATE = new RegExp(`,\\s*${MONTH}\\s*\\d{1,2},\\s*\\d{4}\\.?\\s*(?:\\([^)]*\\))?\\s*$`, 'u');
/** A dateline before the first sentence: "SEOUL (Dispatches) --", "WASHINGTON (AP) —", "PARIS, Jan. 8 (Xinhua) --". */
const DATELINE = new RegExp(`^\\p{Lu}[\\p{Lu} .,'’-]{1,40}?(?:,\\s*${MONTH}\\s*\\d{1,2})?\\s*(?:\\([^)]{1,40}\\))?\\s*(?:--|—|–|-|:)\\s+`, 'u');

const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** Sentences whose verdict is kept: wire copies repeat the same sentences in many articles of a story. */
const REASON_MEMO_SIZE = 50_000;
const reasonMemo = new Map<string, string | null>();

/** Why a sentence is no claim, or null when it is one. */
export function notClaimReason(sentence: string): string | null {
  const known = reasonMemo.get(sentence);
  if (known !== undefined) return known;
  const reason = reasonOf(sentence);
  if (reasonMemo.size >= REASON_MEMO_SIZE) reasonMemo.clear();
  reasonMemo.set(sentence, reason);
  return reason;
}

function reasonOf(sentence: string): string | null {
  const words = wordCount(sentence);
  if (words < MIN_WORDS) return 'too short';
  if (words > MAX_WORDS) return 'too long';
  if (!/\p{Ll}/u.test(sentence)) return 'no lower-case letter';
  const digits = (sentence.match(/\b\d[\d.,:/-]*\b/g) ?? []).length;
  if (digits * 3 > words) return 'mostly numbers';
  if (CAPTION_DATE.test(sentence)) return 'photo caption';
  if (notClaimPatterns().some((pattern) => pattern.test(sentence))) return 'caption, byline or boilerplate';
  return null;
}

/** Length of a dateline that opens `sentence`, or 0. */
export function datelineLength(sentence: string): number {
  const match = DATELINE.exec(sentence);
  // A dateline is followed by the sentence proper, which starts with a capital letter or a quote.
  return match && /^["“‘'\p{Lu}\d]/u.test(sentence.slice(match[0].length)) ? match[0].length : 0;
}

/** The sentences of `text` that can carry a claim, a leading dateline cut off. */
export function claimUnits(text: string): ClaimUnit[] {
  const units: ClaimUnit[] = [];
  splitSentences(text).forEach((span, position) => {
    let start = span.start;
    const skip = datelineLength(text.slice(start, Math.min(span.end, start + 80)));
    start += skip;
    if (notClaimReason(text.slice(start, span.end)) !== null) return;
    units.push({ start, end: span.end, position });
  });
  return units;
}

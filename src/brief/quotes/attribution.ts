// Attribution frames of one sentence: for each cue, the content it introduces and the speaker phrase it has.
import type { CueClass, Lexicon } from './lexicon.js';
import { DETERMINERS, PRONOUNS, isMedium, isName, isWord, phraseAfter, subjectBefore, type Range } from './mentions.js';
import type { QuotedSpan } from './quote-marks.js';
import type { Sentence, Word } from './words.js';

export interface Frame {
  /** Character span of the content. */
  start: number;
  end: number;
  kind: 'direct' | 'indirect' | 'mixed';
  speaker: Range | null;
  cue: Range;
  /** The cue's own subject when it is a medium relaying someone else's words (speaker is then the inner one). */
  medium: Range | null;
  /** Quoted spans (indices) the content covers. */
  quotes: number[];
  /** First token of the content. */
  firstToken: number;
}

export interface DocumentTokens {
  text: string;
  words: Word[];
  quotes: QuotedSpan[];
  /** First and last token index of each quoted span. */
  quoteFirst: number[];
  quoteLast: number[];
  lexicon: Lexicon;
  /** Number of word tokens before token i (i in 0..words.length): word counts of any range in O(1). */
  wordsBefore: Int32Array;
  /** Number of word tokens outside quotation marks before token i. */
  outsideBefore: Int32Array;
  /** The first token at or after i where reported content stops (a semicolon, ", according to", ", adding"). */
  contentStop: Int32Array;
}

/** The per-document tables of DocumentTokens, built in one pass each. */
export function documentTables(words: Word[], lexicon: Lexicon): Pick<DocumentTokens, 'wordsBefore' | 'outsideBefore' | 'contentStop'> {
  const n = words.length;
  const wordsBefore = new Int32Array(n + 1);
  const outsideBefore = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    wordsBefore[i + 1] = wordsBefore[i]! + (w.word ? 1 : 0);
    outsideBefore[i + 1] = outsideBefore[i]! + (w.word && w.quote === -1 ? 1 : 0);
  }
  const contentStop = new Int32Array(n + 1);
  contentStop[n] = n;
  for (let j = n - 1; j >= 0; j--) {
    const t = words[j]!;
    const next = words[j + 1];
    const stop = isPunct(t, ';') || (isPunct(t, ',') && isWord(next) && (next.lower === 'according' || (/ing$/.test(next.lower) && lexicon.cues.has(next.lower))));
    contentStop[j] = stop ? j : contentStop[j + 1]!;
  }
  return { wordsBefore, outsideBefore, contentStop };
}

/** Reported content without quotation marks longer than this many tokens is cut there: no sentence is that long, a run-on text is. */
const MAX_CONTENT_TOKENS = 300;

// Closed-class time and manner words that may follow a cue before its content ("said Tuesday that …").
const TIME = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'earlier', 'later', 'again', 'also', 'repeatedly', 'recently', 'previously', 'then', 'now', 'once', 'too',
  'afterward', 'afterwards', 'separately', 'flatly', 'simply', 'bluntly', 'frankly', 'openly', 'privately', 'publicly',
]);
const PERIOD_WORDS = new Set(['week', 'weekend', 'night', 'month', 'year', 'morning', 'evening', 'afternoon', 'time', 'spring', 'summer', 'fall', 'winter']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'via', 'through', 'after', 'before', 'from', 'with', 'to', 'of', 'about']);
const CONTENT_STARTS = new Set(['that', 'to', 'how', 'whether', 'what', 'why', 'when', 'where', 'who', 'if', 'there', 'this', 'it', 'his', 'her', 'their', 'its']);
const END_PUNCT = new Set(['.', '!', '?']);

const isPunct = (w: Word | undefined, set: string): boolean => w !== undefined && w.quote === -1 && !w.word && set.includes(w.text);

/** The cue form that starts at token i, or null. Nouns (the report, his claims) and infinitives (to say) are not cues. */
export function cueAt(doc: DocumentTokens, i: number, sentence: Sentence): { length: number; classes: Set<CueClass> } | null {
  const w = doc.words[i]!;
  if (!isWord(w)) return null;
  const forms = doc.lexicon.cues.get(w.lower);
  if (!forms) return null;
  if (w.capital && i !== sentence.first) return null;
  const prev = doc.words[i - 1];
  if (i > sentence.first && isWord(prev) && (DETERMINERS.has(prev.lower) || prev.lower === 'to' || /['’]s$/.test(prev.lower))) return null;
  for (const form of forms) {
    let ok = true;
    for (let k = 1; k < form.words.length && ok; k++) {
      const t = doc.words[i + k];
      ok = i + k < sentence.last && isWord(t) && t.lower === form.words[k];
    }
    if (ok) return { length: form.words.length, classes: form.classes };
  }
  return null;
}

/** Index after adjuncts that may follow a cue: time words, "last week", "in a statement" before ", : that or a quote". */
function skipAdjuncts(words: Word[], k: number, hi: number): number {
  for (let guard = 0; guard < 6 && k < hi; guard++) {
    const w = words[k]!;
    if (!isWord(w)) break;
    if (TIME.has(w.lower)) {
      k++;
      continue;
    }
    if ((w.lower === 'last' || w.lower === 'this' || w.lower === 'earlier' || w.lower === 'on') && isWord(words[k + 1]) && (PERIOD_WORDS.has(words[k + 1]!.lower) || TIME.has(words[k + 1]!.lower))) {
      k += 2;
      continue;
    }
    if (PREPOSITIONS.has(w.lower)) {
      // A short prepositional phrase counts as an adjunct only when the content visibly starts after it.
      let j = k + 1;
      while (j < hi && j < k + 8 && isWord(words[j]) && words[j]!.lower !== 'that') j++;
      const next = words[j];
      if (j < hi && next && (next.lower === 'that' || isPunct(next, ',:') || next.quote !== -1) && j > k + 1) {
        k = j;
        continue;
      }
      if (j >= hi || isPunct(next, '.!?')) return j;
    }
    break;
  }
  return k;
}

/** Character span of tokens [first, last), leaving out trailing punctuation outside quotation marks. */
function span(doc: DocumentTokens, first: number, last: number): { start: number; end: number } | null {
  while (last > first && !doc.words[last - 1]!.word && doc.words[last - 1]!.quote === -1 && /^[.,;:!?—–-]$/.test(doc.words[last - 1]!.text)) last--;
  while (first < last && !doc.words[first]!.word && doc.words[first]!.quote === -1 && /^[.,;:—–-]$/.test(doc.words[first]!.text)) first++;
  if (last <= first) return null;
  return { start: doc.words[first]!.start, end: doc.words[last - 1]!.end };
}

/** Quoted spans inside [start, end), and the kind of content they make. */
function kindOf(doc: DocumentTokens, start: number, end: number): { kind: Frame['kind']; quotes: number[] } {
  const quotes: number[] = [];
  for (let q = lowerBound(doc.quotes, start); q < doc.quotes.length && doc.quotes[q]!.start < end; q++) if (doc.quotes[q]!.end <= end + 1) quotes.push(q);
  if (!quotes.length) return { kind: 'indirect', quotes };
  const only = quotes.length === 1 && doc.quotes[quotes[0]!]!.start <= start && doc.quotes[quotes[0]!]!.end >= end - 1;
  return { kind: only ? 'direct' : 'mixed', quotes };
}

function lowerBound(quotes: QuotedSpan[], offset: number): number {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const wordCount = (doc: DocumentTokens, first: number, last: number): number => (last > first ? doc.wordsBefore[last]! - doc.wordsBefore[first]! : 0);

/** The frames of one sentence, in cue order. `previous` is the last speaker met (for "…, adding that …"). */
export function sentenceFrames(doc: DocumentTokens, s: Sentence, previous: Range | null): Frame[] {
  const { words } = doc;
  const frames: Frame[] = [];
  let lastSpeaker = previous;
  for (let c = s.first; c < s.last; c++) {
    const cue = cueAt(doc, c, s);
    if (!cue) continue;
    const frame = frameAt(doc, s, c, cue.length, cue.classes, lastSpeaker, frames);
    if (frame) {
      frames.push(frame);
      if (frame.speaker) lastSpeaker = frame.speaker;
    }
    c += cue.length - 1;
  }
  // Content of a frame stops where a later participle cue takes over (", adding that …").
  for (let i = 0; i + 1 < frames.length; i++) {
    const next = frames[i + 1]!;
    const a = frames[i]!;
    if (a.start < next.cue.first && a.end > words[next.cue.first]!.start && a.kind !== 'direct' && /ing$/.test(words[next.cue.first]!.lower)) {
      const cut = span(doc, a.firstToken, next.cue.first - 1);
      if (cut && cut.end > a.start) a.end = cut.end;
    }
  }
  return frames;
}

function frameAt(doc: DocumentTokens, s: Sentence, c: number, length: number, classes: Set<CueClass>, previous: Range | null, earlier: Frame[]): Frame | null {
  const { words } = doc;
  const cueEnd = c + length;
  const cueRange = { first: c, last: cueEnd };
  const make = (first: number, last: number, speaker: Range | null, medium: Range | null = null): Frame | null => {
    const range = span(doc, first, last);
    if (!range) return null;
    const { kind, quotes } = kindOf(doc, range.start, range.end);
    // One quoted word can be a whole answer ("Denver," he answered); unquoted content needs two.
    if (wordCount(doc, first, last) < (kind === 'direct' ? 1 : 2)) return null;
    return { ...range, kind, quotes, speaker, cue: cueRange, medium, firstToken: first };
  };

  if (classes.has('source')) {
    const after = skipAdjuncts(words, cueEnd, s.last);
    const np = phraseAfter(words, after, s.last);
    if (!np) return null;
    if (wordCount(doc, s.first, c) >= 3) return make(s.first, c, np);
    let k = np.last;
    if (isPunct(words[k], ',')) k++;
    return make(k, s.last, np);
  }

  // 1. After a quotation: "…," Bush said / "…," said Bush / He "declared …," KCNA said.
  let q = c - 1;
  while (q >= s.first && q > c - 14 && words[q]!.quote === -1 && (words[q]!.word || isPunct(words[q], ',—–'))) q--;
  afterQuote: if (q >= s.first && words[q]!.quote !== -1) {
    const between: Range = { first: q + 1, last: c };
    while (between.first < between.last && !words[between.first]!.word) between.first++;
    const qi = words[q]!.quote;
    let speaker: Range | null = between.last > between.first ? subjectBefore(words, c, between.first) : null;
    // Only a speaker phrase may stand between the quotation and the cue; anything else is another clause.
    if (between.last > between.first && (!speaker || speaker.first !== between.first)) break afterQuote;
    let after = skipAdjuncts(words, cueEnd, s.last);
    if (!speaker) {
      speaker = phraseAfter(words, after, s.last);
      if (speaker) after = speaker.last;
    }
    const qFirst = doc.quoteFirst[qi]!;
    let lastToken = doc.quoteLast[qi]! + 1;
    // "…," he said, "…": the second part continues the same quotation.
    while (after < s.last && isPunct(words[after], ',:—–') && after + 1 < s.last && words[after + 1]!.quote !== -1) {
      const next = words[after + 1]!.quote;
      lastToken = doc.quoteLast[next]! + 1;
      after = lastToken;
    }
    let first = qFirst;
    let medium: Range | null = null;
    const pre = wordCount(doc, s.first, qFirst);
    if (pre > 0) {
      const inner = subjectBefore(words, qFirst, s.first);
      const outerIsMedium = speaker !== null && isMedium(textOf(doc, speaker));
      if (outerIsMedium && inner) {
        medium = speaker;
        speaker = inner;
      } else if (pre > 0 && !(pre <= 1 && isPunct(words[qFirst - 1], ':'))) {
        first = s.first;
      }
    }
    return make(first, lastToken, speaker, medium);
  }

  // 2a. Inverted after its content: …, said Bush.
  if (c > s.first && isPunct(words[c - 1], ',') && !/ing$/.test(words[c]!.lower)) {
    const np = phraseAfter(words, skipAdjuncts(words, cueEnd, s.last), s.last);
    if (np && (np.last >= s.last || isPunct(words[np.last], '.,!?')) && wordCount(doc, s.first, c) >= 3) return make(s.first, c - 1, np);
  }

  // 2. Before its content: Bush said (that) …; Bush said: "…"; Officials told reporters that …
  let speaker = subjectBefore(words, c, s.first);
  if (!speaker && c > s.first && isPunct(words[c - 1], ',') && /ing$/.test(words[c]!.lower)) speaker = earlier.at(-1)?.speaker ?? previous;
  let k = skipAdjuncts(words, cueEnd, s.last);
  if (classes.has('object') && k < s.last && isWord(words[k]) && !CONTENT_STARTS.has(words[k]!.lower)) {
    let j = k;
    while (j < s.last && j < k + 7 && isWord(words[j]) && words[j]!.lower !== 'that' && words[j]!.lower !== 'to') j++;
    if (j < s.last && (words[j]!.lower === 'that' || words[j]!.lower === 'to' || isPunct(words[j], ',:') || words[j]!.quote !== -1)) k = j;
  }
  if (isPunct(words[k], ',:')) k++;
  const rest = k < s.last && !isPunct(words[k], '.!?');
  if (rest && speaker) {
    const w = words[k]!;
    const onlyBelief = !classes.has('speech') && !classes.has('object');
    // KCNA reported Kim "declared …": the medium relays the words of the name right before the quotation.
    if (w.quote === -1 && isMedium(textOf(doc, speaker))) {
      for (let j = k + 1; j < s.last && j <= k + 6; j++) {
        if (words[j]!.quote === -1) continue;
        const inner = subjectBefore(words, j, k);
        if (inner && inner.first === k) return make(j, doc.quoteLast[words[j]!.quote]! + 1, inner, speaker);
        break;
      }
    }
    if (w.quote !== -1) {
      // Quotation after the cue: up to the last quotation of the sentence when only quotations and punctuation follow.
      let last = doc.quoteLast[w.quote]! + 1;
      for (let j = last; j < s.last; j++) {
        if (words[j]!.quote !== -1) last = doc.quoteLast[words[j]!.quote]! + 1;
        else if (words[j]!.word) break;
      }
      const frame = make(k, last, speaker);
      return frame;
    }
    const starts = CONTENT_STARTS.has(w.lower) || PRONOUNS.has(w.lower) || DETERMINERS.has(w.lower) || isName(w) || /^\p{N}/u.test(w.text);
    if (onlyBelief ? starts && !(w.lower === 'that' && !isWord(words[k + 1])) : starts || w.word) {
      // "said to be …" is not what someone said; "pledged to oppose …" is.
      if (w.lower === 'to' && /^(?:say|says|said|saying)$/.test(words[c]!.lower)) return null;
      const end = Math.min(doc.contentStop[k + 1]!, s.last, k + MAX_CONTENT_TOKENS);
      return make(k, end, speaker);
    }
    return null;
  }

  // 3. After its content: …, Bush said. / …, said Bush.
  if (!rest) {
    if (speaker && speaker.first > s.first && isPunct(words[speaker.first - 1], ',')) {
      if (wordCount(doc, s.first, speaker.first) >= 3) return make(s.first, speaker.first - 1, speaker);
    }
  }
  return null;
}

export function textOf(doc: DocumentTokens, range: Range): string {
  return doc.text.slice(doc.words[range.first]!.start, doc.words[range.last - 1]!.end);
}

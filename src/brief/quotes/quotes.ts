// Quotes and speakers of a text: direct quotations, reported speech and beliefs, each with its speaker mention,
// the speaker's resolved name, the cue, and a medium that relays it (He "declared …," KCNA said).
import { findEntities, type EntityMention } from '../entities/entities.js';
import { documentTables, isTitleLike, kindOf, sentenceFrames, span as tokenSpan, textOf, type DocumentTokens, type Frame } from './attribution.js';
import { quoteLexicon } from './lexicon.js';
import { NameResolver, bareName, isMedium, isName, mediumName, subjectBefore, type Range } from './mentions.js';
import { findQuotedSpans, findSingleQuotedSpans } from './quote-marks.js';
import { splitWordSentences, tokenizeWords, type Sentence } from './words.js';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface Quote {
  /** The quoted or reported content; offsets are JS string indices into the text. */
  start: number;
  end: number;
  text: string;
  kind: 'direct' | 'indirect' | 'mixed';
  /** The mention the text uses (he, a State Department official, Mr. McKinley) and the name it resolves to. */
  speaker: (TextSpan & { name: string | null }) | null;
  cue: TextSpan | null;
  /** A medium relaying the words (KCNA said), else null. */
  reportedBy: (TextSpan & { name: string }) | null;
}

/** Unattributed quotations shorter than this are titles and scare quotes rather than quotes. */
const MIN_STANDALONE_WORDS = 4;
/** A quotation-only sentence continues the last attributed quote when it follows within this many sentences. */
const CONTINUATION_SENTENCES = 1;

export interface FindQuotesOptions {
  /** The text's entity mentions when the caller has them already (the brief does); else they are found here. */
  mentions?: readonly EntityMention[];
}

/** All quotes of the text, in text order. Never throws on odd input; linear in the text length. */
export function findQuotes(text: string, options: FindQuotesOptions = {}): Quote[] {
  if (typeof text !== 'string' || !text) return [];
  const double = findQuotedSpans(text);
  const quotes = [...double, ...findSingleQuotedSpans(text, double)].sort((a, b) => a.start - b.start);
  const words = tokenizeWords(text, quotes);
  const quoteFirst: number[] = new Array(quotes.length).fill(-1);
  const quoteLast: number[] = new Array(quotes.length).fill(-1);
  words.forEach((w, i) => {
    if (w.quote < 0) return;
    if (quoteFirst[w.quote] === -1) quoteFirst[w.quote] = i;
    quoteLast[w.quote] = i;
  });
  const lexicon = quoteLexicon();
  const doc: DocumentTokens = { text, words, quotes, quoteFirst, quoteLast, lexicon, ...documentTables(words, lexicon) };
  const sentences = splitWordSentences(text, words);
  const mentions = options.mentions ?? findEntities(text);
  const resolver = new NameResolver(mentions);
  const headlines = new HeadlineSpeakers(mentions);

  const frames: { frame: Frame; sentence: number }[] = [];
  let previous: Range | null = null;
  let lineEnd = -1;
  sentences.forEach((sentence, index) => {
    if (sentence.start < lineEnd) return;
    const headline = headlineFrame(doc, sentence, headlines);
    if (headline) {
      frames.push({ frame: headline.frame, sentence: index });
      lineEnd = headline.lineEnd;
      return;
    }
    for (const frame of sentenceFrames(doc, sentence, previous)) {
      frames.push({ frame, sentence: index });
      if (frame.speaker) previous = frame.speaker;
    }
  });

  const used = new Set<number>();
  for (const { frame } of frames) for (const q of frame.quotes) used.add(q);

  // Quotations no cue claimed: a quote-only sentence right after an attributed quote goes on in the same voice.
  const extra: Frame[] = [];
  let f = 0;
  let lastAttributed: { frame: Frame; sentence: number } | null = null;
  sentences.forEach((sentence, index) => {
    while (f < frames.length && frames[f]!.sentence <= index) {
      // An indirect frame in the sentence of a quoted one ("“…,” said X, who noted that …") does not take its place.
      const next = frames[f]!;
      if (next.frame.speaker && !(next.frame.kind === 'indirect' && lastAttributed && lastAttributed.sentence === next.sentence && lastAttributed.frame.kind !== 'indirect')) lastAttributed = next;
      f++;
    }
    for (let i = sentence.first; i < sentence.last; i++) {
      const qi = words[i]!.quote;
      if (qi < 0 || used.has(qi) || quoteFirst[qi] !== i) continue;
      used.add(qi);
      const span = quotes[qi]!;
      // "Trump: 'I'm the worst thing …'" — a name and a colon introduce the quotation without a verb.
      const colon = words[i - 1];
      if (colon && colon.text === ':' && colon.quote === -1 && i - 1 > sentence.first) {
        const speaker = subjectBefore(words, i - 1, sentence.first);
        if (speaker && isName(words[speaker.last - 1])) {
          const frame: Frame = { start: span.start, end: span.end, kind: 'direct', speaker, cue: { first: i - 1, last: i }, medium: null, quotes: [qi], firstToken: i };
          extra.push(frame);
          lastAttributed = { frame, sentence: index };
          continue;
        }
      }
      if (span.words < MIN_STANDALONE_WORDS || isTitleLike(doc, qi)) continue;
      const outside = doc.outsideBefore[sentence.last]! - doc.outsideBefore[sentence.first]!;
      const whole = outside <= 1;
      if (!whole) continue;
      const base: { frame: Frame; sentence: number } | null = lastAttributed;
      if (base && index - base.sentence <= CONTINUATION_SENTENCES && base.frame.kind !== 'indirect' && span.start > base.frame.end && !hasLineBreak(text, base.frame.end, span.start)) {
        // The same voice goes on in the same paragraph: one attribution whose content is interrupted by the cue
        // ("…," he said. "…"). A new paragraph opens a new attribution, even in the same voice.
        joinContinuation(base.frame, span.start, span.end);
        base.frame.quotes.push(qi);
        base.sentence = index;
        continue;
      }
      if (base && index - base.sentence <= CONTINUATION_SENTENCES && base.frame.kind !== 'indirect' && span.start > base.frame.end && base.frame.speaker) {
        // A quotation paragraph right after a quoted speaker's paragraph: a new attribution in the same voice.
        const frame: Frame = { start: span.start, end: span.end, kind: 'direct', speaker: base.frame.speaker, cue: { first: -1, last: -1 }, medium: base.frame.medium, quotes: [qi], firstToken: i };
        extra.push(frame);
        lastAttributed = { frame, sentence: index };
        continue;
      }
      extra.push({ start: span.start, end: span.end, kind: 'direct', speaker: null, cue: { first: -1, last: -1 }, medium: null, quotes: [qi], firstToken: i });
    }
  });

  const all = [...frames.map((x) => x.frame), ...extra].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Quote[] = [];
  const seen = new Set<string>();
  // One quote per stretch of text: a content inside another's ("X said Y argued that …", a quoted phrase inside
  // reported speech) is part of the outer one, which is the attribution the text makes.
  let outer: Frame | null = null;
  for (const frame of all) {
    const key = `${frame.start}:${frame.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (outer && frame.end <= outer.end) continue;
    if (!outer || frame.end > outer.end) outer = frame;
    out.push(toQuote(doc, frame, resolver));
  }
  return out;
}

/** Offsets of person mentions, to tell a headline's speaker ("Bernie Sanders: …") from a label. */
class HeadlineSpeakers {
  private starts: number[];
  private ends: number[];
  constructor(mentions: readonly EntityMention[]) {
    const named = mentions.filter((m) => m.type === 'PER').sort((a, b) => a.start - b.start);
    this.starts = named.map((m) => m.start);
    this.ends = named.map((m) => m.end);
  }
  /** Whether a person mention ends exactly at `end` and starts at or after `start`. */
  endsAt(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.starts.length && this.starts[i]! < end; i++) if (this.ends[i] === end) return true;
    return false;
  }
}

/** Most words a headline speaker has before its colon ("OK Gov Fallin:", "Former Secretary Hillary Clinton:"). */
const HEADLINE_SPEAKER_WORDS = 5;

/**
 * A line that opens with a speaker and a colon — a headline ("Elizabeth Warren: Donald Trump Is a ‘Proven Failure’")
 * or a transcript turn ("JAKE TAPPER: …") — attributes the rest of the line to the speaker. The speaker is a
 * person the entity finder knows (or a capitalised transcript name), so labels such as "Update:" or
 * "Photo:" are not speakers.
 */
function headlineFrame(doc: DocumentTokens, s: Sentence, speakers: HeadlineSpeakers): { frame: Frame; lineEnd: number } | null {
  const { words, text } = doc;
  if (s.start > 0 && text[s.start - 1] !== '\n') return null;
  let colon = -1;
  for (let i = s.first; i < s.last && i <= s.first + HEADLINE_SPEAKER_WORDS; i++) {
    const w = words[i]!;
    if (w.quote !== -1) return null;
    if (w.text === ':') {
      colon = i;
      break;
    }
    if (!w.word || !(w.capital || /^\p{N}/u.test(w.text))) return null;
  }
  if (colon <= s.first) return null;
  const speakerStart = words[s.first]!.start;
  const speakerEnd = words[colon - 1]!.end;
  const allCaps = /^[\p{Lu}\s.'’-]+$/u.test(text.slice(speakerStart, speakerEnd)) && speakerEnd - speakerStart >= 3;
  if (!allCaps && !speakers.endsAt(speakerStart, speakerEnd)) return null;
  const newline = text.indexOf('\n', s.start);
  const lineEnd = newline < 0 ? text.length : newline;
  let last = colon + 1;
  while (last < words.length && words[last]!.start < lineEnd) last++;
  if (doc.wordsBefore[last]! - doc.wordsBefore[colon + 1]! < 3) return null;
  const range = tokenSpan(doc, colon + 1, last);
  if (!range) return null;
  const { kind, quotes } = kindOf(doc, range.start, range.end);
  const frame: Frame = { ...range, kind, quotes, speaker: { first: s.first, last: colon }, cue: { first: colon, last: colon + 1 }, medium: null, firstToken: colon + 1 };
  return { frame, lineEnd };
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  const at = text.indexOf('\n', from);
  return at >= 0 && at < to;
}

/**
 * Extends a frame by a later part of the same content. A quote is one range, so when the interruption between the
 * parts (cue, speaker, a long apposition) is longer than what joining gains, the range keeps the longer part alone:
 * "“A,” said X, a professor at … . “B.”" is best told by A when the apposition outweighs B.
 */
function joinContinuation(frame: Frame, start: number, end: number): void {
  const a = frame.end - frame.start;
  const b = end - start;
  const gap = start - frame.end;
  if ((a + b) / (a + b + gap) >= Math.max(a, b) / (a + b)) frame.end = end;
  else if (b > a) {
    frame.start = start;
    frame.end = end;
  }
}

function toSpan(doc: DocumentTokens, range: Range): TextSpan {
  const start = doc.words[range.first]!.start;
  const end = doc.words[range.last - 1]!.end;
  return { start, end, text: doc.text.slice(start, end) };
}

function toQuote(doc: DocumentTokens, frame: Frame, resolver: NameResolver): Quote {
  let speaker: Quote['speaker'] = null;
  let reportedBy: Quote['reportedBy'] = null;
  if (frame.speaker) {
    const mention = toSpan(doc, frame.speaker);
    if (!frame.medium && isMedium(mention.text)) {
      // The medium speaks for itself (KCNA said …): it is the speaker; its name is the agency's.
      speaker = { ...mention, name: mediumName(mention.text) };
    } else {
      const name = resolver.resolve(mention.text, mention.start);
      speaker = { ...mention, name };
      if (name && bareName(mention.text)) resolver.add(mention.start, name);
    }
  }
  if (frame.medium) {
    const medium = toSpan(doc, frame.medium);
    reportedBy = { ...medium, name: mediumName(textOf(doc, frame.medium)) };
  }
  const cue = frame.cue.first >= 0 ? toSpan(doc, frame.cue) : null;
  return { start: frame.start, end: frame.end, text: doc.text.slice(frame.start, frame.end), kind: frame.kind, speaker, cue, reportedBy };
}

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
    // "X said A and said B": a coordinated cue opens a new content.
    const coordinated = isWord(t) && (t.lower === 'and' || t.lower === 'but') && isWord(next) && !next.capital && lexicon.cues.has(next.lower) && !/ing$/.test(next.lower);
    const stop = coordinated || isPunct(t, ';') || (isPunct(t, ',') && isWord(next) && (next.lower === 'according' || (/ing$/.test(next.lower) && lexicon.cues.has(next.lower))));
    contentStop[j] = stop ? j : contentStop[j + 1]!;
  }
  return { wordsBefore, outsideBefore, contentStop };
}

/** Quotations with fewer words than this are phrases (scare quotes, names, titles) rather than whole sayings. */
const SHORT_QUOTE_WORDS = 5;

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

const isPunct = (w: Word | undefined, set: string): boolean => w !== undefined && w.quote === -1 && !w.word && set.includes(w.text);

/** The cue form that starts at token i, or null. Nouns (the report, his claims) and infinitives (to say) are not cues. */
export function cueAt(doc: DocumentTokens, i: number, sentence: Sentence): { length: number; classes: Set<CueClass> } | null {
  const w = doc.words[i]!;
  if (!isWord(w)) return null;
  const forms = doc.lexicon.cues.get(w.lower);
  if (!forms) return null;
  if (w.capital && i !== sentence.first) return null;
  const prev = doc.words[i - 1];
  // After a determiner or a possessive the word is a noun (his claims, Trump's criticism): only noun cues count.
  const nounPosition = i > sentence.first && isWord(prev) && (DETERMINERS.has(prev.lower) || /['’]s$/.test(prev.lower));
  if (i > sentence.first && isWord(prev) && prev.lower === 'to') return null;
  for (const form of forms) {
    let ok = true;
    for (let k = 1; k < form.words.length && ok; k++) {
      const t = doc.words[i + k];
      ok = i + k < sentence.last && isWord(t) && t.lower === form.words[k];
    }
    if (!ok) continue;
    const noun = form.classes.has('noun');
    if (nounPosition) {
      if (noun) return { length: form.words.length, classes: NOUN_ONLY };
      continue;
    }
    if (noun && form.classes.size === 1 && !isWord(prev)) continue;
    return { length: form.words.length, classes: form.classes };
  }
  return null;
}

const NOUN_ONLY: Set<CueClass> = new Set(['noun']);

/** Index after adjuncts that may follow a cue: time words, "last week", "in a statement" before ", : that or a quote". */
function skipAdjuncts(words: Word[], k: number, hi: number): number {
  for (let guard = 0; guard < 6 && k < hi; guard++) {
    const w = words[k]!;
    if (!isWord(w)) break;
    if (TIME.has(w.lower)) {
      k++;
      continue;
    }
    if ((w.lower === 'last' || w.lower === 'this' || w.lower === 'earlier' || w.lower === 'on' || TIME.has(w.lower)) && isWord(words[k + 1]) && (PERIOD_WORDS.has(words[k + 1]!.lower) || TIME.has(words[k + 1]!.lower))) {
      k += 2;
      continue;
    }
    if (PREPOSITIONS.has(w.lower)) {
      // A short prepositional phrase counts as an adjunct only when the content visibly starts after it.
      let j = k + 1;
      while (j < hi && j < k + 12 && isWord(words[j]) && words[j]!.lower !== 'that') j++;
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

/** Words of a title that may stay in lower case ("Lock Her Up", "the Art of the Deal"). */
const TITLE_SMALL = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'with', 'by', 'from', 'as', 'is', 'vs']);

/**
 * Whether quoted span qi reads as a title or a name rather than words said: short, every word capitalised but the
 * small ones ("Sunday Morning Futures", "Prison Break"), or right after a possessive ("CNN's “New Day”").
 */
export function isTitleLike(doc: DocumentTokens, qi: number): boolean {
  const span = doc.quotes[qi]!;
  if (span.words === 0 || span.words > 8) return false;
  const first = doc.quoteFirst[qi]!;
  const last = doc.quoteLast[qi]!;
  const before = doc.words[first - 1];
  if (before && before.quote === -1 && /['’]s$/.test(before.lower) && span.words <= 6) return true;
  let capitals = 0;
  for (let i = first; i <= last; i++) {
    const w = doc.words[i]!;
    if (!w.word) continue;
    if (w.capital || /^\p{N}/u.test(w.text)) capitals++;
    else if (!TITLE_SMALL.has(w.lower)) return false;
  }
  // One capitalised word is a sentence start as often as a title: titles have two.
  return capitals >= 2;
}

const RELATIVES = new Set(['what', 'which', 'whom', 'that']);
/** Words after a quoted phrase that end its clause rather than continue it. */
const CLAUSE_ENDERS = new Set(['and', 'but', 'or', 'until', 'while', 'when', 'as', 'because', 'after', 'before', 'since', 'although', 'though', 'unless']);

/**
 * Token end of content that holds the short quoted phrase qi: the phrase itself when it closes its clause (its own
 * final punctuation, or and/but/while … or punctuation after it), else the clause it is part of ("a “liar” who was
 * not “honorable”", "“on her worst day” she'd be …").
 */
function phraseEnd(doc: DocumentTokens, qi: number, s: Sentence): number {
  const last = doc.quoteLast[qi]! + 1;
  const inner = doc.words[last - 2];
  const after = doc.words[last];
  if (last >= s.last || !after || !isWord(after) || CLAUSE_ENDERS.has(after.lower) || doc.lexicon.cues.has(after.lower)) return last;
  if (inner && !inner.word && /^[.!?,]$/.test(inner.text)) return last;
  return Math.min(doc.contentStop[last]!, s.last, last + MAX_CONTENT_TOKENS);
}

/** The subject at the start of the clause that holds token `at`: a pronoun or a name ("when Rubio thanked Miami and …"). */
function clauseSubject(words: Word[], at: number, lo: number): Range | null {
  let k = at - 1;
  while (k > lo && k > at - 25 && !(words[k - 1]!.quote === -1 && !words[k - 1]!.word && /^[,;:—–(]$/.test(words[k - 1]!.text)) && !(isWord(words[k - 1]) && CLAUSE_OPENERS.has(words[k - 1]!.lower))) k--;
  if (k <= at - 25) return null;
  while (k < at && isWord(words[k]) && (words[k]!.lower === 'but' || words[k]!.lower === 'and' || words[k]!.lower === 'so' || words[k]!.lower === 'then')) k++;
  const w = words[k];
  if (!isWord(w)) return null;
  if (PRONOUNS.has(w.lower) && !['it', 'that', 'which', 'who', 'you'].includes(w.lower)) return { first: k, last: k + 1 };
  if (!isName(w)) return null;
  let e = k + 1;
  while (e < at && isName(words[e])) e++;
  return { first: k, last: e };
}

/** Pronouns that can only be subjects: after a verb's object they open the content clause. */
const NEW_SUBJECTS = new Set(['he', 'she', 'they', 'we', 'i']);
/**
 * Words that cannot open what a cue reports: particles ("showed up for"), reflexive
 * and object pronouns ("found himself"), conjunctions and relatives ("said and", "told which").
 */
const NOT_CONTENT_STARTS = new Set([
  'and', 'or', 'nor', 'which', 'who', 'whom', 'like', 'such', 'including', 'up', 'out', 'off', 'down', 'back', 'around',
  'them', 'himself', 'herself', 'themselves', 'itself', 'myself', 'ourselves', 'yourself',
]);
/** Token end of the object noun phrase that starts at k: up to punctuation, a time word or a clause word. */
function objectEnd(doc: DocumentTokens, k: number, s: Sentence): number {
  const { words } = doc;
  let end = k;
  while (end < s.last && end < k + 40) {
    const t = words[end]!;
    if (t.quote === -1 && !t.word && /^[,;:.!?()—–]$/.test(t.text)) break;
    if (t.quote === -1 && t.word && end > k && (TIME.has(t.lower) || STANCE_STOPS.has(t.lower) || (t.lower === 'last' && PERIOD_WORDS.has(words[end + 1]?.lower ?? '')))) break;
    if (t.quote !== -1) end = doc.quoteLast[t.quote]!;
    end++;
  }
  return end;
}

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** Words that end a stance verb's object ("backed Cruz during the debate", "attacked Trump and said …"). */
const STANCE_STOPS = new Set(['during', 'at', 'on', 'in', 'after', 'before', 'while', 'when', 'because', 'since', 'as', 'and', 'but', 'which', 'who', 'saying', 'calling', 'adding', 'arguing', 'noting', 'even', 'despite', 'amid', 'until', 'although', 'though']);
const CLAUSE_OPENERS = new Set(['when', 'while', 'because', 'after', 'before', 'as', 'if', 'since', 'though', 'although', 'that', 'and', 'but', 'where', 'once', 'until', 'whereas']);

/** Character span of tokens [first, last), leaving out trailing punctuation outside quotation marks. */
export function span(doc: DocumentTokens, first: number, last: number): { start: number; end: number } | null {
  while (last > first && !doc.words[last - 1]!.word && doc.words[last - 1]!.quote === -1 && /^[.,;:!?—–-]$/.test(doc.words[last - 1]!.text)) last--;
  while (first < last && !doc.words[first]!.word && doc.words[first]!.quote === -1 && /^[.,;:—–-]$/.test(doc.words[first]!.text)) first++;
  if (last <= first) return null;
  return { start: doc.words[first]!.start, end: doc.words[last - 1]!.end };
}

/** Quoted spans inside [start, end), and the kind of content they make. */
export function kindOf(doc: DocumentTokens, start: number, end: number): { kind: Frame['kind']; quotes: number[] } {
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
    // Verbs that only introduce quotations (continued, read) report nothing without one.
    if (kind === 'indirect' && classes.has('quoting') && classes.size === 1) return null;
    // One quoted word can be a whole answer ("Denver," he answered), one name what a stance is about (endorsed
    // Cruz); other unquoted content needs two.
    if (wordCount(doc, first, last) < (kind === 'direct' || classes.has('stance') ? 1 : 2)) return null;
    return { ...range, kind, quotes, speaker, cue: cueRange, medium, firstToken: first };
  };

  if (classes.has('noun') && classes.size === 1) {
    // "his support for Cruz", "Trump's claim that …", "the argument that …": the possessor, when there is one, holds
    // the view; the content is the clause or the object after the noun.
    const prev = words[c - 1];
    let holder: Range | null = null;
    if (prev && isWord(prev) && POSSESSIVE_PRONOUNS.has(prev.lower)) holder = { first: c - 1, last: c };
    else if (prev && isWord(prev) && /['’]s$/.test(prev.lower)) holder = subjectBefore(words, c, s.first) ?? { first: c - 1, last: c };
    else if (prev && isWord(prev) && !DETERMINERS.has(prev.lower)) holder = subjectBefore(words, c, s.first); // "Trump plans to …": a verb after all
    const k = cueEnd;
    if (k >= s.last) return null;
    const last = words[c + length - 1]!.lower;
    if (last === 'that' || last === 'to') return make(k, Math.min(doc.contentStop[k]!, s.last, k + MAX_CONTENT_TOKENS), holder);
    return make(k, objectEnd(doc, k, s), holder);
  }

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
    // A title in quotation marks before the cue ("on Fox News's “Sunday Morning Futures,” Issa said") is no content.
    if (isTitleLike(doc, qi) && wordCount(doc, s.first, doc.quoteFirst[qi]!) > 0) break afterQuote;
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
    // The phrase after must be a speaker, not the verb's own complement (", declined to comment").
    const complement = np !== null && (CONTENT_STARTS.has(words[np.first]!.lower) || PREPOSITIONS.has(words[np.first]!.lower));
    if (np && !complement && (np.last >= s.last || isPunct(words[np.last], '.,!?')) && wordCount(doc, s.first, c) >= 3) return make(s.first, c - 1, np);
  }

  // 2. Before its content: Bush said (that) …; Bush said: "…"; Officials told reporters that …
  let speaker = subjectBefore(words, c, s.first);
  if (!speaker && c > s.first && isPunct(words[c - 1], ',') && /ing$/.test(words[c]!.lower)) speaker = earlier.at(-1)?.speaker ?? previous;
  // "Rubio thanked Miami and said …": a coordinated verb shares the subject of its clause.
  if (!speaker && c > s.first && isWord(words[c - 1]) && (words[c - 1]!.lower === 'and' || words[c - 1]!.lower === 'but')) {
    speaker = earlier.at(-1)?.speaker ?? clauseSubject(words, c - 1, s.first);
  }
  let k = skipAdjuncts(words, cueEnd, s.last);

  if (classes.has('naming') && speaker && k < s.last) {
    // "called the plan “a disgrace”": the content is what is named and the name. A quotation right after the verb
    // names a thing ("a class called “Perception”", "so-called") and says nothing.
    if (words[k]!.quote !== -1) {
      const relative = speaker.first > s.first && isWord(words[speaker.first - 1]) && RELATIVES.has(words[speaker.first - 1]!.lower);
      // "what aide Kevin Phillips called “the beginning of …”": the relative clause is the content.
      if (relative) return make(speaker.first - 1, doc.quoteLast[words[k]!.quote]! + 1, speaker);
      const s0 = words[speaker.first]!;
      if (!(PRONOUNS.has(s0.lower) || isName(s0))) return null;
    } else {
      for (let j = k + 1; j < s.last && j < k + 12; j++) {
        const t = words[j]!;
        if (t.quote !== -1) return make(k, phraseEnd(doc, t.quote, s), speaker);
        if (!t.word && !isPunct(t, "-'’")) break;
        if (t.lower === 'that' || t.lower === 'for' || t.lower === 'on') break;
      }
    }
  }
  if (classes.has('object') && k < s.last && isWord(words[k]) && !CONTENT_STARTS.has(words[k]!.lower)) {
    let j = k;
    // The object ends where the content starts: at that, to, a comma, a quotation, or the subject of a new clause
    // ("assured his audience he would …").
    while (j < s.last && j < k + 7 && isWord(words[j]) && words[j]!.lower !== 'that' && words[j]!.lower !== 'to' && !(j > k && NEW_SUBJECTS.has(words[j]!.lower))) j++;
    const quoteInObject = j < s.last && words[j]!.quote !== -1 && isWord(words[j - 1]) && DETERMINERS.has(words[j - 1]!.lower);
    if (j < s.last && !quoteInObject && (words[j]!.lower === 'that' || words[j]!.lower === 'to' || isPunct(words[j], ',:') || words[j]!.quote !== -1 || NEW_SUBJECTS.has(words[j]!.lower))) k = j;
  }
  if (isPunct(words[k], ',:')) k++;
  const rest = k < s.last && !isPunct(words[k], '.!?');
  // "he began by saying, “…”": the subject of the clause speaks when none stands right before the cue.
  if (rest && !speaker && words[k]!.quote !== -1 && !classes.has('naming') && (isPunct(words[k - 1], ',:') || k === cueEnd)) {
    speaker = clauseSubject(words, c, s.first);
  }
  if (rest && speaker) {
    const w = words[k]!;
    const onlyBelief = !classes.has('speech') && !classes.has('object');
    // "endorsed Cruz last week", "criticized Clinton's email use, …": a stance taken towards a thing; the content is
    // the object, up to the clause's next adjunct or punctuation.
    if (classes.has('stance') && w.quote === -1 && !CONTENT_STARTS.has(w.lower) && !NOT_CONTENT_STARTS.has(w.lower)) {
      return make(k, objectEnd(doc, k, s), speaker);
    }
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
      // A short quoted phrase the clause runs on after ("saying “on her worst day” she'd be …") is part of the
      // content, not all of it: the content goes on to the clause's end.
      if (doc.quotes[w.quote]!.words < SHORT_QUOTE_WORDS) return make(k, phraseEnd(doc, w.quote, s), speaker);
      const frame = make(k, last, speaker);
      return frame;
    }
    const starts = CONTENT_STARTS.has(w.lower) || PRONOUNS.has(w.lower) || DETERMINERS.has(w.lower) || isName(w) || /^\p{N}/u.test(w.text);
    if (NOT_CONTENT_STARTS.has(w.lower)) return null;
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

// One article made ready for conflict finding: sentences, tokens with their sentence, content stems and typed slots.
import { splitSentences, type SentenceSpan } from '../../text/sentences.js';
import { tokenize, type Token } from '../../text/tokens.js';
import { conflictLexicon } from './lexicon.js';
import { findSlots, stem, type Slot } from './slots.js';

export interface PreparedArticle {
  ref: number;
  text: string;
  sentences: SentenceSpan[];
  tokens: Token[];
  tokenSentence: Int32Array;
  /** Comparison stem of each token; '' for stop words (they never count as shared context). */
  stems: string[];
  slots: Slot[];
  /** Sentences whose numbers are left out: tables, results, lists of figures. */
  crowded: Set<number>;
}

/** A sentence holding more numbers than this, or mostly numbers, is a table or a list of results, not a statement. */
const MAX_NUMBERS_PER_SENTENCE = 6;
const MAX_NUMBER_SHARE = 0.3;
/** Longer sentences are cut for slots: a run-on text without stops is no statement either, and costs time. */
const MAX_SENTENCE_TOKENS = 120;

/** A report word within three tokens of the date, in its sentence. */
function nearReportWord(tokens: readonly Token[], tokenSentence: Int32Array, slot: Slot, words: ReadonlySet<string>): boolean {
  for (let i = Math.max(0, slot.firstToken - 3); i < Math.min(tokens.length, slot.endToken + 3); i++) {
    if (tokenSentence[i] === slot.sentence && words.has(tokens[i]!.norm)) return true;
  }
  return false;
}

export function prepareArticle(ref: number, text: string, published?: string): PreparedArticle {
  const lexicon = conflictLexicon();
  const sentences = splitSentences(text);
  const tokens = tokenize(text);
  const tokenSentence = new Int32Array(tokens.length).fill(-1);
  let s = 0;
  tokens.forEach((token, i) => {
    while (s < sentences.length && sentences[s]!.end <= token.start) s++;
    tokenSentence[i] = s < sentences.length && sentences[s]!.start <= token.start ? s : -1;
  });
  const stems = tokens.map((token) => (lexicon.stopwords.has(token.norm) || token.norm.length < 2 && !/\d/.test(token.norm) ? '' : stem(token.norm)));
  const all = findSlots(text, tokens, tokenSentence, sentences.map((x) => x.start), published).filter((slot) => slot.sentence >= 0);
  const perSentence = new Map<number, { numbers: number; tokens: number }>();
  for (let i = 0; i < tokens.length; i++) {
    const entry = perSentence.get(tokenSentence[i]!) ?? { numbers: 0, tokens: 0 };
    entry.tokens++;
    if (/^\d/.test(tokens[i]!.norm)) entry.numbers++;
    perSentence.set(tokenSentence[i]!, entry);
  }
  const crowded = new Set<number>();
  const numberCounts = new Map<number, number>();
  for (const slot of all) if (slot.type === 'number') numberCounts.set(slot.sentence, (numberCounts.get(slot.sentence) ?? 0) + 1);
  for (const [sentence, entry] of perSentence) {
    const count = Math.max(numberCounts.get(sentence) ?? 0, entry.numbers);
    if (count > MAX_NUMBERS_PER_SENTENCE || (count >= 3 && count / entry.tokens > MAX_NUMBER_SHARE) || entry.tokens > MAX_SENTENCE_TOKENS) crowded.add(sentence);
  }
  const slots = all.filter((slot) => !crowded.has(slot.sentence));
  for (const slot of slots) if (slot.type === 'number') slot.crowd = numberCounts.get(slot.sentence) ?? 1;
  for (const slot of slots) if (slot.type === 'date') slot.reportDay = nearReportWord(tokens, tokenSentence, slot, lexicon.reportWords);
  return { ref, text, sentences, tokens, tokenSentence, stems, slots, crowded };
}

// The plain quote baseline of the data README, run beside ours: quoted text of >= 3 words, `NAME|pronoun said
// (that) …` and `…, NAME said.`; speaker = a name, pronoun or the|a phrase next to the nearest of 30 cue words.
import type { SystemQuote } from './metrics/quote-match.js';

const CUES = [
  'said', 'says', 'told', 'added', 'stated', 'declared', 'warned', 'wrote', 'asked', 'explained', 'noted', 'argued',
  'claimed', 'insisted', 'announced', 'replied', 'responded', 'continued', 'suggested', 'acknowledged', 'admitted',
  'recalled', 'tweeted', 'reported', 'believes', 'thinks', 'according to', 'saying', 'adding', 'telling',
];
const CUE = new RegExp(`\\b(?:${CUES.join('|')})\\b`, 'g');
const NAME = String.raw`(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})`;
const PRONOUN = String.raw`(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)`;
const SPEAKER = String.raw`(?:${NAME}|${PRONOUN}|(?:[Tt]he|[Aa]n?)\s+[\w-]+(?:\s+[\w-]+){0,3})`;
const QUOTED = /"[^"\n]*"|“[^”\n]*”|''(?:(?!'')[^\n])*''/g;

/** Speaker next to the nearest cue word to [start, end) in the sentence, or null. */
function speakerNear(text: string, from: number, to: number, start: number, end: number): SystemQuote['speaker'] {
  const sentence = text.slice(from, to);
  let best: { index: number; length: number } | null = null;
  let bestDistance = Infinity;
  for (const match of sentence.matchAll(CUE)) {
    const at = from + match.index;
    if (at >= start && at < end) continue;
    const distance = at < start ? start - at : at - end;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = { index: at, length: match[0].length };
    }
  }
  if (!best) return null;
  const before = new RegExp(`(${SPEAKER})\\s+$`).exec(text.slice(Math.max(from, best.index - 60), best.index));
  if (before) return { start: best.index - before[0].length, end: best.index - before[0].length + before[1]!.length };
  const after = new RegExp(`^\\s+(${SPEAKER})`).exec(text.slice(best.index + best.length, Math.min(to, best.index + best.length + 60)));
  if (after) {
    const s = best.index + best.length + after[0].length - after[1]!.length;
    return { start: s, end: s + after[1]!.length };
  }
  return null;
}

/** The baseline's quotes of one text. */
export function baselineQuotes(text: string): SystemQuote[] {
  const quotes: SystemQuote[] = [];
  const sentences: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/[^\n]+/g)) {
    let start = match.index;
    for (const end of match[0].matchAll(/[.!?]["”']*(?=\s+["“'A-Z])/g)) {
      const e = match.index + end.index + end[0].length;
      sentences.push({ start, end: e });
      start = e + 1;
    }
    sentences.push({ start, end: match.index + match[0].length });
  }
  const sentenceOf = (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end) ?? { start: offset, end: offset };
  for (const match of text.matchAll(QUOTED)) {
    if (match[0].split(/\s+/).filter((w) => /\w/.test(w)).length < 3) continue;
    const start = match.index;
    const end = start + match[0].length;
    const s = sentenceOf(start);
    quotes.push({ start, end, speaker: speakerNear(text, s.start, Math.max(s.end, end), start, end), cue: null });
  }
  const inQuote = (offset: number) => quotes.some((q) => q.start <= offset && offset < q.end);
  const said = new RegExp(`(${NAME}|${PRONOUN})\\s+said\\s+(?:that\\s+)?`, 'g');
  const after = new RegExp(`,\\s+(${NAME}|${PRONOUN})\\s+said\\.`, 'g');
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    for (const match of sentence.matchAll(said)) {
      const start = s.start + match.index + match[0].length;
      let end = s.end;
      while (end > start && /[.\s]/.test(text[end - 1]!)) end--;
      if (end - start < 10 || inQuote(start)) continue;
      const speakerStart = s.start + match.index;
      quotes.push({ start, end, speaker: { start: speakerStart, end: speakerStart + match[1]!.length }, cue: null });
    }
    for (const match of sentence.matchAll(after)) {
      const end = s.start + match.index;
      const start = s.start;
      if (end - start < 10 || inQuote(end - 1)) continue;
      const speakerStart = end + match[0].indexOf(match[1]!);
      quotes.push({ start, end, speaker: { start: speakerStart, end: speakerStart + match[1]!.length }, cue: null });
    }
  }
  return quotes.sort((a, b) => a.start - b.start);
}

// The context of a slot: content stems to its left and right within its sentence, and its sentence's other stems.
import type { PreparedArticle } from './prepared.js';
import type { Slot } from './slots.js';

export interface SlotFrame {
  /** Nearest first. */
  left: string[];
  right: string[];
  /** Content stems of the sentence outside the slot (and outside a number's unit). */
  sentence: Set<string>;
  /** For a date: the sentence's stems and those of the next sentence when it names no day of its own ("He made
   * the announcement during a speech on the third day" goes on about the event of "Kim on Friday pledged"). */
  extended?: Set<string>;
  /** Index keys: the slot's class with each context stem near it. */
  classes: string[];
  /** An age's owner (last word), which finds its counterparts apart from context. */
  owner?: string;
}

/** Content words on each side that count as the slot's near context. */
export const WINDOW = 6;

/** Classes a slot is compared within: numbers by unit word, dates by the day parts they name, names together. */
export function slotClasses(slot: Slot): string[] {
  if (slot.type === 'number') return slot.unit!.length ? slot.unit!.map((u) => `n:${u}`) : ['n:'];
  if (slot.type === 'name') return ['p'];
  const d = slot.date!;
  const classes: string[] = [];
  if (d.weekday !== undefined || d.resolved !== undefined) classes.push('d:day');
  if (d.month !== undefined && d.day !== undefined) classes.push('d:md');
  else if (d.month !== undefined) classes.push('d:m');
  if (d.year !== undefined) classes.push('d:y');
  return classes;
}

export function frameOf(article: PreparedArticle, slot: Slot): SlotFrame {
  const { tokens, tokenSentence, stems } = article;
  const unitTokens = slot.type === 'number' ? slot.unit!.filter((u) => !u.startsWith('money:') && u !== 'age').length : 0;
  const skipEnd = slot.endToken + unitTokens;
  const left: string[] = [];
  const right: string[] = [];
  const sentence = new Set<string>();
  for (let i = slot.firstToken - 1; i >= 0 && tokenSentence[i] === slot.sentence; i--) {
    if (!stems[i]) continue;
    sentence.add(stems[i]!);
    if (left.length < WINDOW) left.push(stems[i]!);
  }
  for (let i = skipEnd; i < tokens.length && tokenSentence[i] === slot.sentence; i++) {
    if (!stems[i]) continue;
    sentence.add(stems[i]!);
    if (right.length < WINDOW) right.push(stems[i]!);
  }
  const classes = slotClasses(slot);
  const owner = slot.owner?.[slot.owner.length - 1];
  const frame: SlotFrame = { left, right, sentence, classes };
  if (owner) frame.owner = owner;
  if (slot.type === 'date') {
    const extended = new Set(sentence);
    const next = slot.sentence + 1;
    if (next < article.sentences.length && !article.slots.some((other) => other.sentence === next && other.type === 'date')) {
      for (let i = skipEnd; i < tokens.length && tokenSentence[i]! <= next; i++) if (tokenSentence[i] === next && stems[i]) extended.add(stems[i]!);
    }
    frame.extended = extended;
  }
  return frame;
}

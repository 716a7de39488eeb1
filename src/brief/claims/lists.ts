// Coordinated lists in a statement ("border closures, natural disasters and sanctions"): two statements listing the same things make one claim.
import { stopWords } from '../../text/terms.js';

/** The items of one list, each as its content words (lower case, plural folded, hyphenated words split). */
export type ListItems = string[][];

/** Words an item keeps at most, counted back from the comma or conjunction that ends it (the first item) or on from its start. */
const ITEM_WORDS = 4;
/** Lists shorter than this say too little to tie two statements together. */
const MIN_ITEMS = 3;


/** A plural `s` folded (`floods` -> `flood`, not `press`): the one rule claim terms and list items share. */
export const foldPlural = (word: string): string => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 && !stopWords().has(w)).map(foldPlural);
}

/**
 * Lists of three or more items joined by commas and a final `and`/`or`, as content words per item. Items are cut
 * to a few words (a list item is a noun phrase; what runs longer is the sentence around it).
 */
export function findLists(sentence: string): ListItems[] {
  const lists: ListItems[] = [];
  for (const conjunction of sentence.matchAll(/,?\s+(?:and|or)\s+/g)) {
    const before = sentence.slice(0, conjunction.index);
    const segments = before.split(/,\s*/);
    if (segments.length < MIN_ITEMS - 1) continue;
    // The last item runs to the next clause mark or sentence end (a period inside `U.S.` is no end).
    const rest = sentence.slice(conjunction.index + conjunction[0].length);
    const after = rest.slice(0, rest.search(/[,;:!?()“”"]|\.(?=\s|$)|$/));
    const last = after.split(/\s+/).slice(0, ITEM_WORDS).join(' ');
    // Walk back over the segments that look like items: short, with no clause punctuation.
    const items: string[] = [last];
    for (let i = segments.length - 1; i >= 0; i--) {
      const words = segments[i]!.trim().split(/\s+/);
      if (i < segments.length - 1 && words.length > ITEM_WORDS) {
        items.unshift(words.slice(-ITEM_WORDS).join(' '));
        break;
      }
      items.unshift(words.slice(-ITEM_WORDS).join(' '));
      if (i === 0 || /[;:()]/.test(segments[i]!)) break;
    }
    const contents = items.map(contentWords).filter((words) => words.length > 0);
    if (contents.length >= MIN_ITEMS) lists.push(contents);
  }
  return lists;
}

/**
 * Two lists name the same things when they have as many items and all but one item of the shorter share a content
 * word with an item of the other, in any order: the odd one is the same thing in other words (`massive summer
 * floods` ~ `natural disasters`) when the rest agrees.
 */
export function sameList(a: ListItems, b: ListItems): boolean {
  if (Math.abs(a.length - b.length) > 0) return false;
  const used = new Set<number>();
  let matched = 0;
  for (const item of a) {
    const words = new Set(item);
    const j = b.findIndex((other, k) => !used.has(k) && other.some((w) => words.has(w)));
    if (j >= 0) {
      used.add(j);
      matched++;
    }
  }
  return matched >= a.length - 1 && matched >= 2;
}

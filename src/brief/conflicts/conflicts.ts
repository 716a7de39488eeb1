// Conflicts between outlets: statements of different articles of one story that differ only in a number, date or name.
import { splitSentences } from '../../text/sentences.js';
import { tokenize } from '../../text/tokens.js';

export interface ConflictArticle {
  ref: number;
  text: string;
  /** ISO date or date-time of publication. */
  published?: string;
}

export interface ConflictSide {
  ref: number;
  /** JS string indices into the article's text: the differing value. */
  start: number;
  end: number;
  sentence: { start: number; end: number };
}

export type ConflictKind = 'number' | 'date' | 'name' | 'place';

export interface FoundConflict {
  kind: ConflictKind;
  minor: boolean;
  /** ≥ 2 sides in distinct articles; each version once, with every article holding it. */
  sides: ConflictSide[];
  values: string[];
  note?: string;
}

/** First version: sentences sharing most words whose digit tokens differ. */
export function findConflicts(articles: ConflictArticle[]): FoundConflict[] {
  const units = articles.flatMap((article) =>
    splitSentences(article.text).map((span) => {
      const tokens = tokenize(article.text.slice(span.start, span.end)).map((t) => ({ ...t, start: t.start + span.start, end: t.end + span.start }));
      return { ref: article.ref, span, tokens, words: new Set(tokens.filter((t) => !/^\d/.test(t.norm)).map((t) => t.norm)) };
    }),
  );
  const found: FoundConflict[] = [];
  const index = new Map<string, number[]>();
  units.forEach((unit, i) => {
    const candidates = new Map<number, number>();
    for (const word of unit.words) for (const j of index.get(word) ?? []) candidates.set(j, (candidates.get(j) ?? 0) + 1);
    for (const [j, shared] of candidates) {
      const other = units[j]!;
      if (other.ref === unit.ref || shared / Math.max(unit.words.size, other.words.size) < 0.8) continue;
      const a = unit.tokens.filter((t) => /^\d/.test(t.norm));
      const b = other.tokens.filter((t) => /^\d/.test(t.norm));
      const onlyA = a.filter((t) => !b.some((u) => u.norm === t.norm));
      const onlyB = b.filter((t) => !a.some((u) => u.norm === t.norm));
      if (onlyA.length !== 1 || onlyB.length !== 1) continue;
      const sides = [
        { ref: other.ref, start: onlyB[0]!.start, end: onlyB[0]!.end, sentence: other.span },
        { ref: unit.ref, start: onlyA[0]!.start, end: onlyA[0]!.end, sentence: unit.span },
      ].sort((x, y) => x.ref - y.ref);
      found.push({ kind: 'number', minor: false, sides, values: [onlyB[0]!.norm, onlyA[0]!.norm] });
    }
    for (const word of unit.words) {
      const list = index.get(word) ?? [];
      if (list.length < 50) list.push(i);
      index.set(word, list);
    }
  });
  return found.sort((x, y) => x.sides[0]!.ref - y.sides[0]!.ref || x.sides[0]!.start - y.sides[0]!.start);
}

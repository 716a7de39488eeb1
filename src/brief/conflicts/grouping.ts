// Aligned slot pairs into conflicts: slots linked by alignment form one fact; a fact stated in ≥ 2 versions is a conflict.
import type { PreparedArticle } from './prepared.js';
import type { SlotHandle, SlotPair } from './pairing.js';
import type { Slot } from './slots.js';
import { compareSlots, type Agreement } from './values.js';

export interface GroupedSide {
  article: number;
  slot: Slot;
  version: number;
}

export interface Fact {
  sides: GroupedSide[];
  /** Representative slot of each version, in version order. */
  versions: { article: number; slot: Slot }[];
  /** Every disagreement inside the fact is minor (rounding). */
  minor: boolean;
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(x, root);
    return root;
  }
  union(x: string, y: string): void {
    const a = this.find(x);
    const b = this.find(y);
    if (a !== b) this.parent.set(a < b ? b : a, a < b ? a : b);
  }
}

const id = (h: SlotHandle) => `${h.article}:${h.slot}`;

/** Facts from aligned pairs with their agreement; only facts holding a disagreement come back. */
export function groupFacts(articles: readonly PreparedArticle[], pairs: readonly { pair: SlotPair; agreement: Agreement }[]): Fact[] {
  const sets = new UnionFind();
  const degree = new Map<string, number>();
  const disagreeing = new Set<string>();
  const minorOnly = new Map<string, boolean>();
  for (const { pair, agreement } of pairs) {
    if (agreement === 'incomparable') continue;
    sets.union(id(pair.a), id(pair.b));
    for (const h of [pair.a, pair.b]) degree.set(id(h), (degree.get(id(h)) ?? 0) + pair.score);
    if (agreement !== 'same') disagreeing.add(id(pair.a));
  }
  for (const { pair, agreement } of pairs) {
    if (agreement !== 'conflict' && agreement !== 'minor') continue;
    const root = sets.find(id(pair.a));
    minorOnly.set(root, (minorOnly.get(root) ?? true) && agreement === 'minor');
  }
  const members = new Map<string, SlotHandle[]>();
  for (const key of degree.keys()) {
    const root = sets.find(key);
    if (!minorOnly.has(root)) continue;
    const [article, slot] = key.split(':').map(Number) as [number, number];
    let list = members.get(root);
    if (!list) members.set(root, (list = []));
    list.push({ article, slot });
  }
  const facts: Fact[] = [];
  for (const [root, handles] of members) {
    // One slot per article: the best connected one, so a fact never quotes an article against itself.
    const best = new Map<number, SlotHandle>();
    for (const h of handles) {
      const current = best.get(h.article);
      const better = !current || degree.get(id(h))! > degree.get(id(current))! || (degree.get(id(h)) === degree.get(id(current)) && h.slot < current.slot);
      if (better) best.set(h.article, h);
    }
    const chosen = [...best.values()].sort((x, y) => articles[x.article]!.ref - articles[y.article]!.ref || x.slot - y.slot);
    const versions: { article: number; slot: Slot }[] = [];
    const sides: GroupedSide[] = [];
    for (const h of chosen) {
      const slot = articles[h.article]!.slots[h.slot]!;
      let version = versions.findIndex((v) => compareSlots(v.slot, slot) === 'same');
      if (version < 0) {
        version = versions.length;
        versions.push({ article: h.article, slot });
      }
      sides.push({ article: h.article, slot, version });
    }
    if (versions.length < 2) continue;
    facts.push({ sides, versions, minor: minorOnly.get(root)! });
  }
  return facts;
}

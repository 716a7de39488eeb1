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

/**
 * Facts from aligned pairs with their agreement. Disagreeing pairs that share a slot form one fact; slots that agree
 * with a member join it (one step, so that agreement never chains two facts together). Only facts holding a
 * disagreement come back.
 */
export function groupFacts(articles: readonly PreparedArticle[], pairs: readonly { pair: SlotPair; agreement: Agreement }[]): Fact[] {
  const sets = new UnionFind();
  const degree = new Map<string, number>();
  const members = new Set<string>();
  for (const { pair, agreement } of pairs) {
    if (agreement !== 'conflict' && agreement !== 'minor') continue;
    sets.union(id(pair.a), id(pair.b));
    for (const h of [pair.a, pair.b]) {
      members.add(id(h));
      degree.set(id(h), (degree.get(id(h)) ?? 0) + pair.score);
    }
  }
  const minorOnly = new Map<string, boolean>();
  for (const { pair, agreement } of pairs) {
    if (agreement !== 'conflict' && agreement !== 'minor') continue;
    const root = sets.find(id(pair.a));
    minorOnly.set(root, (minorOnly.get(root) ?? true) && agreement === 'minor');
  }
  const byRoot = new Map<string, { handle: SlotHandle; weight: number; joined: boolean }[]>();
  const add = (root: string, handle: SlotHandle, weight: number, joined: boolean) => {
    let list = byRoot.get(root);
    if (!list) byRoot.set(root, (list = []));
    list.push({ handle, weight, joined });
  };
  for (const key of members) {
    const [article, slot] = key.split(':').map(Number) as [number, number];
    add(sets.find(key), { article, slot }, degree.get(key)!, false);
  }
  for (const { pair, agreement } of pairs) {
    if (agreement !== 'same') continue;
    for (const [member, other] of [[pair.a, pair.b], [pair.b, pair.a]] as const) {
      if (members.has(id(member)) && !members.has(id(other))) add(sets.find(id(member)), other, pair.score, true);
    }
  }
  const facts: Fact[] = [];
  for (const [root, entries] of byRoot) {
    // One slot per article, a disagreeing member before a joined one, then the best connected.
    const best = new Map<number, { handle: SlotHandle; weight: number; joined: boolean }>();
    for (const entry of entries) {
      const current = best.get(entry.handle.article);
      const better =
        !current ||
        (current.joined && !entry.joined) ||
        (current.joined === entry.joined && (entry.weight > current.weight || (entry.weight === current.weight && entry.handle.slot < current.handle.slot)));
      if (better) best.set(entry.handle.article, entry);
    }
    const chosen = [...best.values()].map((e) => e.handle).sort((x, y) => articles[x.article]!.ref - articles[y.article]!.ref || x.slot - y.slot);
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

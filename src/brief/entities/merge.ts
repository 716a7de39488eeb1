// Cross-text alias merging: one canonical name per entity (aliases, acronyms, spelling variants, surnames and short forms).
import { lexicon, type Lexicon } from './lexicon.js';
import { editDistance, fold, initials, isAcronym, nameKey, nameWords, stripPossessive } from './names.js';
import type { Entity, EntityMention, EntityType } from './entities.js';

interface Item {
  doc: number;
  mention: EntityMention;
  words: string[];
  key: string;
  node: string;
}

/** Union-find over node ids. */
class Clusters {
  private parent = new Map<string, string>();
  find(id: string): string {
    let root = id;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let walk = id;
    while (walk !== root) {
      const next = this.parent.get(walk) ?? root;
      this.parent.set(walk, root);
      walk = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** The words of a name without a leading article and trailing legal-form suffixes (`Aer Lingus Group PLC` -> Aer Lingus). */
function coreWords(lex: Lexicon, text: string): string[] {
  const words = nameWords(stripPossessive(text));
  while (words.length > 1 && /^(?:the)$/i.test(words[0]!)) words.shift();
  while (words.length > 1 && lex.suffixes.has(fold(words[words.length - 1]!).replace(/[.,]+$/, ''))) words.pop();
  return words;
}

/** Comparison key: a listed alias maps to its canonical name's key, anything else to its core words' key. */
function keyOf(lex: Lexicon, text: string): { key: string; canonical?: string } {
  const folded = fold(stripPossessive(text)).replace(/\s+/g, ' ');
  const listed = lex.known.get(folded) ?? lex.knownByKey.get(nameKey(text));
  if (listed?.curated) return { key: nameKey(listed.canonical), canonical: listed.canonical };
  return { key: nameKey(coreWords(lex, text).join(' ')) };
}

const nodeId = (type: EntityType, key: string) => `${type}|${key}`;

/** Longer runs are not indexed for short forms (and the finder does not emit them). */
const MAX_NAME_WORDS = 10;

export function mergeMentions(docs: EntityMention[][]): Entity[] {
  const lex = lexicon();
  const items: Item[] = [];
  const canonicalOf = new Map<string, string>();
  // A story names the same few entities thousands of times: each surface form is keyed once.
  const forms = new Map<string, { key: string; canonical?: string; words: string[] }>();
  docs.forEach((mentions, doc) => {
    for (const mention of mentions) {
      let form = forms.get(mention.text);
      if (!form) forms.set(mention.text, (form = { ...keyOf(lex, mention.text), words: coreWords(lex, mention.text) }));
      const { key, canonical, words } = form;
      if (!key) continue;
      if (canonical) canonicalOf.set(key, canonical);
      items.push({ doc, mention, words, key, node: '' });
    }
  });

  // One type per key across the input: weakly typed mentions follow the evidence of the others.
  const votes = new Map<string, Map<EntityType, number>>();
  for (const item of items) {
    const tally = votes.get(item.key) ?? new Map<EntityType, number>();
    tally.set(item.mention.type, (tally.get(item.mention.type) ?? 0) + (item.mention.evidence ?? 1));
    votes.set(item.key, tally);
  }
  const winners = new Map<string, EntityType>();
  for (const item of items) {
    if ((item.mention.evidence ?? 1) >= 2) continue;
    let winner = winners.get(item.key);
    if (!winner) winners.set(item.key, (winner = [...votes.get(item.key)!.entries()].sort((a, b) => b[1] - a[1])[0]![0]));
    item.mention.type = winner;
  }
  for (const item of items) item.node = nodeId(item.mention.type, item.key);

  const clusters = new Clusters();
  const nodes = new Map<string, Item[]>();
  for (const item of items) {
    const list = nodes.get(item.node) ?? [];
    list.push(item);
    nodes.set(item.node, list);
  }
  const typeOf = (node: string) => node.slice(0, 3) as EntityType;
  const keyOfNode = (node: string) => node.slice(4);

  // Brackets: an acronym defined in the text is an alias of its long form.
  for (const item of items) {
    if (!item.mention.longForm) continue;
    const long = nodeId(item.mention.type, keyOf(lex, item.mention.longForm).key);
    if (nodes.has(long)) clusters.union(long, item.node);
  }

  // Acronyms: GAO = Government Accountability Office, when exactly one name of the input has those initials.
  const byInitials = new Map<string, Set<string>>();
  for (const [node, list] of nodes) {
    const words = list[0]!.words;
    if (words.length < 2) continue;
    const letters = initials(words);
    if (letters.length < 2) continue;
    const set = byInitials.get(letters) ?? new Set<string>();
    set.add(node);
    byInitials.set(letters, set);
  }
  for (const [node, list] of nodes) {
    if (!list.some((item) => isAcronym(item.mention.text))) continue;
    const candidates = [...(byInitials.get(keyOfNode(node)) ?? [])].filter((other) => typeOf(other) === typeOf(node) || typeOf(node) === 'ORG');
    const roots = new Set(candidates.map((other) => clusters.find(other)));
    if (roots.size === 1) clusters.union(candidates[0]!, node);
  }

  // Spelling variants: Jo Biden ~ Joe Biden (same last word, one edit apart); long names of other types one edit apart.
  const buckets = new Map<string, string[]>();
  for (const [node, list] of nodes) {
    const words = list[0]!.words;
    const key = keyOfNode(node);
    if (key.length < 6) continue;
    const bucket = typeOf(node) === 'PER' ? (words.length >= 2 ? `PER|${nameKey(words[words.length - 1]!)}` : '') : key.length >= 8 ? `${typeOf(node)}|${key.slice(0, 3)}` : '';
    if (!bucket) continue;
    const members = buckets.get(bucket) ?? [];
    for (const other of members) if (editDistance(keyOfNode(other), key, 1) <= 1) clusters.union(other, node);
    members.push(node);
    buckets.set(bucket, members);
  }

  // Short forms: a surname, or the first words of an organisation's name, stand for a longer name of the same
  // text when there is one, else for the most mentioned longer name of the input.
  const longer = new Map<string, Set<string>>();
  const addLonger = (index: string, node: string) => {
    const set = longer.get(index) ?? new Set<string>();
    set.add(node);
    longer.set(index, set);
  };
  for (const [node, list] of nodes) {
    const words = list[0]!.words;
    if (words.length < 2 || words.length > MAX_NAME_WORDS) continue;
    const type = typeOf(node);
    if (type === 'PER') {
      addLonger(`PER|last|${nameKey(words[words.length - 1]!)}`, node);
      const unprefixed = nameKey(words[words.length - 1]!.replace(/^(?:al|el|ad|as|ash|an)-/i, ''));
      if (unprefixed !== nameKey(words[words.length - 1]!)) addLonger(`PER|last|${unprefixed}`, node);
      addLonger(`PER|first|${nameKey(words[0]!)}`, node);
    } else {
      for (let n = 1; n < words.length; n++) addLonger(`${type}|prefix|${nameKey(words.slice(0, n).join(' '))}`, node);
      if (type === 'LOC' || words.length >= 3) addLonger(`${type}|suffix|${nameKey(words[words.length - 1]!)}`, node);
      for (let n = 2; n < words.length; n++) addLonger(`${type}|suffix|${nameKey(words.slice(words.length - n).join(' '))}`, node);
    }
  }
  const mentionsOf = new Map<string, number>();
  for (const item of items) {
    const root = clusters.find(item.node);
    mentionsOf.set(root, (mentionsOf.get(root) ?? 0) + 1);
  }
  // Where each node is mentioned in each text, to find the nearest longer form without scanning the text's mentions.
  const starts = new Map<number, Map<string, number[]>>();
  for (const item of items) {
    const inDoc = starts.get(item.doc) ?? new Map<string, number[]>();
    const list = inDoc.get(item.node) ?? [];
    list.push(item.mention.start);
    inDoc.set(item.node, list);
    starts.set(item.doc, inDoc);
  }

  const listedForms = new Map<string, boolean>();
  const knownForm = (text: string): boolean => {
    let known = listedForms.get(text);
    if (known === undefined) listedForms.set(text, (known = lex.known.has(fold(stripPossessive(text)).replace(/\s+/g, ' '))));
    return known;
  };
  const target = new Map<Item, string>();
  for (const item of items) {
    const type = item.mention.type;
    const listed = canonicalOf.has(item.key) || knownForm(item.mention.text);
    let candidates: Set<string> | undefined;
    // The last words of a longer name (`Korean Studies` of `University of North Korean Studies`) stand for it only
    // in a text that has the longer name: elsewhere they are as often another body's name. First words (`Workers'
    // Party`) are how news shortens a name, and attach across texts too.
    let sameTextOnly = false;
    if (type === 'PER' && item.words.length === 1) {
      candidates = longer.get(`PER|last|${item.key}`) ?? longer.get(`PER|first|${item.key}`);
    } else if (type !== 'PER' && !listed && item.words.length <= 3) {
      candidates = longer.get(`${type}|prefix|${item.key}`);
      if (!candidates) {
        candidates = longer.get(`${type}|suffix|${item.key}`);
        sameTextOnly = true;
      }
    }
    if (!candidates) continue;
    const inDoc = starts.get(item.doc)!;
    if (sameTextOnly) candidates = new Set([...candidates].filter((node) => inDoc.has(node)));
    const own = clusters.find(item.node);
    const roots = new Set([...candidates].map((node) => clusters.find(node)).filter((root) => root !== own));
    if (!roots.size) continue;
    // In the same text: the longer name mentioned most there, then the nearest one, before this mention first.
    let chosen: string | undefined;
    let best = { count: 0, distance: Infinity };
    const counts = new Map<string, number>();
    for (const node of candidates) {
      const root = clusters.find(node);
      if (roots.has(root)) counts.set(root, (counts.get(root) ?? 0) + (inDoc.get(node)?.length ?? 0));
    }
    for (const node of candidates) {
      const root = clusters.find(node);
      if (!roots.has(root)) continue;
      const count = counts.get(root)!;
      for (const start of inDoc.get(node) ?? []) {
        const distance = start <= item.mention.start ? item.mention.start - start : 1e9 + start;
        if (count > best.count || (count === best.count && distance < best.distance)) {
          best = { count, distance };
          chosen = root;
        }
      }
    }
    chosen ??= [...roots].sort((a, b) => (mentionsOf.get(b) ?? 0) - (mentionsOf.get(a) ?? 0) || (a < b ? -1 : 1))[0];
    if (chosen) target.set(item, chosen);
  }

  // Entities: canonical name = a listed canonical form, else the longest (then most frequent) form.
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const root = target.get(item) ?? clusters.find(item.node);
    const list = groups.get(root) ?? [];
    list.push(item);
    groups.set(root, list);
  }
  const entities: Entity[] = [];
  for (const list of groups.values()) {
    const forms = new Map<string, { count: number; words: number; first: number }>();
    const types = new Map<EntityType, number>();
    let canonical: string | undefined;
    list.forEach((item, index) => {
      const form = stripPossessive(item.mention.text);
      const entry = forms.get(form) ?? { count: 0, words: item.words.length, first: index };
      entry.count++;
      forms.set(form, entry);
      types.set(item.mention.type, (types.get(item.mention.type) ?? 0) + 1);
      canonical ??= canonicalOf.get(item.key);
    });
    const ranked = [...forms.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
    const name =
      canonical ??
      [...forms.entries()].sort((a, b) => b[1].words - a[1].words || b[1].count - a[1].count || a[1].first - b[1].first)[0]![0];
    const type = [...types.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    for (const item of list) item.mention.name = name;
    entities.push({
      name,
      type,
      aliases: ranked.map(([form]) => form),
      mentions: list.map((item) => ({ doc: item.doc, start: item.mention.start, end: item.mention.end, text: item.mention.text })),
    });
  }
  entities.sort((a, b) => b.mentions.length - a.mentions.length || (a.name < b.name ? -1 : 1));
  return entities;
}

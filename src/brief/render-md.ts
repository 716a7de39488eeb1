// The brief as Markdown for people, or as plain text for a terminal: article text can never become markup or links.
import type { Brief, BriefFirst, SourceSpan } from './model.js';
import { CONFLICT_KIND_TITLES, ENTITY_TYPE_TITLES, estimateRange, originReason, shownDate, storyCounts, storySpan } from './render-parts.js';

/** Escape article text so Markdown renders it literally (no emphasis, code, links or HTML), whitespace as one space. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*[\]<>]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))
    .replace(/^([#+-]|\d+[.)])(?=\s)/, '\\$1');
}

export interface RenderOptions {
  /** `terminal`: no Markdown escapes (a terminal shows them as stray backslashes); the caller strips control characters. */
  target?: 'markdown' | 'terminal';
  /** At most this many quotes, timeline entries and entities of each type (the JSON has all). */
  limit?: number;
}

const refs = (list: number[]): string => list.map((r) => `[${r}]`).join('');
const uniqueRefs = (spans: { ref: number }[]): number[] => [...new Set(spans.map((s) => s.ref))].sort((x, y) => x - y);
const clip = (text: string, n: number): string => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
const firstText = (first: BriefFirst | null): string =>
  first === null ? 'first carrier unknown (no carrier can be dated)' : `first [${first.ref}]${first.estimated ? ' (estimated)' : ''}: ${first.basis}`;


export function renderMarkdown(brief: Brief, options: RenderOptions = {}): string {
  const plain = options.target === 'terminal';
  const esc = plain ? (text: string) => text.replace(/\s+/g, ' ') : escapeMarkdown;
  const strong = (text: string) => (plain ? text : `**${text}**`);
  const em = (text: string) => (plain ? text : `_${text}_`);
  const limit = options.limit ?? 25;
  const { story } = brief;
  const out: string[] = [];
  const more = (shown: number, total: number, what: string): void => {
    if (total > shown) out.push(`- … and ${total - shown} more ${what} (see --format json)`);
  };

  out.push(`# ${esc(story.title || `Story ${story.id}`)}`, '');
  const span = storySpan(story);
  out.push(`Story ${story.id} · ${storyCounts(story)}${span}`, '');

  out.push('## Summary', '');
  if (brief.summary.length === 0) out.push(em('No sentence long enough to summarise.'));
  for (const s of brief.summary) out.push(`- ${esc(s.text)} ${refs(s.support)}`);
  out.push('');

  if (brief.timeline.length) {
    out.push('## Timeline', '');
    const news = brief.timeline.filter((e) => !e.background);
    for (const e of news.slice(0, limit)) {
      const when = e.label ? `${e.date} (${e.label})` : e.date;
      const tags = [e.estimated ? 'estimated' : '', e.kind === 'report' ? 'reported' : '', e.expected ? 'expected' : ''].filter(Boolean);
      out.push(`- ${strong(esc(when))}${tags.length ? ` (${tags.join(', ')})` : ''} — ${esc(clip(e.text, 240))} ${refs(uniqueRefs(e.sources))}`);
    }
    more(Math.min(limit, news.length), news.length, 'dated events');
    const background = brief.timeline.filter((e) => e.background);
    if (background.length) {
      // One date may hold several background events: the line lists each date once.
      const byDate = new Map<string, { ref: number }[]>();
      for (const e of background) byDate.set(e.date, [...(byDate.get(e.date) ?? []), ...e.sources]);
      out.push(`- Background: ${[...byDate].slice(0, limit).map(([day, sources]) => `${esc(day)} ${refs(uniqueRefs(sources))}`).join(', ')}`);
    }
    out.push('');
  }

  if (brief.conflicts.length) {
    out.push('## Conflicts', '');
    for (const c of brief.conflicts.slice(0, limit)) {
      const versions = c.values.map((value) => {
        const sides = c.sides.filter((s) => s.text === value);
        return `“${esc(value)}” ${refs(uniqueRefs(sides))}`;
      });
      out.push(`- ${strong(CONFLICT_KIND_TITLES[c.kind])}${c.minor ? ' (minor)' : ''}: ${versions.join(' vs ')}${c.note ? ` — ${esc(c.note)}` : ''}`);
      for (const side of c.sides) out.push(`  - [${side.ref}] ${esc(clip(side.sentence.text, 240))}`);
    }
    more(Math.min(limit, brief.conflicts.length), brief.conflicts.length, 'conflicts');
    out.push('');
  }

  if (brief.claims.length) {
    out.push('## Claims', '');
    for (const c of brief.claims.slice(0, limit)) {
      out.push(`- ${esc(clip(c.text, 300))} ${refs(c.refs)} · ${c.independentSources} independent source${c.independentSources === 1 ? '' : 's'}`);
    }
    more(Math.min(limit, brief.claims.length), brief.claims.length, 'claims');
    out.push('');
  }

  if (brief.singleSourceClaims.length) {
    out.push('## Only one source says', '');
    for (const s of brief.singleSourceClaims.slice(0, limit)) {
      out.push(`- [${s.ref}] ${strong(esc(s.outlet))}`);
      const shown = s.claims.slice(0, Math.max(3, Math.floor(limit / 3)));
      for (const c of shown) out.push(`  - ${esc(clip(c.text, 240))}`);
      const rest = s.claims.length - shown.length + s.more;
      if (rest > 0) out.push(`  - … and ${rest} more`);
    }
    more(Math.min(limit, brief.singleSourceClaims.length), brief.singleSourceClaims.length, 'sources');
    out.push('');
  }

  if (brief.quotes.length) {
    out.push('## Quotes', '');
    for (const q of brief.quotes.slice(0, limit)) {
      const who = q.speaker ? strong(esc(q.speaker.name)) : strong('unattributed');
      const via = q.reportedBy ? ` (reported by ${esc(q.reportedBy)})` : '';
      const words = q.kind === 'indirect' ? esc(clip(q.text, 300)) : `“${esc(clip(q.text.replace(/^["“”'‘’«»]+|["“”'‘’«»]+$/g, ''), 300))}”`;
      out.push(`- ${who}${via}: ${words} — ${refs(uniqueRefs(q.carriers))}; ${firstText(q.first)}`);
    }
    more(Math.min(limit, brief.quotes.length), brief.quotes.length, 'quotes');
    out.push('');
  }

  if (brief.entities.length) {
    out.push('## Who and where', '');
    for (const type of ['PER', 'ORG', 'LOC'] as const) {
      const of = brief.entities.filter((e) => e.type === type);
      if (!of.length) continue;
      const shown = of.slice(0, limit).map((e) => {
        const aliases = e.aliases.filter((a) => a !== e.name);
        return `${esc(e.name)}${aliases.length ? ` (${aliases.map(esc).join(', ')})` : ''} ${refs(e.sources.map((s) => s.ref))}`;
      });
      out.push(`- ${strong(ENTITY_TYPE_TITLES[type])}: ${shown.join('; ')}${of.length > limit ? `; … ${of.length - limit} more` : ''}`);
    }
    out.push('');
  }

  out.push('## Sources', '');
  for (const s of brief.sources) {
    const when = s.published ? shownDate(s.published) : s.publishedEstimate ? `estimated ${estimateRange(s.publishedEstimate)}` : 'undated';
    const extras = [
      s.authors.length ? `by ${s.authors.map(esc).join(', ')}` : '',
      s.credits.length ? `credits ${s.credits.map(esc).join(', ')}` : '',
      s.cited.length ? `cites ${s.cited.map(esc).join(', ')}` : '',
    ].filter(Boolean);
    out.push(`${s.ref}. ${strong(esc(s.outlet))} — ${esc(s.title ?? '(untitled)')} · ${when}${extras.length ? ` · ${extras.join(' · ')}` : ''}`);
    out.push(`   ${esc(s.url ?? s.source)}`);
  }
  out.push('');

  if (story.originGroups.length) {
    out.push('## Origins', '');
    for (const g of story.originGroups) {
      const credited = g.credited.length ? ` · credits ${g.credited.map(esc).join(', ')}` : '';
      const members = g.members.filter((m) => m.copies !== null).map((m) => `[${m.ref}] ${originReason(m)}`);
      out.push(`- ${strong(esc(g.origin.outlet))} [${g.origin.ref}]${credited}${members.length ? `: ${members.join('; ')}` : ''}`);
    }
    out.push('');
  }

  out.push('## Shared passages', '');
  if (brief.passages.length === 0) out.push(em('No passage shared word for word.'));
  for (const p of brief.passages) {
    const first = p.first === null ? `first: unknown (${p.basis})` : `first: [${p.first}]${p.firstEstimated ? ' (estimated)' : ''} (${p.basis})`;
    out.push(`- ${refs(p.carriers.map((c) => c.ref))}, ${p.words} words — “${esc(clip(p.text, 400))}”`);
    out.push(`  - offsets ${offsets(p.carriers)}; ${first}`);
  }
  out.push('');

  if (brief.agencies.length) {
    out.push('## Agencies', '');
    for (const a of brief.agencies) {
      const parts = [a.credited.length ? `credited by ${refs(a.credited)}` : '', a.cited.length ? `cited by ${refs(a.cited)}` : ''].filter(Boolean);
      out.push(`- ${esc(a.name)}: ${parts.join('; ')}`);
    }
    out.push('');
  }
  for (const note of brief.notes) out.push(em(`Note: ${esc(note)}`));
  return out.join('\n').trimEnd();
}

const offsets = (spans: SourceSpan[]): string => spans.map((c) => `[${c.ref}] ${c.start}–${c.end}`).join(', ');

// The brief as Markdown for people: article text escaped so it cannot become markup or links.
import type { Brief } from './brief.js';

/** Escape text so Markdown renders it literally (no emphasis, links or HTML). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`)).replace(/\s+/g, ' ');
}

const refs = (list: number[]): string => list.map((r) => `[${r}]`).join('');
const date = (iso: string | null): string => (iso ? iso.replace('T', ' ').replace(/:00\.000Z$|\.\d{3}Z$/, '').replace(/ 00:00$/, '') : 'undated');
const clip = (text: string, n: number): string => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

export function renderMarkdown(brief: Brief): string {
  const { story } = brief;
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(story.title || `Story ${story.id}`)}`, '');
  const span = story.firstSeen ? ` · ${date(story.firstSeen)}${story.lastSeen && story.lastSeen !== story.firstSeen ? ` – ${date(story.lastSeen)}` : ''}` : '';
  out.push(`Story ${story.id} · ${story.articleCount} article${story.articleCount === 1 ? '' : 's'} from ${story.sourceCount} source${story.sourceCount === 1 ? '' : 's'}${span}`, '');

  out.push('## Summary', '');
  if (brief.summary.length === 0) out.push('_No sentence long enough to summarise._');
  for (const s of brief.summary) out.push(`- ${escapeMarkdown(s.text)} ${refs(s.support)}`);
  out.push('');

  out.push('## Sources', '');
  for (const s of brief.sources) {
    const extras = [
      s.authors.length ? `by ${s.authors.map(escapeMarkdown).join(', ')}` : '',
      s.credits.length ? `credits ${s.credits.map(escapeMarkdown).join(', ')}` : '',
      s.cited.length ? `cites ${s.cited.map(escapeMarkdown).join(', ')}` : '',
    ].filter(Boolean);
    out.push(`${s.ref}. **${escapeMarkdown(s.outlet)}** — ${escapeMarkdown(s.title ?? '(untitled)')} · ${date(s.published)}${extras.length ? ` · ${extras.join(' · ')}` : ''}`);
    out.push(`   ${escapeMarkdown(s.url ?? s.source)}`);
  }
  out.push('');

  out.push('## Shared passages', '');
  if (brief.passages.length === 0) out.push('_No passage shared word for word._');
  for (const p of brief.passages) {
    const first = p.first === null ? `first: unknown (${p.basis})` : `first: [${p.first}] (${p.basis})`;
    out.push(`- ${refs(p.carriers.map((c) => c.ref))}, ${p.words} words — “${escapeMarkdown(clip(p.text, 400))}”`);
    out.push(`  - offsets ${p.carriers.map((c) => `[${c.ref}] ${c.start}–${c.end}`).join(', ')}; ${escapeMarkdown(first)}`);
  }
  out.push('');

  if (brief.agencies.length) {
    out.push('## Agencies', '');
    for (const a of brief.agencies) {
      const parts = [a.credited.length ? `credited by ${refs(a.credited)}` : '', a.cited.length ? `cited by ${refs(a.cited)}` : ''].filter(Boolean);
      out.push(`- ${escapeMarkdown(a.name)}: ${parts.join('; ')}`);
    }
    out.push('');
  }
  for (const note of brief.notes) out.push(`_Note: ${escapeMarkdown(note)}_`);
  return out.join('\n').trimEnd();
}

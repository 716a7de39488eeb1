// The brief as one standalone HTML page: every text escaped, no script, no external resource.
import type { Brief, BriefFirst, SourceSpan } from './model.js';
import { CONFLICT_KIND_TITLES, ENTITY_TYPE_TITLES, estimateRange, originReason, shownDate, storyCounts, storySpan } from './render-parts.js';

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --accent: #0b57d0; --chip: #eef2f8; --bg: #fff; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8eaed; --muted: #a3a7ad; --line: #3c4043; --accent: #8ab4f8; --chip: #2a2f36; --bg: #16181b; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 .4rem; }
h2 { font-size: 1.15rem; margin: 2.2rem 0 .6rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
.meta, .basis, .offsets, .note { color: var(--muted); font-size: .88rem; }
ul { padding-left: 1.2rem; } li { margin: .35rem 0; }
.ref { display: inline-block; min-width: 1.6em; padding: 0 .3em; margin-left: .15em; border-radius: .4em; background: var(--chip); color: var(--accent); font-size: .8rem; text-align: center; text-decoration: none; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
th { font-weight: 600; color: var(--muted); }
blockquote { margin: 0; }
.speaker { font-weight: 600; }
.tag { font-size: .75rem; padding: 0 .35em; border: 1px solid var(--line); border-radius: .3em; color: var(--muted); }
ol.sources li { margin: .6rem 0; }
`;

const refLink = (ref: number, title?: string): string => `<a class="ref" href="#source-${ref}"${title ? ` title="${escapeHtml(title)}"` : ''}>${ref}</a>`;
const spanRefs = (spans: SourceSpan[]): string => {
  const seen = new Set<number>();
  return spans
    .filter((s) => !seen.has(s.ref) && seen.add(s.ref))
    .sort((x, y) => x.ref - y.ref)
    .map((s) => refLink(s.ref, `offsets ${s.start}–${s.end}: ${s.text.slice(0, 200)}`))
    .join('');
};
const firstHtml = (first: BriefFirst | null): string =>
  first === null
    ? '<span class="basis">first carrier unknown</span>'
    : `first ${refLink(first.ref)}${first.estimated ? ' <span class="tag">estimated</span>' : ''} <span class="basis">${escapeHtml(first.basis)}</span>`;

export function renderHtml(brief: Brief): string {
  const { story } = brief;
  const title = story.title || `Story ${story.id}`;
  const parts: string[] = [];
  const span = storySpan(story);
  parts.push(`<h1>${escapeHtml(title)}</h1>`);
  parts.push(`<p class="meta">Story ${escapeHtml(String(story.id))} · ${escapeHtml(storyCounts(story))}${escapeHtml(span)}</p>`);

  parts.push('<h2>Summary</h2>');
  parts.push(brief.summary.length ? `<ul>${brief.summary.map((s) => `<li>${escapeHtml(s.text)} ${s.support.map((r) => refLink(r)).join('')}</li>`).join('')}</ul>` : '<p class="note">No sentence long enough to summarise.</p>');

  if (brief.timeline.length) {
    parts.push('<h2>Timeline</h2><table><thead><tr><th>Date</th><th>Event</th><th>Sources</th></tr></thead><tbody>');
    for (const e of brief.timeline.filter((entry) => !entry.background)) {
      const when = `${escapeHtml(e.date)}${e.label ? `<br><span class="meta">${escapeHtml(e.label)}</span>` : ''}${e.estimated ? ' <span class="tag">estimated</span>' : ''}${e.background ? ' <span class="tag">background</span>' : ''}${e.kind === 'report' ? ' <span class="tag">reported</span>' : ''}${e.expected ? ' <span class="tag">expected</span>' : ''}`;
      parts.push(`<tr><td>${when}</td><td>${escapeHtml(e.text)}</td><td>${spanRefs(e.sources)}</td></tr>`);
    }
    parts.push('</tbody></table>');
    const background = brief.timeline.filter((entry) => entry.background);
    if (background.length) {
      parts.push(`<h3>Background dates</h3><ul>${background.map((e) => `<li>${escapeHtml(e.date)} — ${escapeHtml(e.text)} ${spanRefs(e.sources)}</li>`).join('')}</ul>`);
    }
  }

  if (brief.conflicts.length) {
    parts.push('<h2>Conflicts</h2><ul>');
    for (const c of brief.conflicts) {
      const versions = c.values.map((value) => `“<mark>${escapeHtml(value)}</mark>” ${spanRefs(c.sides.filter((s) => s.text === value))}`).join(' <span class="meta">vs</span> ');
      const sentences = c.sides.map((s) => `<li>${refLink(s.ref)} ${escapeHtml(s.sentence.text)}</li>`).join('');
      parts.push(`<li><strong>${CONFLICT_KIND_TITLES[c.kind]}</strong>${c.minor ? ' <span class="tag">minor</span>' : ''}: ${versions}${c.note ? ` <span class="basis">${escapeHtml(c.note)}</span>` : ''}<ul>${sentences}</ul></li>`);
    }
    parts.push('</ul>');
  }

  if (brief.claims.length) {
    parts.push('<h2>Claims</h2><table><thead><tr><th>Claim</th><th>Sources</th><th>Independent</th></tr></thead><tbody>');
    for (const c of brief.claims) parts.push(`<tr><td>${escapeHtml(c.text)}</td><td>${spanRefs(c.sources)}</td><td>${c.independentSources}</td></tr>`);
    parts.push('</tbody></table>');
  }

  if (brief.singleSourceClaims.length) {
    parts.push('<h2>Only one source says</h2>');
    for (const s of brief.singleSourceClaims) {
      const more = s.more ? `<li class="note">… and ${s.more} more</li>` : '';
      parts.push(`<h3>${refLink(s.ref)} ${escapeHtml(s.outlet)}</h3><ul>${s.claims.map((c) => `<li>${escapeHtml(c.text)}</li>`).join('')}${more}</ul>`);
    }
  }

  if (brief.quotes.length) {
    parts.push('<h2>Quotes</h2><table><thead><tr><th>Speaker</th><th>Words</th><th>Carried by</th></tr></thead><tbody>');
    for (const q of brief.quotes) {
      const who = `<span class="speaker">${escapeHtml(q.speaker?.name ?? 'unattributed')}</span>${q.reportedBy ? `<br><span class="meta">reported by ${escapeHtml(q.reportedBy)}</span>` : ''}`;
      parts.push(`<tr><td>${who}</td><td><blockquote>${escapeHtml(q.text)}</blockquote> <span class="tag">${escapeHtml(q.kind)}</span></td><td>${spanRefs(q.carriers)}<br>${firstHtml(q.first)}</td></tr>`);
    }
    parts.push('</tbody></table>');
  }

  if (brief.entities.length) {
    parts.push('<h2>Who and where</h2>');
    for (const type of ['PER', 'ORG', 'LOC'] as const) {
      const of = brief.entities.filter((e) => e.type === type);
      if (!of.length) continue;
      const items = of.map((e) => {
        const aliases = e.aliases.filter((a) => a !== e.name);
        return `<li>${escapeHtml(e.name)}${aliases.length ? ` <span class="meta">(${escapeHtml(aliases.join(', '))})</span>` : ''} ${e.sources.map((s) => refLink(s.ref, `${s.count} mention${s.count === 1 ? '' : 's'}`)).join('')}</li>`;
      });
      parts.push(`<h3>${ENTITY_TYPE_TITLES[type]}</h3><ul>${items.join('')}</ul>`);
    }
  }

  if (brief.passages.length) {
    parts.push('<h2>Shared passages</h2><ul>');
    for (const p of brief.passages) {
      const first = p.first === null ? `first unknown (${escapeHtml(p.basis)})` : `first ${refLink(p.first)}${p.firstEstimated ? ' <span class="tag">estimated</span>' : ''} <span class="basis">${escapeHtml(p.basis)}</span>`;
      parts.push(`<li>${spanRefs(p.carriers)} ${p.words} words — “${escapeHtml(p.text)}”<br><span class="offsets">${escapeHtml(p.carriers.map((c) => `[${c.ref}] ${c.start}–${c.end}`).join(', '))}</span> · ${first}</li>`);
    }
    parts.push('</ul>');
  }

  parts.push('<h2>Sources</h2><ol class="sources">');
  for (const s of brief.sources) {
    const when = s.published ? escapeHtml(shownDate(s.published)) : s.publishedEstimate ? `${escapeHtml(estimateRange(s.publishedEstimate))} <span class="tag" title="${escapeHtml(s.publishedEstimate.basis)}">estimated</span>` : 'undated';
    const extras = [
      s.authors.length ? `by ${escapeHtml(s.authors.join(', '))}` : '',
      s.credits.length ? `credits ${escapeHtml(s.credits.join(', '))}` : '',
      s.cited.length ? `cites ${escapeHtml(s.cited.join(', '))}` : '',
    ].filter(Boolean);
    // Links are shown as text: a page of untrusted input should not send the reader anywhere by a click it did not read.
    parts.push(`<li id="source-${s.ref}"><strong>${escapeHtml(s.outlet)}</strong> — ${escapeHtml(s.title ?? '(untitled)')}<br><span class="meta">${when}${extras.length ? ` · ${extras.join(' · ')}` : ''}<br>${escapeHtml(s.url ?? s.source)}</span></li>`);
  }
  parts.push('</ol>');

  if (story.originGroups.length) {
    parts.push('<h2>Origins</h2><ul>');
    for (const g of story.originGroups) {
      const credited = g.credited.length ? ` <span class="meta">credits ${escapeHtml(g.credited.join(', '))}</span>` : '';
      const members = g.members.filter((m) => m.copies !== null).map((m) => `<li>${refLink(m.ref)} ${escapeHtml(originReason(m))}</li>`).join('');
      parts.push(`<li><strong>${escapeHtml(g.origin.outlet)}</strong> ${refLink(g.origin.ref)}${credited}${members ? `<ul>${members}</ul>` : ''}</li>`);
    }
    parts.push('</ul>');
  }

  if (brief.agencies.length) {
    parts.push('<h2>Agencies</h2><ul>');
    for (const a of brief.agencies) {
      const bits = [a.credited.length ? `credited by ${a.credited.map((r) => refLink(r)).join('')}` : '', a.cited.length ? `cited by ${a.cited.map((r) => refLink(r)).join('')}` : ''].filter(Boolean);
      parts.push(`<li>${escapeHtml(a.name)}: ${bits.join('; ')}</li>`);
    }
    parts.push('</ul>');
  }
  if (brief.notes.length) parts.push(`<h2>Notes</h2><ul>${brief.notes.map((n) => `<li class="note">${escapeHtml(n)}</li>`).join('')}</ul>`);

  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)} — newsfuse brief</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body><main>${parts.join('\n')}</main></body>`,
    '</html>',
  ].join('\n');
}

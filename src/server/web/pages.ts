// The web UI's pages, rendered on the server from store records and briefs: story list, story page, article, two articles side by side.
import type { Brief, BriefSource, SourceSpan } from '../../brief/model.js';
import { escapeHtml } from '../../brief/render-html.js';
import { BIDI_CONTROLS } from '../plain-text.js';
import { CONFLICT_KIND_TITLES, ENTITY_TYPE_TITLES, estimateRange, originReason } from '../../brief/render-parts.js';
import type { OutletCount, StoredArticle, StoryListing } from '../../store/store.js';
import { attr, chip, highlighted, page, plural, safeHref, shownDate, shownSpan, shownTime, sourceLabel, text, type Highlight } from './html.js';

/** Longest title shown in a list (the page keeps the whole text for the story page's heading, cut longer). */
const LIST_TITLE_CHARS = 240;

/** The story page's export links: file under /api/stories/{id}/, label. */
const EXPORTS: [string, string][] = [
  ['brief.json', 'JSON'],
  ['brief.md', 'Markdown'],
  ['brief.html', 'HTML'],
  ['claims.csv', 'Claims (CSV)'],
];
const HEADING_CHARS = 600;
/** Quotes shown before the rest fold away (the brief orders them by weight). */
const QUOTES_SHOWN = 8;

/** An article's outlet, or a short form of the file it was read from when it has none. */
export const articleOutlet = (article: Pick<StoredArticle, 'outlet' | 'source'>): string => article.outlet ?? sourceLabel(article.source.split('/').pop() ?? article.source);

export interface ListState {
  q?: string;
  order: 'newest' | 'largest' | 'independent';
  from?: string;
  to?: string;
  outlet?: string;
  minIndependent?: number;
  cursor?: string;
}

const ORDER_NAMES: Record<ListState['order'], string> = { newest: 'Newest', largest: 'Largest', independent: 'Most independent' };

/** The list's URL for a state (empty fields left out). */
export function listUrl(state: Partial<ListState>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value !== undefined && value !== '' && !(key === 'order' && value === 'newest')) params.set(key, String(value));
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

/** A form value that must round-trip exactly (an outlet name to filter by): escaped, bidi controls as character references, never raw. */
const formValue = (value: string): string => escapeHtml(value).replace(BIDI_CONTROLS, (c) => `&#x${c.charCodeAt(0).toString(16)};`);

const dateInput = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : '');

export function storyListPage(state: ListState, stories: StoryListing[], next: string | null, outlets: OutletCount[]): string {
  const base = { ...state, cursor: undefined };
  const tabs = (Object.keys(ORDER_NAMES) as ListState['order'][])
    .map((order) => `<li><a href="${attr(listUrl({ ...base, order }), 4000)}"${order === state.order ? ' aria-current="true"' : ''}>${ORDER_NAMES[order]}</a></li>`)
    .join('');
  const outletOptions = [`<option value="">All outlets</option>`, ...outlets.slice(0, 500).map((o) => `<option value="${formValue(o.outlet)}"${o.outlet === state.outlet ? ' selected' : ''}>${attr(o.outlet, 60)} (${o.articles})</option>`)].join('');
  const activeFilters = [state.outlet, state.from, state.to, state.minIndependent].filter((v) => v !== undefined && v !== '').length;
  const form = `<form class="search" method="get" action="/" role="search" data-autosubmit>
<div class="row">
<label class="q"><span class="visually-hidden">Search stories</span><input id="q" type="search" name="q" value="${attr(state.q ?? '', 500)}" placeholder="Search every article" maxlength="500" aria-label="Search stories by words in their articles" aria-keyshortcuts="/"><kbd class="hint" aria-hidden="true" title="press / to search">/</kbd></label>
<button type="submit">Search</button>
</div>
<details class="filters"${activeFilters ? ' open' : ''}><summary>Filters${activeFilters ? ` <span class="count">${activeFilters} on</span>` : ''}</summary>
<div class="row">
<label>Outlet<select name="outlet">${outletOptions}</select></label>
<label>From<input type="date" name="from" value="${attr(dateInput(state.from))}"></label>
<label>To<input type="date" name="to" value="${attr(dateInput(state.to))}"></label>
<label>Independent sources, at least<input type="number" name="minIndependent" min="1" max="1000" value="${state.minIndependent ?? ''}" inputmode="numeric"></label>
<input type="hidden" name="order" value="${state.order}">
<button type="submit" class="quiet">Apply filters</button>
${state.q || activeFilters ? `<a class="button quiet" href="${attr(listUrl({ order: state.order }))}">Clear</a>` : ''}
</div>
</details>
</form>`;
  const items = stories.map((s) => {
    const independent =
      s.independentSources === null ? '' : `<span class="badge ${s.independentSources >= 2 ? 'ok' : 'warn'}" title="sources that copy one text count once">${plural(s.independentSources, 'independent source')}</span>`;
    return `<li><div class="when">${text(shownSpan(s.firstSeen, s.lastSeen))}</div><h2><a class="untrusted" href="/stories/${s.id}">${text(s.title || `Story ${s.id}`, LIST_TITLE_CHARS)}</a></h2>
<div class="facts"><span><b>${s.articleCount}</b> ${s.articleCount === 1 ? 'article' : 'articles'}</span><span><b>${s.sourceCount}</b> ${s.sourceCount === 1 ? 'outlet' : 'outlets'}</span>${independent}</div></li>`;
  });
  const filtered = Boolean(state.q || state.outlet || state.from || state.to || state.minIndependent);
  const list = items.length
    ? `<ol class="stories">${items.join('\n')}</ol>`
    : `<p class="empty">${filtered ? 'No story matches these filters.' : 'No stories yet. Ingest articles with <code>newsfuse ingest PATH</code> or POST them to <code>/api/articles</code>.'}</p>`;
  const pager = `<nav class="pager" aria-label="Pages">${state.cursor ? `<a class="button quiet" href="${attr(listUrl(base), 4000)}">← First page</a>` : '<span></span>'}${next ? `<a class="button quiet" rel="next" href="${attr(listUrl({ ...state, cursor: next }), 4000)}">Next page →</a>` : ''}</nav>`;
  const feedParams = new URLSearchParams();
  if (state.q) feedParams.set('q', state.q);
  if (state.outlet) feedParams.set('outlet', state.outlet);
  const feedQuery = feedParams.size ? `?${feedParams.toString()}` : '';
  const feedName = ['newsfuse stories', state.q ? `matching “${state.q}”` : '', state.outlet ? `from ${state.outlet}` : ''].filter(Boolean).join(' ');
  const heading = state.q ? `Stories matching “${text(state.q, 120)}”` : 'Stories';
  return page({
    title: state.q ? `Search: ${state.q}` : 'Stories',
    current: 'stories',
    body: `<h1>${heading}</h1>${form}<ul class="tabs" aria-label="Order">${tabs}</ul><p class="results-meta">${plural(stories.length, 'story', 'stories')} on this page · ${ORDER_NAMES[state.order].toLowerCase()} first · follow ${state.q || state.outlet ? 'these' : 'new'} stories: <a href="${attr(`/api/feeds/stories.atom${feedQuery}`, 4000)}">Atom</a> · <a href="${attr(`/api/feeds/stories.json${feedQuery}`, 4000)}">JSON Feed</a></p>${list}${pager}`,
    head: feedQuery ? `<link rel="alternate" type="application/atom+xml" title="${attr(feedName, 200)}" href="${attr(`/api/feeds/stories.atom${feedQuery}`, 4000)}">\n<link rel="alternate" type="application/feed+json" title="${attr(feedName, 200)}" href="${attr(`/api/feeds/stories.json${feedQuery}`, 4000)}">` : undefined,
  });
}

/** Refs of spans, each once, in order. */
const refsOf = (spans: readonly { ref: number }[]): number[] => [...new Set(spans.map((s) => s.ref))].sort((a, b) => a - b);

interface Section {
  id: string;
  title: string;
  count?: number;
  html: string;
}

/** The story page: every section of the brief the store has; empty sections are left out, never faked. */
export function storyPage(brief: Brief, options: { etag: string; pollSeconds: number }): string {
  const { story } = brief;
  const byRef = new Map<number, BriefSource>(brief.sources.map((s) => [s.ref, s]));
  const chips = (refs: readonly number[]): string => refs.map((r) => chip(byRef.get(r), r)).join('');
  const spanChips = (spans: readonly SourceSpan[]): string => chips(refsOf(spans));
  const title = story.title || `Story ${story.id}`;
  const sections: Section[] = [];

  if (brief.summary.length) {
    sections.push({
      id: 'summary',
      title: 'Summary',
      html: `<ol class="summary">${brief.summary.map((s) => `<li><span class="untrusted">${text(s.text)}</span> ${chips(s.support.length ? s.support : [s.ref])}</li>`).join('')}</ol>`,
    });
  }

  if (brief.conflicts.length || brief.claims.length || brief.singleSourceClaims.length) {
    sections.push({ id: 'claims', title: 'Claims by source', count: brief.claims.length + brief.conflicts.length, html: claimsMatrix(brief, byRef) });
  }

  const events = brief.timeline.filter((e) => !e.background);
  if (brief.timeline.length) {
    const entry = (e: Brief['timeline'][number]): string => {
      const tags = [e.estimated ? '<span class="tag">estimated date</span>' : '', e.kind === 'report' ? '<span class="tag">reported</span>' : '', e.expected ? '<span class="tag">expected</span>' : ''].join(' ');
      return `<li><div class="when">${text(shownDate(e.date))}${e.label ? ` <span class="label">· ${text(e.label)}</span>` : ''} ${tags}</div><div class="untrusted">${text(e.text)}</div><div>${spanChips(e.sources)}</div></li>`;
    };
    const background = brief.timeline.filter((e) => e.background);
    sections.push({
      id: 'timeline',
      title: 'Timeline',
      count: events.length,
      html: `${events.length ? `<ol class="timeline">${events.map(entry).join('')}</ol>` : '<p class="note">No dated event within the story’s own days.</p>'}${background.length ? `<details><summary>Background dates (${background.length})</summary><ol class="timeline">${background.map(entry).join('')}</ol></details>` : ''}`,
    });
  }

  if (brief.quotes.length) {
    const quotes = brief.quotes.map((q) => {
      const carriers = refsOf(q.carriers);
      // Who carried it first matters only when several did.
      const first =
        carriers.length < 2 ? '' : q.first ? `<div class="meta first">first: ${chip(byRef.get(q.first.ref), q.first.ref)}${q.first.estimated ? ' <span class="tag" title="the first carrier is estimated from publish times">estimated</span>' : ''}</div>` : '<div class="meta first basis">first carrier unknown</div>';
      return `<figure class="quote-card quote-${q.kind}"><blockquote class="untrusted">${text(q.text, 2000)}</blockquote><figcaption><div><span class="who untrusted">${text(q.speaker?.name ?? 'Unattributed', 120)}</span> <span class="tag">${text(q.kind)}</span>${q.reportedBy ? ` <span class="meta">· reported by <span class="untrusted">${text(q.reportedBy, 80)}</span></span>` : ''}</div><div class="carriers">${chips(carriers)}</div>${first}</figcaption></figure>`;
    });
    const more = quotes.slice(QUOTES_SHOWN);
    sections.push({
      id: 'quotes',
      title: 'Quotes',
      count: brief.quotes.length,
      html: `<div class="quotes">${quotes.slice(0, QUOTES_SHOWN).join('')}</div>${more.length ? `<details><summary>${plural(more.length, 'more quote')}</summary><div class="quotes">${more.join('')}</div></details>` : ''}`,
    });
  }

  if (brief.entities.length) {
    const columns = (['PER', 'ORG', 'LOC'] as const)
      .map((type) => {
        const of = brief.entities.filter((e) => e.type === type);
        if (!of.length) return '';
        const rows = of.map((e) => {
          const aliases = e.aliases.filter((a) => a !== e.name);
          return `<li><span><span class="untrusted">${text(e.name, 80)}</span>${aliases.length ? ` <span class="meta untrusted">(${text(aliases.join(', '), 120)})</span>` : ''}</span><span class="n" title="mentions in ${plural(e.sources.length, 'source')}">${e.mentions} · ${e.sources.length} src</span></li>`;
        });
        return `<div><h3>${ENTITY_TYPE_TITLES[type]}</h3><ul>${rows.join('')}</ul></div>`;
      })
      .join('');
    sections.push({ id: 'entities', title: 'Who and where', count: brief.entities.length, html: `<div class="entities">${columns}</div>` });
  }

  sections.push({ id: 'sources', title: 'Sources', count: brief.sources.length, html: sourcesTable(brief) });

  if (story.originGroups.length) {
    const groups = story.originGroups.map((g) => {
      const members = g.members.filter((m) => m.copies !== null);
      return `<li><strong>Origin:</strong> ${chip(byRef.get(g.origin.ref), g.origin.ref)}${g.credited.length ? ` <span class="meta">credits <span class="untrusted">${text(g.credited.join(', '), 120)}</span></span>` : ''}${members.length ? `<ul>${members.map((m) => `<li>${chip(byRef.get(m.ref), m.ref)} ${text(originReason(m))}${m.copies !== null ? ` · <a href="/compare?a=${m.article}&amp;b=${byRef.get(m.copies)?.article ?? ''}">compare</a>` : ''}</li>`).join('')}</ul>` : ' <span class="meta">· no other source copies it</span>'}</li>`;
    });
    sections.push({ id: 'origins', title: 'Origins', count: story.originGroups.length, html: `<p class="note">Sources that copy one text count once: ${plural(story.independentSources, 'independent source')} among ${plural(brief.sources.length, 'source')}.</p><ol class="origins">${groups.join('')}</ol>` });
  }

  if (brief.passages.length) {
    const items = brief.passages.map((p) => {
      const [a, b] = p.carriers;
      const compare = a && b ? ` · <a href="/compare?a=${a.article}&amp;b=${b.article}">side by side</a>` : '';
      return `<li><div class="untrusted">“${text(p.text, 800)}”</div><div class="meta">${p.words} words · ${spanChips(p.carriers)}${p.first !== null ? ` · first ${chip(byRef.get(p.first), p.first)}` : ''}${compare}</div></li>`;
    });
    sections.push({ id: 'passages', title: 'Shared passages', count: brief.passages.length, html: `<ol class="passages">${items.join('')}</ol>` });
  }

  if (brief.notes.length) sections.push({ id: 'notes', title: 'Notes', html: `<ul>${brief.notes.map((n) => `<li class="note">${text(n)}</li>`).join('')}</ul>` });

  const stats = `<ul class="stats">
<li><b>${story.articleCount}</b><span>${story.articleCount === 1 ? 'article' : 'articles'}</span></li>
<li><b>${story.sourceCount}</b><span>${story.sourceCount === 1 ? 'source' : 'sources'}</span></li>
<li><b>${story.independentSources}</b><span>independent</span></li>
<li><b>${brief.claims.length}</b><span>corroborated claims</span></li>
<li><b>${brief.conflicts.length}</b><span>${brief.conflicts.length === 1 ? 'conflict' : 'conflicts'}</span></li>
</ul>
<p class="reported"><span>Reported by</span>${chips(brief.sources.map((s) => s.ref))}</p>`;
  const toc = `<nav class="toc" aria-label="Sections"><span class="kicker">On this page</span><ol>${sections.map((s) => `<li><a href="#${s.id}">${s.title}</a>${s.count !== undefined ? ` <span class="count">${s.count}</span>` : ''}</li>`).join('')}</ol><div class="exports"><span class="kicker">Export</span><ul>${EXPORTS.map(([file, label]) => `<li><a href="/api/stories/${story.id}/${file}" download>${label}</a></li>`).join('')}</ul></div></nav>`;
  const body = `<div class="layout"><div><p class="kicker">Story ${story.id} · ${text(shownSpan(story.firstSeen, story.lastSeen))}</p><h1 class="untrusted">${text(title, HEADING_CHARS)}</h1>${stats}
${sections.map((s) => `<section id="${s.id}" aria-labelledby="${s.id}-h"><h2 id="${s.id}-h">${s.title}${s.count !== undefined ? ` <span class="count">${s.count}</span>` : ''}</h2>${s.html}</section>`).join('\n')}</div>${toc}</div>`;
  return page({
    title,
    current: 'stories',
    body,
    mainAttributes: `data-poll="${options.pollSeconds}" data-etag="${attr(options.etag)}" data-articles="${story.articleCount}"`,
  });
}

/** Claims × sources: corroborated claims, conflicting values, and what one source alone says, one row each, one column per source. */
function claimsMatrix(brief: Brief, byRef: Map<number, BriefSource>): string {
  const refs = brief.sources.map((s) => s.ref);
  const head = `<thead><tr><th scope="col">Claim</th>${refs.map((r) => `<th scope="col" class="src">${chip(byRef.get(r), r, `#source-${r}`, true)}</th>`).join('')}<th scope="col">Status</th></tr></thead>`;
  const cells = (has: (ref: number) => string): string => refs.map((r) => `<td class="cell">${has(r)}</td>`).join('');
  const dot = (ref: number): string => `<span class="dot s${((ref - 1) % 8) + 1}" role="img" aria-label="stated by source ${ref}"></span>`;
  const rows: string[] = [];
  const span = refs.length + 2;
  if (brief.conflicts.length) {
    rows.push(`<tr class="group"><th colspan="${span}" scope="rowgroup">Conflicting</th></tr>`);
    for (const c of brief.conflicts) {
      const valueOf = new Map(c.sides.map((s) => [s.ref, s.text]));
      const sentence = c.sides[0]?.sentence.text ?? '';
      rows.push(
        `<tr><td class="claim"><strong>${CONFLICT_KIND_TITLES[c.kind]}:</strong> ${c.values.map((v) => `“<mark class="untrusted">${text(v, 80)}</mark>”`).join(' vs ')}<div class="meta untrusted">${text(sentence, 300)}</div>${c.note ? `<div class="basis">${text(c.note)}</div>` : ''}</td>${cells((r) => (valueOf.has(r) ? `<span class="value untrusted">${text(valueOf.get(r)!, 16)}</span>` : ''))}<td><span class="badge ${c.minor ? 'warn' : 'bad'}">${c.minor ? 'minor conflict' : 'conflicting'}</span></td></tr>`,
      );
    }
  }
  if (brief.claims.length) {
    rows.push(`<tr class="group"><th colspan="${span}" scope="rowgroup">Corroborated</th></tr>`);
    for (const c of brief.claims) {
      const has = new Set(c.refs);
      const status = c.independentSources >= 2 ? `<span class="badge ok">${c.independentSources} independent</span>` : `<span class="badge warn">one origin</span>`;
      rows.push(`<tr><td class="claim untrusted">${text(c.text, 600)}</td>${cells((r) => (has.has(r) ? dot(r) : ''))}<td>${status}</td></tr>`);
    }
  }
  if (brief.singleSourceClaims.length) {
    rows.push(`<tr class="group"><th colspan="${span}" scope="rowgroup">Only one source says</th></tr>`);
    for (const s of brief.singleSourceClaims) {
      for (const claim of s.claims.slice(0, 3)) rows.push(`<tr><td class="claim untrusted">${text(claim.text, 600)}</td>${cells((r) => (r === s.ref ? dot(r) : ''))}<td><span class="badge warn">single source</span></td></tr>`);
      const more = s.claims.length - 3 + s.more;
      if (more > 0) rows.push(`<tr><td class="claim meta" colspan="${span}">… and ${plural(more, 'more statement')} only ${chip(byRef.get(s.ref), s.ref)} makes</td></tr>`);
    }
  }
  return `<div class="scroll"><table class="matrix">${head}<tbody>${rows.join('')}</tbody></table></div>`;
}

function sourcesTable(brief: Brief): string {
  const rows = brief.sources.map((s) => {
    const when = s.published ? text(shownTime(s.published)) : s.publishedEstimate ? `${text(estimateRange(s.publishedEstimate))} <span class="tag" title="${attr(s.publishedEstimate.basis)}">estimated</span>` : 'undated';
    const href = safeHref(s.url);
    const url = s.url ? (href ? `<a class="untrusted" href="${attr(href, 2000)}" rel="noopener noreferrer nofollow">${text(s.url, 80)}</a>` : `<span class="untrusted">${text(s.url, 80)}</span>`) : '';
    const extras = [s.authors.length ? `by ${text(s.authors.join(', '), 120)}` : '', s.credits.length ? `credits ${text(s.credits.join(', '), 120)}` : '', s.cited.length ? `cites ${text(s.cited.join(', '), 120)}` : ''].filter(Boolean).join(' · ');
    return `<tr id="source-${s.ref}"><td>${chip(s, s.ref, `/articles/${s.article}`)}</td><td><a class="title untrusted" href="/articles/${s.article}">${text(s.title ?? '(untitled)', 300)}</a>${extras ? `<div class="meta untrusted">${extras}</div>` : ''}${url ? `<div class="meta">${url}</div>` : ''}</td><td class="meta">${when}</td></tr>`;
  });
  return `<div class="scroll"><table class="sources"><thead><tr><th scope="col">Source</th><th scope="col">Article</th><th scope="col">Published</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** One article's properties (outlet, date, byline …) as a definition list. */
function properties(article: StoredArticle): string {
  const href = safeHref(article.url);
  const rows: [string, string][] = [
    ['Outlet', `<span class="untrusted">${text(article.outlet ?? '(none)', 200)}</span>`],
    ['Published', text(shownTime(article.published))],
    ...(article.authors.length ? ([['By', `<span class="untrusted">${text(article.authors.join(', '), 300)}</span>`]] as [string, string][]) : []),
    ...(article.dateline ? ([['Dateline', `<span class="untrusted">${text(article.dateline, 200)}</span>`]] as [string, string][]) : []),
    ...(article.credits.length ? ([['Credits', text(article.credits.join(', '), 300)]] as [string, string][]) : []),
    ...(article.url ? ([['URL', href ? `<a class="untrusted" href="${attr(href, 2000)}" rel="noopener noreferrer nofollow">${text(article.url, 200)}</a>` : `<span class="untrusted">${text(article.url, 200)}</span>`]] as [string, string][]) : []),
    ['Read from', `<span class="untrusted">${text(article.source, 200)}</span>`],
  ];
  return `<dl class="props">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

export interface ArticleView {
  article: StoredArticle;
  /** Spans of shared passages (from the story's brief) and of quotes, in this article's text. */
  passages: { start: number; end: number; with: number[] }[];
  quotes: { start: number; end: number; speaker: string | null }[];
  duplicates: { id: number; kind: string; jaccard: number }[];
  storyTitle: string | null;
}

export function articlePage(view: ArticleView): string {
  const { article } = view;
  const marks: Highlight[] = [
    ...view.passages.map((p, i) => ({ start: p.start, end: p.end, open: `<mark class="passage" data-passage="${i + 1}" title="shared with ${plural(p.with.length, 'other article')}">`, priority: 1 })),
    ...view.quotes.map((q) => ({ start: q.start, end: q.end, open: `<mark class="quote-mark" title="${attr(q.speaker ? `quote: ${q.speaker}` : 'quote')}">` })),
  ];
  const others = [...new Set(view.passages.flatMap((p) => p.with))];
  const compare = others.length ? `<p>Shares passages with ${others.map((id) => `<a href="/compare?a=${article.id}&amp;b=${id}">article ${id}</a>`).join(', ')} — open side by side.</p>` : '';
  const duplicates = view.duplicates.length ? `<p class="meta">Duplicates: ${view.duplicates.map((d) => `<a href="/articles/${d.id}">${d.id}</a> (${d.kind}, ${d.jaccard})`).join(', ')}</p>` : '';
  const body = `<p class="kicker"><a href="/stories/${article.story}">Story ${article.story}</a>${view.storyTitle ? ` · <span class="untrusted">${text(view.storyTitle, 160)}</span>` : ''}</p>
<h1 class="untrusted">${text(article.title ?? '(untitled)', HEADING_CHARS)}</h1>${properties(article)}${compare}${duplicates}
<p class="legend"><span><mark class="passage">shared passage</mark></span><span><mark class="quote-mark">quote</mark></span></p>
<div class="text article-text" data-side="a">${highlighted(article.text, marks)}</div>`;
  return page({ title: article.title ?? `Article ${article.id}`, current: 'stories', body });
}

export interface CompareView {
  a: StoredArticle;
  b: StoredArticle;
  /** Pairs of spans, one in each text, of the passages both carry. */
  passages: { a: [number, number]; b: [number, number]; words: number }[];
  /** Where the passages come from: the story's brief, or aligned now (articles of different stories). */
  origin: 'brief' | 'aligned';
  /** Articles that can be picked instead (the story's), by id. */
  choices: { id: number; label: string }[];
}

export function comparePage(view: CompareView): string {
  const side = (which: 'a' | 'b', article: StoredArticle): string => {
    const marks = view.passages.map((p, i) => ({ start: p[which][0], end: p[which][1], open: `<mark class="passage" tabindex="0" data-passage="${i + 1}" title="passage ${i + 1}: ${p.words} words">` }));
    return `<article data-side="${which}" aria-label="${which === 'a' ? 'Left' : 'Right'} article"><header><div class="kicker untrusted">${text(articleOutlet(article), 80)} · ${text(shownTime(article.published))}</div><h2 class="untrusted"><a href="/articles/${article.id}">${text(article.title ?? '(untitled)', 400)}</a></h2><div class="meta">${plural(article.text.length, 'character')}</div></header><div class="text">${highlighted(article.text, marks)}</div></article>`;
  };
  const picker = (name: 'a' | 'b', selected: number): string =>
    `<label>${name === 'a' ? 'Left' : 'Right'}<select name="${name}">${view.choices.map((c) => `<option value="${c.id}"${c.id === selected ? ' selected' : ''}>${attr(c.label, 80)}</option>`).join('')}</select></label>`;
  const words = view.passages.reduce((sum, p) => sum + p.words, 0);
  const summary = view.passages.length
    ? `${plural(view.passages.length, 'shared passage')}, ${plural(words, 'word')} in all${view.origin === 'aligned' ? ' (aligned now: these articles are in different stories)' : ' (from the story’s brief)'}. Click a passage, or press n / p, to find it in the other text.`
    : 'These two articles share no passage word for word.';
  const body = `<p class="kicker">${view.a.story === view.b.story ? `<a href="/stories/${view.a.story}">Story ${view.a.story}</a>` : 'Two stories'} · side by side</p><h1>Shared passages</h1>
<form class="pickers" method="get" action="/compare" data-autosubmit>${picker('a', view.a.id)}${picker('b', view.b.id)}<button type="submit" class="quiet">Compare</button></form>
<p class="legend"><span><mark class="passage">shared passage</mark></span><span>${summary}</span></p>
<div class="pair">${side('a', view.a)}${side('b', view.b)}</div>`;
  return page({ title: `Side by side: ${view.a.title ?? view.a.id} / ${view.b.title ?? view.b.id}`, current: 'stories', body });
}

export function errorPage(status: number, title: string, detail: string): string {
  return page({ title, body: `<p class="kicker">Error ${status}</p><h1>${text(title)}</h1><p>${text(detail)}</p><p><a class="button" href="/">All stories</a></p>` });
}

// Exports of a story: its brief as JSON, Markdown and standalone HTML (the CLI's renderers), and its claims as CSV, each a download with an ETag.
import { createHash } from 'node:crypto';
import type { Brief } from '../brief/model.js';
import { renderHtml } from '../brief/render-html.js';
import { renderMarkdown } from '../brief/render-md.js';
import type { Store } from '../store/store.js';
import { BIDI_CONTROLS } from './plain-text.js';
import { problem, problemResponse } from './problem.js';
import type { RouteTable } from './route-spec.js';
import { IdParams } from './schemas.js';
import { etagMatches, storyBriefJson, storyVersion } from './story-data.js';

/** Bidi controls in an export shown as their code, so no reader's viewer turns the text around. */
const visibleControls = (text: string): string => text.replace(BIDI_CONTROLS, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);

/** Characters a spreadsheet reads as the start of a formula (OWASP CSV injection), and the cell's leading blanks. */
const FORMULA_START = /^[\s\u00A0]*[=+\-@\t\r]|^[\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One CSV cell (RFC 4180): numbers as they are; text quoted, quotes doubled, a formula start defused with a leading apostrophe. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${visibleControls(safe).replace(/"/g, '""')}"`;
}

export const CLAIM_COLUMNS = ['claim', 'status', 'independent_sources', 'claim_text', 'source', 'outlet', 'article', 'start', 'end', 'statement'] as const;

/**
 * The claims of a brief as CSV, one row per claim and source that states it: corroborated claims, conflicts
 * (the sentence holding each side's value as the statement) and what one source alone says. Offsets index each article's text.
 */
export function claimsCsv(brief: Brief): string {
  const outletOf = new Map(brief.sources.map((s) => [s.ref, s.outlet]));
  const rows: (string | number | null)[][] = [];
  let claim = 0;
  for (const c of brief.claims) {
    claim++;
    const status = c.independentSources >= 2 ? 'corroborated' : 'one origin';
    for (const s of c.sources) rows.push([claim, status, c.independentSources, c.text, s.ref, outletOf.get(s.ref) ?? null, String(s.article), s.start, s.end, s.text]);
  }
  for (const c of brief.conflicts) {
    claim++;
    const text = `${c.kind}: ${c.values.join(' vs ')}`;
    for (const s of c.sides) rows.push([claim, c.minor ? 'minor conflict' : 'conflict', null, text, s.ref, outletOf.get(s.ref) ?? null, String(s.article), s.sentence.start, s.sentence.end, s.sentence.text]);
  }
  for (const single of brief.singleSourceClaims) {
    for (const s of single.claims) {
      claim++;
      rows.push([claim, 'single source', 1, s.text, s.ref, single.outlet, String(s.article), s.start, s.end, s.text]);
    }
  }
  // A byte-order mark so spreadsheets read UTF-8; CRLF line ends (RFC 4180).
  return `\uFEFF${[CLAIM_COLUMNS.map((c) => csvCell(c)), ...rows.map((r) => r.map(csvCell))].map((r) => r.join(',')).join('\r\n')}\r\n`;
}

/** The inline stylesheet of the standalone HTML allowed by its hash, nothing else (no script at all). */
function exportPolicy(html: string): string {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
  return ["default-src 'none'", `style-src ${styles.join(' ') || "'none'"}`, "img-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ');
}

interface ExportFormat {
  name: string;
  /** File name ending and media type. */
  extension: string;
  type: string;
  summary: string;
  render(json: string): string;
}

export const EXPORT_FORMATS: ExportFormat[] = [
  { name: 'json', extension: 'brief.json', type: 'application/json', summary: 'The brief as JSON (docs/brief.schema.json), indented', render: (json) => `${JSON.stringify(JSON.parse(json), null, 2)}\n` },
  { name: 'markdown', extension: 'brief.md', type: 'text/markdown', summary: 'The brief as Markdown (article text escaped)', render: (json) => visibleControls(renderMarkdown(JSON.parse(json) as Brief)) },
  { name: 'html', extension: 'brief.html', type: 'text/html', summary: 'The brief as one standalone HTML page (no script, no external resource)', render: (json) => visibleControls(renderHtml(JSON.parse(json) as Brief)) },
  { name: 'csv', extension: 'claims.csv', type: 'text/csv', summary: 'The claims as CSV: one row per claim and source, with offsets (cells quoted, formulas defused)', render: (json) => claimsCsv(JSON.parse(json) as Brief) },
];

export function addExportRoutes(routes: RouteTable, store: Store): void {
  for (const format of EXPORT_FORMATS) {
    routes.add(
      {
        method: 'get',
        path: `/api/stories/{id}/${format.extension}`,
        operationId: `exportStory${format.name[0]!.toUpperCase()}${format.name.slice(1)}`,
        summary: format.summary,
        description: 'A download (Content-Disposition: attachment) with an ETag: 304 for If-None-Match while the story is unchanged.',
        tags: ['exports'],
        params: IdParams,
        problems: ['not-found'],
        responses: {
          200: { description: format.summary, contentType: format.type, headers: { ETag: { description: 'Changes with the story and the brief format' } } },
          304: { description: 'Not modified since the ETag sent in If-None-Match' },
        },
      },
      async (c, { params }) => {
        const found = await storyVersion(store, params.id);
        if (!found) return problemResponse(problem('not-found', `no story ${params.id}; GET /api/stories lists them`, { instance: c.req.path }));
        const etag = found.etag.replace(/"$/, `-${format.name}"`);
        const headers: Record<string, string> = { etag, 'cache-control': 'no-cache' };
        if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
        const json = await storyBriefJson(store, params.id);
        if (json === undefined) return problemResponse(problem('not-found', `no story ${params.id}`, { instance: c.req.path }));
        const body = format.render(json);
        headers['content-type'] = `${format.type}; charset=utf-8`;
        headers['content-disposition'] = `attachment; filename="story-${params.id}-${format.extension}"`;
        if (format.name === 'html') headers['content-security-policy'] = exportPolicy(body);
        return c.body(body, 200, headers);
      },
    );
  }
}

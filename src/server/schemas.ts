// The zod schemas of the HTTP API: what requests may hold (validated) and what responses hold (documented).
import { z } from 'zod';

/** Longest query text accepted for a full-text search, in characters. */
export const MAX_QUERY_TEXT = 500;

const isoInstant = (bound: 'from' | 'to') =>
  z
    .string()
    .max(40)
    .refine((value) => /^\d{4}-\d\d-\d\d/.test(value) && !Number.isNaN(Date.parse(value)), { message: 'expecting an ISO 8601 date or time such as 2021-01-08 or 2021-01-08T21:17:00Z' })
    // A bare date as an upper bound means the whole day.
    .transform((value) => new Date(bound === 'to' && /^\d{4}-\d\d-\d\d$/.test(value) ? `${value}T23:59:59.999Z` : value).toISOString());

const positive = (description: string) => z.coerce.number().int().min(1).max(1_000_000).optional().describe(description);

/** Filters and paging of a story listing (the API and the web UI's story list take the same). */
export const StoryListQuery = z.object({
  q: z.string().max(MAX_QUERY_TEXT).optional().describe('Words that must all occur in one article of the story (title or text); full-text index'),
  order: z.enum(['newest', 'largest', 'independent']).default('newest').describe('newest: latest article first; largest: most articles; independent: most independent sources'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Stories per page, 1 to 100'),
  cursor: z.string().max(400).optional().describe('The `next` value of the previous page'),
  from: isoInstant('from').optional().describe('Only stories with an article published at or after this time'),
  to: isoInstant('to').optional().describe('Only stories with an article published at or before this time (a bare date: the whole day)'),
  outlet: z.string().max(200).optional().describe('Only stories with an article from this outlet'),
  language: z.string().max(20).optional().describe('Only stories with an article in this language (ISO 639-1)'),
  minSources: positive('Only stories with at least this many sources (outlets)'),
  minIndependent: positive('Only stories with at least this many independent sources (copies of one text count once; until a story has a brief, its outlet count stands in)'),
});

export const IdParams = z.object({
  id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe('Numeric id'),
});

export const StoryListing = z.object({
  id: z.number().int(),
  title: z.string(),
  articleCount: z.number().int(),
  sourceCount: z.number().int().describe('Distinct outlets (an article without outlet counts as its own source)'),
  independentSources: z.number().int().nullable().describe('Independent sources by the story\'s current brief; null until one is built'),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  links: z.object({ self: z.string(), html: z.string() }),
});

export const StoryPageSchema = z.object({
  stories: z.array(StoryListing),
  next: z.string().nullable().describe('Cursor of the next page, null on the last'),
  links: z.object({ next: z.string().nullable() }),
});

/** The brief, documented by docs/brief.schema.json, served beside this document. */
export const BRIEF_SCHEMA_REF = { $ref: '/api/brief.schema.json' };

export const StoryDetail = z.object({
  story: StoryListing.omit({ links: true, independentSources: true }),
  version: z.number().int().describe('Changes whenever the story does; part of the ETag'),
  brief: z.unknown().meta({ ...BRIEF_SCHEMA_REF, description: 'The brief, as `newsfuse brief ID --format json` prints it (docs/brief.schema.json)' }),
});

export const OutletList = z.object({
  outlets: z.array(z.object({ outlet: z.string(), articles: z.number().int(), stories: z.number().int() })),
});

const Span = z.object({ start: z.number().int(), end: z.number().int() });

export const ArticleDetail = z.object({
  id: z.number().int(),
  story: z.number().int(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  language: z.string().nullable(),
  authors: z.array(z.string()),
  credits: z.array(z.string()),
  cited: z.array(z.string()),
  dateline: z.string().nullable(),
  source: z.string().describe('The file (and line) or request item it was read from'),
  ingestedAt: z.string(),
  messages: z.array(z.string()),
  text: z.string().describe('The cleaned text; every offset in the API indexes it (JavaScript string indices)'),
  duplicates: z.array(z.object({ id: z.number().int(), kind: z.enum(['exact', 'near']), jaccard: z.number() })),
  passages: z
    .array(z.object({ words: z.number().int(), text: z.string(), here: Span, others: z.array(Span.extend({ article: z.number().int() })) }))
    .describe('Passages shared word for word with other articles of its story (from the story\'s brief)'),
  quotes: z
    .array(z.object({ text: z.string(), kind: z.string(), speaker: z.string().nullable(), start: z.number().int(), end: z.number().int() }))
    .describe('Quotes this article carries (from the story\'s brief)'),
  links: z.object({ self: z.string(), story: z.string(), html: z.string() }),
});

const optionalText = z.string().nullish();

/** One article as POSTed: the CLI's JSONL fields (and the news-please / newspaper names); other fields are ignored. */
export const ArticleInputSchema = z
  .looseObject({
    id: z.union([z.string(), z.number()]).nullish(),
    url: optionalText,
    outlet: optionalText,
    title: optionalText,
    text: optionalText,
    html: optionalText,
    published: z.union([z.string(), z.number()]).nullish().describe('ISO 8601 or epoch milliseconds'),
    language: optionalText,
    authors: z.union([z.string(), z.array(z.string())]).nullish(),
    maintext: optionalText,
    date_publish: z.union([z.string(), z.number()]).nullish(),
    source_domain: optionalText,
  })
  .refine((a) => Boolean(a.text || a.maintext || a.html || a.title), { message: 'expecting at least one of "text", "maintext", "html" or "title", instead found none' });

export const IngestResultSchema = z.object({
  read: z.number().int(),
  new: z.number().int(),
  duplicate: z.number().int(),
  failed: z.number().int(),
  stories: z.array(z.number().int()).describe('Stories touched'),
  newStories: z.number().int(),
  items: z.array(
    z.object({
      index: z.number().int().describe('Position of the item in the request, from 0'),
      status: z.enum(['new', 'duplicate', 'failed']),
      article: z.number().int().optional(),
      story: z.number().int().optional(),
      newStory: z.boolean().optional(),
      duplicateOf: z.number().int().optional(),
      rule: z.string().optional(),
      reason: z.string().optional(),
      warnings: z.array(z.string()).optional(),
    }),
  ),
});

export const FeedQuery = z.object({
  q: StoryListQuery.shape.q,
  outlet: StoryListQuery.shape.outlet,
  limit: z.coerce.number().int().min(1).max(100).default(50).describe('Entries, 1 to 100'),
});

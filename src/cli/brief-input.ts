// `newsfuse brief --input STORIES.jsonl`: a brief per story line, without a store; spans index each input `text` as given.
import type { Article } from '../article.js';
import { timeOf } from '../article.js';
import { buildBriefOf, type BriefArticle } from '../brief/brief.js';
import { prepare } from '../pipeline.js';
import type { BriefStory } from '../brief/model.js';
import { say, writeLine } from './output.js';
import { embeddedArticle, jsonRecords } from './jsonl-records.js';
import { formatBrief } from './brief.js';

/** A prepared input article as the brief reads it: analysed on its cleaned text, reported against the text given. */
function briefArticle(article: Article, index: number): BriefArticle {
  return {
    key: article.input.id ?? String(index),
    text: article.text,
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    url: article.url,
    source: article.where,
    authors: article.authors,
    credits: article.data.credits ?? [],
    cited: article.data.cited ?? [],
    sourceMap: article.data.sourceMap,
    sourceText: article.input.text ?? '',
  };
}

/** Oldest first (undated last, in input order), as stored stories are. */
function chronological(articles: Article[]): Article[] {
  return articles
    .map((article, i) => ({ article, i, t: timeOf(article) }))
    .sort((x, y) => (x.t ?? Infinity) - (y.t ?? Infinity) || x.i - y.i)
    .map((x) => x.article);
}

export async function briefInputCommand(options: { input: string; format: 'md' | 'json' | 'html' }): Promise<number> {
  let briefs = 0;
  let failed = 0;
  for await (const { record, line } of jsonRecords(options.input)) {
    const source = { file: options.input, line };
    if (!Array.isArray(record.articles)) {
      say(`${options.input}:${line}: expecting "articles" to be an array, instead found ${typeof record.articles} [read:fields]`);
      failed++;
      continue;
    }
    const id = typeof record.id === 'string' || typeof record.id === 'number' ? record.id : line;
    const read = record.articles
      .map((value, i) => embeddedArticle(value, source, `articles[${i}]`))
      .filter((a): a is Article => a !== undefined)
      .map((article) => prepare(article, ['clean', 'describe']));
    for (const article of read) for (const m of article.messages) if (m.severity === 'error') say(`${options.input}:${line}: ${article.input.id ?? ''} ${m.reason} [${m.rule}]`);
    const articles = chronological(read);
    const times = articles.map((a) => a.published).filter((p): p is string => !!p);
    const story: BriefStory = {
      id,
      title: articles.find((a) => a.title)?.title ?? '',
      articleCount: articles.length,
      sourceCount: new Set(articles.map((a) => a.outlet ?? a.input.id ?? a.where)).size,
      firstSeen: times[0] ?? null,
      lastSeen: times[times.length - 1] ?? null,
    };
    const brief = buildBriefOf(story, articles.map(briefArticle), { id });
    briefs++;
    await writeLine(formatBrief(brief, options.format, 'line') + (options.format === 'md' ? '\n' : ''));
  }
  return briefs === 0 && failed > 0 ? 1 : 0;
}

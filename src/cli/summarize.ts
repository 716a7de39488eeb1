// `summarize`: extractive summaries of groups of articles from a JSONL file.
import { timeOf, type Article } from '../article.js';
import { summarizeStory } from '../brief/summary/context.js';
import { summaryText } from '../brief/summary/summary.js';
import { prepare } from '../pipeline.js';
import { writeLine, say } from './output.js';
import { embeddedArticle, jsonRecords } from './jsonl-records.js';

/** `summarize --input FILE.jsonl [--words N]`: `{id, summary}` per group of articles. */
export async function summarizeCommand(options: { input: string; words: number }): Promise<number> {
  for await (const { record, line } of jsonRecords(options.input)) {
    const source = { file: options.input, line };
    if (!Array.isArray(record.articles)) {
      say(`${options.input}:${line}: expecting "articles" to be an array, instead found ${typeof record.articles} [read:fields]`);
      continue;
    }
    const documents = record.articles
      .map((value, i) => embeddedArticle(value, source, `articles[${i}]`))
      .filter((a): a is Article => a !== undefined)
      .map((article, i) => {
        prepare(article, ['clean']);
        return { id: article.input.id ?? String(i), title: article.title, text: article.text, time: timeOf(article) };
      });
    const summary = summaryText(summarizeStory(documents, options.words), options.words);
    await writeLine(JSON.stringify({ id: record.id ?? line, summary }));
  }
  return 0;
}

// Worker thread of prepare-workers.ts: prepares the articles it is sent and posts back their fields.
import { parentPort } from 'node:worker_threads';
import { Article } from './article.js';
import { fieldsOf, prepareArticle, type ArticlePayload, type PreparedFields } from './prepare-workers.js';

parentPort?.on('message', (message: { id: number; payloads: ArticlePayload[] }) => {
  const results: PreparedFields[] = message.payloads.map((payload) => {
    const article = new Article(payload.source, payload.input);
    article.messages.push(...payload.messages);
    return fieldsOf(prepareArticle(article));
  });
  parentPort!.postMessage({ id: message.id, results });
});

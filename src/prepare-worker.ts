// Worker thread of prepare-workers.ts: prepares the articles it is sent and posts back their fields.
import { parentPort, workerData } from 'node:worker_threads';
import { Article } from './article.js';
import type { StageName } from './pipeline.js';
import { fieldsOf, prepareArticle, type ArticlePayload, type PreparedFields } from './prepare-workers.js';

const stages = (workerData as { stages: StageName[] }).stages;

parentPort?.on('message', (message: { id: number; payloads: ArticlePayload[] }) => {
  const results: PreparedFields[] = message.payloads.map((payload) => {
    const article = new Article(payload.source, payload.input);
    article.messages.push(...payload.messages);
    return fieldsOf(prepareArticle(article, stages));
  });
  parentPort!.postMessage({ id: message.id, results });
});

// Worker thread of `dupes`: prepares the articles it is sent (dupes-prepare.ts) and posts back their candidates, buffers transferred.
import { parentPort } from 'node:worker_threads';
import { inputNeedsPage, loadPageReader, preparePayload, type DupesPayload } from './dupes-prepare.js';

parentPort?.on('message', async (message: { id: number; payloads: DupesPayload[] }) => {
  if (message.payloads.some((p) => inputNeedsPage(p.input))) await loadPageReader();
  const results = message.payloads.map(preparePayload);
  const buffers = results.flatMap((r) => (r.candidate ? [r.candidate.shingles.buffer, r.candidate.keys.buffer] : []));
  parentPort!.postMessage({ id: message.id, results }, buffers as ArrayBuffer[]);
});
// Ready once the stages are loaded: until then the main thread prepares the chunks itself.
parentPort?.postMessage({ ready: true });

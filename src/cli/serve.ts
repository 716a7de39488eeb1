// `newsfuse serve`: the HTTP API and web UI over the store until SIGINT or SIGTERM.
import { startServer } from '../server/serve.js';
import { openStore } from '../store/store.js';
import { say } from './output.js';

export interface ServeCommandOptions {
  db: string;
  port: number;
  host: string;
  /** Seconds between a story page's checks for new articles. */
  poll?: number;
}

export async function serveCommand(options: ServeCommandOptions): Promise<number> {
  const token = process.env.NEWSFUSE_TOKEN || undefined;
  const store = await openStore(options.db);
  let server;
  try {
    server = await startServer(store, { port: options.port, host: options.host, token, pollSeconds: options.poll });
  } catch (error) {
    await store.close();
    throw error;
  }
  say(`serving ${options.db} at ${server.url}/ (API: ${server.url}/api/openapi.json)${token ? '; writes need the bearer token NEWSFUSE_TOKEN' : ''}; Ctrl-C stops`);
  const running = server;
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      say(`${signal}: finishing requests in flight, then stopping`);
      void running.close().then(resolve);
    };
    const onInt = (): void => stop('SIGINT');
    const onTerm = (): void => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
  await store.close();
  say('stopped');
  return 0;
}

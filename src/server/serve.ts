// Runs the app on a Node HTTP server: loopback unless a token guards writes, graceful close (in-flight requests finish, idle sockets go).
import { isIP } from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Store } from '../store/store.js';
import { createApp, type AppOptions } from './app.js';

export interface ServeOptions extends AppOptions {
  port: number;
  host: string;
}

/** Host names and addresses that only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stop accepting, let in-flight requests finish (at most `graceMs`), then close every socket. */
  close(graceMs?: number): Promise<void>;
}

/** Start serving; rejects when the address is taken, or when it reaches beyond loopback without a token. */
export async function startServer(store: Store, options: ServeOptions): Promise<RunningServer> {
  if (!isLoopback(options.host) && !options.token) {
    throw new Error(
      `serve: refusing to listen on ${options.host} without a token: anyone who reaches it could write to the store. Set NEWSFUSE_TOKEN, or listen on 127.0.0.1`,
    );
  }
  const { app } = createApp(store, options);
  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: app.fetch, port: options.port, hostname: options.host }) as Server;
    created.once('listening', () => resolve(created));
    created.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `serve: ${options.host}:${options.port} is in use; pick another --port` : `serve: ${error.message}`)),
    );
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = isIP(options.host) === 6 ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: (graceMs = 5000) =>
      new Promise<void>((resolve) => {
        // Not unref'd: a connection whose upload was cut short (a 413) may hold no live handle, and close must still end.
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

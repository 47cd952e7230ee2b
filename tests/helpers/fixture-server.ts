import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listFixturePages } from './fixture-pages';

/** A running fixture server and how to stop it. */
export interface FixtureServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  urlOf(urlPath: string): string;
  close(): Promise<void>;
}

/**
 * Serves the fixture pages over HTTP on a free port of 127.0.0.1, the only
 * host the test build of the extension may reach. Extra pages can be added
 * by path, for tests that need a page of their own.
 */
export async function startFixtureServer(
  extraPages: Record<string, string> = {},
): Promise<FixtureServer> {
  const files = new Map(
    listFixturePages().map((page) => [page.urlPath, page.file]),
  );
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const extra = extraPages[path];
    const file = files.get(path);
    if (extra === undefined && file === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }

    const body = extra ?? (await readFile(file as string));
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body);
  });

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    urlOf: (urlPath) => `${origin}${urlPath}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

// Serves the built renderer and the real core over HTTP on 127.0.0.1, so Chromium drives the same
// page and the same services the Electron window would. POST /api/<method> → dispatch().
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AppCore } from '../../../electron/core/app-core';
import { dispatch, newSession, type Session } from '../../../electron/core/api/dispatch';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface HarnessServer {
  url: string;
  session: Session;
  server: Server;
  close(): Promise<void>;
}

export async function startHarness(
  core: AppCore,
  rendererDir = join(process.cwd(), 'out/renderer'),
  session: Session = newSession(),
): Promise<HarnessServer> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        const result = await dispatch(core, session, decodeURIComponent(url.pathname.slice(5)), body);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
        return;
      }
      const rel = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
      const file = normalize(join(rendererDir, rel));
      if (!file.startsWith(normalize(rendererDir) + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    session,
    server,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Injected before the page's scripts: window.api backed by fetch, as the preload does over IPC. */
export const API_SHIM = `
  window.api = new Proxy({}, { get: (_t, method) => (input) =>
    fetch('/api/' + encodeURIComponent(String(method)), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}) }).then((r) => r.json()) });
`;

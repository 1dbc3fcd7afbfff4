// Serves the built renderer and the real core over HTTP on 127.0.0.1, so Chromium drives the same
// page and the same services the Electron window would. POST /api/<method> is routed to the core
// thread (a CoreHost, as main routes IPC; see ./core-thread.ts), under the page's session key.
// GET /events streams pushed job states (server-sent events), as main sends them over IPC.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { CoreHost } from '../../../electron/core/host/core-host';
import type { JobState } from '../../../electron/core/jobs/runner';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface HarnessServer {
  url: string;
  server: Server;
  /** how many times the page called each method (a test can check nothing polls) */
  calls: Map<string, number>;
  /** calls the core refused for the operator's role or scope ("method：message"): the page offered them */
  refusals: string[];
  close(): Promise<void>;
}

/** The session key the page's calls run under in the core thread (signed in by ./core-thread.ts or host.call). */
export const HARNESS_SESSION = 'harness';

export async function startHarness(
  target: CoreHost,
  rendererDir = join(process.cwd(), 'out/renderer'),
): Promise<HarnessServer> {
  const streams = new Set<import('node:http').ServerResponse>();
  const unsubscribe = target.onJob((state: JobState) => {
    for (const res of streams) res.write(`data: ${JSON.stringify(state)}\n\n`);
  });
  const calls = new Map<string, number>();
  const refusals: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const body: unknown = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        const name = decodeURIComponent(url.pathname.slice(5));
        calls.set(name, (calls.get(name) ?? 0) + 1);
        const json = await target.callJson(name, body, HARNESS_SESSION);
        if (json.startsWith('{"ok":false') && json.includes('"code":"FORBIDDEN"')) {
          const parsed = JSON.parse(json) as { error: { message: string } };
          refusals.push(`${name}：${parsed.error.message}`);
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(json);
        return;
      }
      if (req.method === 'GET' && url.pathname === '/events') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.write(': open\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
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
    server,
    calls,
    refusals,
    close: () =>
      new Promise<void>((r) => {
        unsubscribe();
        for (const res of streams) res.end();
        server.close(() => r());
      }),
  };
}

/** Injected before the page's scripts: window.api backed by fetch and window.jobs by server-sent
 * events, as the preload does over IPC. */
export const API_SHIM = `
  window.api = new Proxy({}, { get: (_t, method) => (input) =>
    fetch('/api/' + encodeURIComponent(String(method)), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}) }).then((r) => r.json()) });
  window.jobs = { subscribe(fn) {
    const source = new EventSource('/events');
    source.onmessage = (e) => fn(JSON.parse(e.data));
    return () => source.close();
  } };
`;

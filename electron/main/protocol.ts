// Serves the built renderer under app://bundle/ instead of file://, so the page has a real origin
// (CSP 'self' means our bundle only) and cannot read other local files by path.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Maps an app:// URL to a file inside root, refusing anything that escapes it. */
export function resolveBundlePath(root: string, url: string): string | null {
  let rel: string;
  try {
    const parsed = new URL(url);
    // Only our own host: app://bundle/…
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'bundle') return null;
    rel = decodeURIComponent(parsed.pathname === '/' ? '/index.html' : parsed.pathname);
  } catch {
    return null; // malformed URL or %-escape
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  const full = normalize(join(root, rel));
  return full.startsWith(normalize(root) + sep) ? full : null;
}

export async function serveBundle(root: string, url: string): Promise<Response> {
  const file = resolveBundlePath(root, url);
  if (!file) return new Response('forbidden', { status: 403 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

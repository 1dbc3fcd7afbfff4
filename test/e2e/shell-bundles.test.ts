// The built bundles (out/) reference no address outside the machine: no URL in a loading position
// anywhere, and every other http(s) string in the renderer is a known, inert library text (error-page
// links, comments kept in strings, JSON-schema ids). Main refuses any request not the app's own.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isAllowedRequestUrl } from '../../electron/main/security';

const out = join(__dirname, '../../out');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

const URL_RE = /\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\]+/g;
const LOCAL = /^(?:https?|wss?):\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?:[:/]|$)/;
/** XML namespace names (never fetched): SVG/MathML in the renderer, OOXML and Dublin Core in exceljs. */
const W3_NAMESPACE =
  /^https?:\/\/(?:www\.w3\.org|schemas\.openxmlformats\.org|schemas\.microsoft\.com\/office|purl\.org\/dc)\//;

/** Strings in third-party code that are never loaded (links in error texts and comments, ids). Reviewed. */
const INERT_PREFIXES = [
  'https://react.dev/errors/', // React's production error message text
  'https://github.com/', // links in antd / zrender / cuid comments and warnings
  'https://stackoverflow.com/a/1081114',
  'https://regexr.com/',
  'https://ihateregex.io/',
  'https://momentjs.com/',
  'https://developers.google.com/style/',
  'https://developer.mozilla.org/',
  'http://en.wikipedia.org/wiki/',
  'https://json-schema.org/draft', // zod's JSON-schema $schema ids
  'http://json-schema.org/draft',
  'http://0.30000000000000004.com/',
  'http://[', // templates in URL parsing helpers
  'https://exa', // an example in a comment about URL parsing
];

/** Places where a URL would be fetched: attributes, CSS, module loading, network APIs. */
const LOADING =
  /(?:\bsrc\s*=\s*|\bhref\s*=\s*|url\(\s*|@import\s+|\bimport\(\s*|\bfetch\(\s*|new\s+WebSocket\(\s*|new\s+EventSource\(\s*|sendBeacon\(\s*|\.open\(\s*["'][A-Z]+["']\s*,\s*)["'`]?(?:https?|wss?|ftp):\/\//g;

describe('built bundles', () => {
  // Skipped only off CI without a build; CI builds first (npm test), so a missing bundle fails there.
  it.skipIf(!existsSync(join(out, 'renderer/index.html')) && !process.env.CI)(
    'load nothing from outside the machine',
    () => {
      const all = files(out).filter((f) => /\.(js|mjs|cjs|html|css)$/.test(f));
      expect(all.length).toBeGreaterThan(3);
      const loading: string[] = [];
      const unknown = new Map<string, string>();
      for (const f of all) {
        const text = readFileSync(f, 'utf8');
        for (const m of text.matchAll(LOADING))
          loading.push(`${f.slice(out.length)}: ${text.slice(m.index, m.index + 80)}`);
        for (const [url] of text.matchAll(URL_RE)) {
          if (LOCAL.test(url) || W3_NAMESPACE.test(url) || INERT_PREFIXES.some((p) => url.startsWith(p))) continue;
          unknown.set(url, f.slice(out.length));
        }
      }
      expect(loading).toEqual([]);
      expect([...unknown].map(([u, f]) => `${u} (${f})`)).toEqual([]);
      // Main and preload hold no address at all (XML namespace names aside).
      for (const f of all.filter((x) => /^[\\/](main|preload)[\\/]/.test(x.slice(out.length)))) {
        const urls = [...readFileSync(f, 'utf8').matchAll(URL_RE)]
          .map((m) => m[0])
          .filter((u) => !W3_NAMESPACE.test(u));
        expect(urls, f).toEqual([]);
      }
    },
  );

  it('main refuses every request that is not the app bundle', () => {
    for (const url of [
      'https://cdn.jsdelivr.net/npm/x',
      'http://10.0.0.1/',
      'http://localhost:3000/',
      'ws://127.0.0.1/',
      'file:///C:/secret.txt',
      'ftp://x/',
      'chrome://settings',
      'app://other/x',
      'blob:https://x/1',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
    expect(isAllowedRequestUrl('app://bundle/assets/index.js')).toBe(true);
  });
});

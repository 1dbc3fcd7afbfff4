// No Chinese UI text written in renderer code: every label is in the catalogue (renderer/src/i18n,
// zh and en side by side) and reached through useT(). Printed official sheets stay Chinese, but they
// are built in shared/sheets and electron, not here. Outside comments, a renderer file holds no
// Chinese character — except the files below, not yet migrated: the list only shrinks (a listed file
// that is clean fails too, so it is taken off the moment it is migrated).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const CATALOGUE = 'renderer/src/i18n';

/** Files whose labels are still written in the code (to migrate page by page). */
const NOT_YET_MIGRATED = new Set<string>([]);

/** The source without its comments (line and block), good enough for files without '//' in strings. */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function rendererFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return path === CATALOGUE ? [] : rendererFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const chineseLines = (file: string) =>
  code(readFileSync(join(ROOT, file), 'utf8'))
    .split('\n')
    .map((l, i) => [i + 1, l.trim()] as const)
    .filter(([, l]) => /\p{Script=Han}/u.test(l));

const FILES = rendererFiles('renderer/src').map((f) => relative('.', f));

describe('renderer code takes every label from the catalogue', () => {
  it.each(FILES.filter((f) => !NOT_YET_MIGRATED.has(f)))('%s has no Chinese outside comments', (file) => {
    expect(chineseLines(file)).toEqual([]);
  });

  it('the not-yet-migrated list names only files that exist and still hold Chinese', () => {
    const stale = [...NOT_YET_MIGRATED].filter((f) => !FILES.includes(f) || chineseLines(f).length === 0);
    expect(stale).toEqual([]);
  });
});

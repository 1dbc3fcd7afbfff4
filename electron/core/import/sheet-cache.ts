// Keeps the plain values a preview parsed (keyed by the file's SHA-256) so apply re-plans against
// the current store without parsing the workbook again. Only plain values are kept, in the local
// data folder; an entry is removed after its apply and any older than a day is pruned.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { commitTempFile } from '../backup/atomic-write';
import { join } from 'node:path';
import type { SheetData } from './read-workbook';

const DIR = 'import-cache';
const MAX_AGE_MS = 24 * 3600 * 1000;

const fileOf = (dataDir: string, sha256: string) => join(dataDir, DIR, `${sha256}.json`);

export function loadCachedSheets(dataDir: string, sha256: string): SheetData[] | null {
  try {
    return JSON.parse(readFileSync(fileOf(dataDir, sha256), 'utf8')) as SheetData[];
  } catch {
    return null;
  }
}

export function saveCachedSheets(dataDir: string, sha256: string, sheets: SheetData[]): void {
  try {
    const dir = join(dataDir, DIR);
    mkdirSync(dir, { recursive: true });
    const now = Date.now();
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (now - statSync(p).mtimeMs > MAX_AGE_MS) rmSync(p, { force: true });
    }
    const tmp = `${fileOf(dataDir, sha256)}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(sheets));
    commitTempFile(tmp, fileOf(dataDir, sha256));
  } catch {
    /* a cache only: apply parses the file again when it is missing */
  }
}

export function dropCachedSheets(dataDir: string, sha256: string): void {
  rmSync(fileOf(dataDir, sha256), { force: true });
}

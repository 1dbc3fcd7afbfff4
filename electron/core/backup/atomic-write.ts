// Output files appear whole or not at all: written to a temp name beside the target, fsynced, then
// renamed. Each temp name is registered in the data folder first, so the next start removes leftovers
// of a crash wherever they were (a USB drive, the clerk's documents).
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export const PARTIAL_SUFFIX = '.da-partial';

function registryDir(dataDir: string): string {
  return join(dataDir, 'partial-outputs');
}

function fsyncPath(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* directories cannot be fsynced on Windows; the rename is still atomic there */
  }
}

/**
 * The one commit step of every temp-then-rename writer (outputs, packs, backups, caches): the temp
 * file's data reaches the disk before the rename, and the rename itself before we report success.
 */
export function commitTempFile(temp: string, target: string): void {
  fsyncPath(temp);
  renameSync(temp, target);
  fsyncPath(dirname(target));
}

/** The temp name for a target: same folder (so rename is atomic), hidden-ish, marked as partial. */
export function partialPathFor(target: string): string {
  return join(dirname(target), `~${basename(target)}.${process.pid}${PARTIAL_SUFFIX}`);
}

/**
 * Notes a temp file in the data folder before it is created, so the next start can remove it if this
 * process is killed (wherever it was: a USB drive, the clerk's documents). Returns the un-register.
 */
export function registerPartial(dataDir: string, temp: string): () => void {
  const reg = registryDir(dataDir);
  mkdirSync(reg, { recursive: true });
  const regFile = join(reg, createHash('sha256').update(temp).digest('hex').slice(0, 24) + '.json');
  writeFileSync(regFile, JSON.stringify({ temp, pid: process.pid }));
  return () => rmSync(regFile, { force: true });
}

/**
 * Runs `write(tempPath)` and moves the result onto `target`. On failure the temp file is removed and
 * the target is left as it was (absent, or the previous version).
 */
export async function writeFileAtomic<T>(
  dataDir: string,
  target: string,
  write: (tempPath: string) => Promise<T> | T,
  temp = partialPathFor(target),
): Promise<T> {
  const unregister = registerPartial(dataDir, temp);
  try {
    // Claimed up front, so a leftover is always a file the next start can see and remove.
    writeFileSync(temp, '');
    const value = await write(temp);
    commitTempFile(temp, target);
    return value;
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  } finally {
    unregister();
  }
}

/** A registry entry's writer is still running (another process on this machine, e.g. the window while the CLI starts). */
function writerAlive(pid: unknown): boolean {
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** At start: delete temp files a killed process left behind. Returns the paths removed. */
export function cleanupPartialOutputs(dataDir: string): string[] {
  const removed: string[] = [];
  // Backups write their temp file in the data folder's backups/ without a registry entry.
  const backups = join(dataDir, 'backups');
  if (existsSync(backups)) {
    for (const name of readdirSync(backups)) {
      if (name.endsWith(PARTIAL_SUFFIX)) {
        rmSync(join(backups, name), { force: true });
        removed.push(join(backups, name));
      }
    }
  }
  const reg = registryDir(dataDir);
  if (!existsSync(reg)) return removed;
  for (const name of readdirSync(reg)) {
    const regFile = join(reg, name);
    try {
      const { temp, pid } = JSON.parse(readFileSync(regFile, 'utf8')) as { temp?: unknown; pid?: unknown };
      if (writerAlive(pid)) continue;
      if (typeof temp === 'string' && temp.endsWith(PARTIAL_SUFFIX) && existsSync(temp)) {
        rmSync(temp, { force: true });
        removed.push(temp);
      }
    } catch {
      /* a half-written registry entry: its temp file was never created */
    }
    rmSync(regFile, { force: true });
  }
  return removed;
}

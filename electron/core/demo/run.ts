// `demo` end to end: (re)create a demo store in a data folder, fill it, and return the summary and
// the open core, so a later step (e.g. writing the evidence pack) is a one-line addition.
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/result';
import { AppCore } from '../app-core';
import { SYSTEM_OPERATOR } from '../context';
import { storeFile as storeFileOf } from '../db/paths';
import { generateDemo, type DemoOptions, type DemoSummary } from './generate';
import { summaryLines } from './summary';
import { the } from '../db/query';

export interface RunDemoOptions extends DemoOptions {
  dataDir: string;
  /** replace a store that is not a demo store (never the default) */
  force?: boolean;
  now?: () => Date;
}

export interface DemoRun {
  summary: DemoSummary;
  lines: string[];
  dataDir: string;
  storeFile: string;
  /** the open core on the new store; the caller closes it */
  core: AppCore;
}

/** True when the file is absent, empty, or was made by the demo generator. */
function isReplaceable(file: string): boolean {
  if (!existsSync(file)) return true;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'app_meta'").get();
    if (!hasMeta) return the<{ n: number }>(db, "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").n === 0;
    if (db.prepare("SELECT 1 FROM app_meta WHERE key = 'demo'").get()) return true;
    const units = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'unit'").get();
    return !units || !db.prepare('SELECT 1 FROM unit LIMIT 1').get();
  } finally {
    db.close();
  }
}

export async function runDemo(options: RunDemoOptions): Promise<DemoRun> {
  const dataDir = resolve(options.dataDir);
  const storeFile = storeFileOf(dataDir);
  if (!options.force && !isReplaceable(storeFile)) {
    throw new AppError(
      'CONFLICT',
      `${storeFile} 中已有正式数据（不是演示数据），为防止误删，演示数据未生成。请换一个数据目录（--data-dir），或确认后加 --force。`,
    );
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(storeFile + suffix, { force: true });
  const core = new AppCore({ dataDir, ...(options.now ? { now: options.now } : {}) });
  try {
    const summary = generateDemo(core.ctx(SYSTEM_OPERATOR), options);
    return { summary, lines: summaryLines(summary, storeFile), dataDir, storeFile, core };
  } catch (e) {
    core.close();
    throw e;
  }
}

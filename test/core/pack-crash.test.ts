// A kill of the real pack writer: a child process exports the evaluation pack through the job worker
// (startPackExport → worker → writeWorkbook) in a loop and is SIGKILLed mid-export. The next start
// removes every temp file the kill left (registered in the data folder), the earlier export in the same
// folder is byte for byte as it was, and every finished workbook there opens.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { AppCore } from '../../electron/core/app-core';
import { PARTIAL_SUFFIX } from '../../electron/core/backup/atomic-write';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { storeFile } from '../../electron/core/db/paths';
import { generateDemo } from '../../electron/core/demo';
import { startPackExport } from '../../electron/core/pack/start-export';
import { tempDir } from '../support/temp-core';

const KILLS = Number(process.env.PACK_CRASH_RUNS ?? 4);
const CHILD = join(__dirname, 'pack-crash-child.ts');

function runAndKill(dataDir: string, outDir: string, delayMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, outDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let last = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    let watch: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        last = line;
        // After the first finished round, watch the folder: the kill lands once a later round's
        // workbook is being written (its temp file exists), a random moment into it.
        if (line.startsWith('pack 0') && !watch)
          watch = setInterval(() => {
            if (timer || !readdirSync(outDir).some((n) => n.endsWith(PARTIAL_SUFFIX))) return;
            timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
          }, 5);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (watch) clearInterval(watch);
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`child ended by itself (${String(code)}): ${err.slice(0, 2000)}`));
    });
  });
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('a SIGKILL of the real pack writer', () => {
  it(`leaves no temp file after the next start and the earlier export intact (${KILLS} kills)`, async () => {
    const source = tempDir('da-pack-crash-src-');
    const core = new AppCore({ dataDir: source, logError: () => undefined, autoBackup: false });
    generateDemo(core.ctx(SYSTEM_OPERATOR), { people: 120 });
    const yearId = core.db.prepare('SELECT id FROM assessment_year ORDER BY year LIMIT 1').pluck().get() as string;
    const outDir = join(tempDir('da-pack-crash-out-'), '考核材料');
    mkdirSync(outDir, { recursive: true });
    // the earlier export: the summary table alone, a file the killed exports must never touch
    const earlier = startPackExport(core, SYSTEM_OPERATOR, {
      yearId,
      scope: 'unit',
      departmentIds: [],
      sheets: ['summary'],
      folder: outDir,
    });
    const done = await core.jobs.wait(earlier.id);
    expect(done.status).toBe('done');
    const earlierFile = (done.value as { files: { path: string }[] }).files[0]!.path;
    const earlierHash = digest(earlierFile);
    core.close();

    let tempsLeft = 0;
    for (let k = 0; k < KILLS; k++) {
      const dataDir = tempDir('da-pack-crash-');
      copyFileSync(storeFile(source), storeFile(dataDir));
      // a short random delay: the streaming writer keeps a department's temp file only tens of
      // milliseconds, so a longer one lets the kill fall between two workbooks
      await runAndKill(dataDir, outDir, Math.floor(Math.random() * 20));
      tempsLeft += readdirSync(outDir).filter((n) => n.endsWith(PARTIAL_SUFFIX)).length;
      // the next start
      const next = new AppCore({ dataDir, logError: () => undefined, autoBackup: false });
      next.close();
      expect(readdirSync(outDir).filter((n) => n.endsWith(PARTIAL_SUFFIX) || n.includes('.tmp'))).toEqual([]);
      expect(digest(earlierFile)).toBe(earlierHash);
      // every workbook in the folder is whole: a finished one opens; a half-written one never has the name
      for (const name of readdirSync(outDir)) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(join(outDir, name));
        expect(wb.worksheets.length).toBeGreaterThan(0);
        if (join(outDir, name) !== earlierFile) rmSync(join(outDir, name));
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
    console.log(
      `pack-crash: ${KILLS} kills of the pack writer left ${tempsLeft} temp files, all removed at the next start`,
    );
    expect(tempsLeft).toBeGreaterThan(0); // the kills did land mid-write
  }, 300_000);
});

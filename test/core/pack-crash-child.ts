// The victim of the pack crash test: on a copy of a demo store, exports the evaluation pack through the
// real path (startPackExport → job worker → the pack writer) into the same folder again and again,
// removing each finished round's files, until the parent SIGKILLs it. The folder also holds an earlier
// export, which must survive every kill untouched.
import { rmSync } from 'node:fs';
import { AppCore } from '../../electron/core/app-core';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { startPackExport } from '../../electron/core/pack/start-export';
import { PACK_SHEET_KINDS } from '../../shared/sheets/pack-sheets';

async function main(): Promise<void> {
  const [dataDir, outDir] = process.argv.slice(2) as [string, string];
  const core = new AppCore({ dataDir, logError: () => undefined, autoBackup: false });
  const year = core.db.prepare('SELECT id, unit_id FROM assessment_year ORDER BY year LIMIT 1').get() as {
    id: string;
    unit_id: string;
  };
  const departmentIds = [
    year.unit_id,
    ...(core.db.prepare('SELECT id FROM unit WHERE parent_id = ?').pluck().all(year.unit_id) as string[]),
  ];
  process.stdout.write('ready\n');
  for (let round = 0; ; round++) {
    const job = startPackExport(core, SYSTEM_OPERATOR, {
      yearId: year.id,
      scope: 'departments',
      departmentIds,
      sheets: [...PACK_SHEET_KINDS],
      folder: outDir,
    });
    const end = await core.jobs.wait(job.id);
    if (end.status !== 'done') throw new Error(`export ${end.status}: ${JSON.stringify(end.error)}`);
    const files = (end.value as { files: { path: string }[] }).files;
    process.stdout.write(`pack ${round} ${files.length}\n`);
    for (const f of files) rmSync(f.path, { force: true });
  }
}

void main();

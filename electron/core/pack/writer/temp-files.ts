// The pack writer's temp files, apart from the writer: the core thread removes a killed job's
// leftovers without loading exceljs (which only the job workers need).
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PARTIAL_SUFFIX } from '../../backup/atomic-write';

/** The temp name beside the target: hidden-ish, unique per process, same folder so rename is atomic. */
export function tempNameFor(file: string, tag = `${process.pid}.${Date.now()}`): string {
  return join(dirname(file), `~$${basename(file)}.${tag}${PARTIAL_SUFFIX}`);
}

/** Removes the temps a (killed) job with this tag left in the folder. */
export function removeTemps(folder: string, tag: string): void {
  for (const name of readdirSync(folder)) {
    if (name.startsWith('~$') && name.endsWith(`.${tag}${PARTIAL_SUFFIX}`)) rmSync(join(folder, name), { force: true });
  }
}

// Each backup's manifest: the audit chain's head at the moment of the backup, in a small file beside
// it (outside the store). The full audit check requires every manifest's head to still be in the
// chain, so cutting entries off the end (and the AUTOINCREMENT counter with them) is detected.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ExternalHead } from '../audit/audit-check';
import { backupDir } from '../db/paths';

export const MANIFEST_SUFFIX = '.head.json';

export function manifestPathFor(backupFile: string): string {
  return `${backupFile}${MANIFEST_SUFFIX}`;
}

export function writeManifest(backupFile: string, head: { seq: number; hash: string }, at: Date): void {
  writeFileSync(
    manifestPathFor(backupFile),
    JSON.stringify({ backup: basename(backupFile), auditHead: head, at: at.toISOString() }, null, 1),
  );
}

export function removeManifest(backupFile: string): void {
  rmSync(manifestPathFor(backupFile), { force: true });
}

/** The heads kept in the data folder's backup manifests (a damaged manifest is skipped). */
export function backupAnchors(dataDir: string): ExternalHead[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const out: ExternalHead[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(MANIFEST_SUFFIX)) continue;
    try {
      const m = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { auditHead?: { seq?: unknown; hash?: unknown } };
      const seq = m.auditHead?.seq;
      const hash = m.auditHead?.hash;
      if (typeof seq === 'number' && seq > 0 && typeof hash === 'string')
        out.push({ seq, hash, source: `备份 ${name.slice(0, -MANIFEST_SUFFIX.length)} 的清单` });
    } catch {
      /* unreadable: not an anchor */
    }
  }
  return out;
}

/** A head printed on a summary table (审计链校验值：第 N 条 HASH), typed as "N:HASH" or as printed. */
export function parsePrintedHead(text: string): ExternalHead | null {
  const m = /(\d+)\D+?([0-9a-f]{64})/i.exec(text.trim());
  return m ? { seq: Number(m[1]), hash: m[2]!.toLowerCase(), source: '汇总表' } : null;
}

// The baseline after a migration, taken without holding the write lock for the whole read: every
// row is digested in a read snapshot (WAL lets the core thread write meanwhile), then, inside a
// short write transaction, the rows any seal written since that snapshot names are digested again
// as they are now. The baseline is therefore exactly the store at its commit, as if read there.
import { writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { currentVersion } from '../db/migrate';
import { walkColumn } from '../db/query';
import { allRowDigests, currentDigest, type SealRow } from './row-seal';
import { baselineVersion, writeBaseline } from './seal-entry';
import { the } from '../db/query';

export interface DigestSnapshot {
  /** the last seal entry the snapshot saw */
  sealSeq: number;
  rows: SealRow[];
}

/** Every live row's digest in one read transaction, with the seal head it is consistent with. */
export function readDigestSnapshot(db: Db, onRow?: (n: number) => void): DigestSnapshot {
  db.exec('BEGIN'); // deferred: the first read fixes the snapshot, and no write lock is taken
  try {
    const sealSeq = the<{ s: number | null }>(db, 'SELECT max(seq) AS s FROM audit_seal').s ?? 0;
    const rows: SealRow[] = [];
    for (const r of allRowDigests(db)) {
      rows.push(r);
      if (onRow && rows.length % 20_000 === 0) onRow(rows.length);
    }
    return { sealSeq, rows };
  } finally {
    db.exec('COMMIT');
  }
}

/**
 * Writes the baseline from a snapshot, brought up to date inside the write transaction. Returns the
 * rows sealed, or null when another connection took the baseline for this schema version meanwhile.
 */
export function writeBaselineFromSnapshot(ctx: Ctx, snap: DigestSnapshot, reason: string): number | null {
  return writeTx(ctx, () => {
    if (baselineVersion(ctx.db) === currentVersion(ctx.db)) return null;
    const changed = new Set<string>();
    for (const json of walkColumn<string>(
      ctx.db,
      'SELECT rows_json FROM audit_seal WHERE seq > ? ORDER BY seq',
      snap.sealSeq,
    )) {
      try {
        for (const [t, k] of (JSON.parse(json) as { rows?: SealRow[] }).rows ?? []) changed.add(`${t}\u0000${k}`);
      } catch {
        /* a seal that does not parse is reported by the walk */
      }
    }
    function* digests(): Generator<SealRow> {
      for (const r of snap.rows) if (!changed.has(`${r[0]}\u0000${r[1]}`)) yield r;
      for (const id of changed) {
        const [t, k] = id.split('\u0000');
        const now = currentDigest(ctx.db, t!, k!);
        if (now[2] !== null) yield now;
      }
    }
    return writeBaseline(ctx, reason, digests());
  });
}

/** Why a baseline is due now, or null when the last one is at this schema version. */
export function baselineReason(db: Db): string | null {
  const version = baselineVersion(db);
  if (version === currentVersion(db)) return null;
  return version === null ? '开始以审计日志证明数据' : '数据库结构升级后重新建立数据基线';
}

// Per-peer exchange state: what each record looked like when last exchanged with that workstation,
// the bundles applied here (by id: the same bundle twice changes nothing) and each sender's last delivery.
import type { SenderDto } from '../../../shared/api/exchange';
import type { Db } from '../db/open';
import { many, one } from '../db/query';

export function baselineOf(db: Db, peerId: string): Map<string, string> {
  const rows = many<{
    record_key: string;
    content_hash: string;
  }>(db, 'SELECT record_key, content_hash FROM exchange_baseline WHERE peer_id = ?', peerId);
  return new Map(rows.map((r) => [r.record_key, r.content_hash]));
}

/** Written only where the hash moved: an unchanged re-exchange leaves the table as it was. */
export function putBaselines(db: Db, peerId: string, entries: Iterable<[string, string]>, at: string): number {
  const known = baselineOf(db, peerId);
  const put = db.prepare(
    `INSERT INTO exchange_baseline (peer_id, record_key, content_hash, exchanged_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (peer_id, record_key) DO UPDATE SET content_hash = excluded.content_hash, exchanged_at = excluded.exchanged_at`,
  );
  let n = 0;
  for (const [key, hash] of entries) {
    if (known.get(key) === hash) continue;
    put.run(peerId, key, hash, at);
    n++;
  }
  return n;
}

export function appliedBundle(db: Db, bundleId: string): { applied_at: string; file_sha256: string } | null {
  return (
    one<{ applied_at: string; file_sha256: string }>(
      db,
      'SELECT applied_at, file_sha256 FROM exchange_bundle WHERE bundle_id = ?',
      bundleId,
    ) ?? null
  );
}

export function listSenders(db: Db): SenderDto[] {
  return many<{
    workstation_id: string;
    label: string;
    unit_label: string;
    last_bundle_id: string;
    last_created_at: string;
    last_imported_at: string;
    bundles: number;
    by_name: string;
  }>(
    db,
    `SELECT s.workstation_id, s.label, s.unit_label, s.last_bundle_id, s.last_created_at, s.last_imported_at, s.bundles,
           COALESCE(o.display_name, s.last_imported_by) AS by_name
         FROM exchange_sender s LEFT JOIN operator o ON o.id = s.last_imported_by ORDER BY s.last_imported_at DESC`,
  ).map((r) => ({
    workstationId: r.workstation_id,
    label: r.label,
    unitLabel: r.unit_label,
    lastBundleId: r.last_bundle_id,
    lastCreatedAt: r.last_created_at,
    lastImportedAt: r.last_imported_at,
    lastImportedBy: r.by_name,
    bundles: r.bundles,
  }));
}

export function recordDelivery(
  db: Db,
  d: {
    senderId: string;
    label: string;
    unitLabel: string;
    bundleId: string;
    createdAt: string;
    direction: string;
    fileName: string;
    sha256: string;
    counts: unknown;
    at: string;
    by: string;
  },
): void {
  db.prepare(
    `INSERT INTO exchange_bundle (bundle_id, sender_id, direction, file_name, file_sha256, counts_json, applied_at, applied_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(d.bundleId, d.senderId, d.direction, d.fileName, d.sha256, JSON.stringify(d.counts), d.at, d.by);
  db.prepare(
    `INSERT INTO exchange_sender (workstation_id, label, unit_label, last_bundle_id, last_created_at, last_imported_at, last_imported_by, bundles)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1)
     ON CONFLICT (workstation_id) DO UPDATE SET label = excluded.label, unit_label = excluded.unit_label,
       last_bundle_id = excluded.last_bundle_id, last_created_at = excluded.last_created_at,
       last_imported_at = excluded.last_imported_at, last_imported_by = excluded.last_imported_by, bundles = bundles + 1`,
  ).run(d.senderId, d.label, d.unitLabel, d.bundleId, d.createdAt, d.at, d.by);
}

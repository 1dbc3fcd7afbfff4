// This workstation's identity: made once per store (a UUIDv7 in app_meta, audited) and carried in
// every bundle it writes, so the office can tell its senders apart even when two share a unit name.
import type { WorkstationDto } from '../../../shared/api/exchange';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { newId } from '../ids';
import { one } from '../db/query';

const KEY_ID = 'workstation.id';
const KEY_LABEL = 'workstation.label';
const KEY_AT = 'workstation.createdAt';

function meta(db: Db, key: string): string | null {
  const row = one<{ value: string }>(db, 'SELECT value FROM app_meta WHERE key = ?', key);
  return row?.value ?? null;
}

function put(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function getWorkstation(db: Db): WorkstationDto | null {
  const id = meta(db, KEY_ID);
  return id ? { id, label: meta(db, KEY_LABEL) ?? '', createdAt: meta(db, KEY_AT) ?? '' } : null;
}

/** The identity, made on first use; a label given renames it (the id never changes). */
export function ensureWorkstation(ctx: Ctx, label?: string): WorkstationDto {
  const existing = getWorkstation(ctx.db);
  if (existing && (label === undefined || label === existing.label)) return existing;
  return writeTx(ctx, () => {
    const before = getWorkstation(ctx.db);
    if (!before) {
      put(ctx.db, KEY_ID, newId(ctx.now().getTime()));
      put(ctx.db, KEY_AT, stamp(ctx));
    }
    put(ctx.db, KEY_LABEL, label ?? before?.label ?? '');
    const after = getWorkstation(ctx.db)!;
    recordAudit(ctx, {
      action: 'exchange.workstation',
      entity: 'app_meta',
      entityId: KEY_ID,
      before: before ?? undefined,
      after,
      reason: before ? '修改工作站名称' : '首次建立工作站标识',
    });
    return after;
  });
}

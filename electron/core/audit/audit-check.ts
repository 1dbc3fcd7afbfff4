// The audit trail's health, in full: the hash walk over every entry (continuing past a break, so
// later tampering is still reported), entries cut off the end (SQLite's AUTOINCREMENT counter, and
// heads kept outside the store: each backup's manifest, the head printed on a summary table), and
// the data itself: every live row of every table must match the last seal the chain holds for it.
// Acknowledgements of known problems live in the chain (never in a table an editor could set).
import type { Db } from '../db/open';
import { GENESIS_HASH, hashEntry, type AuditRow } from './audit-log';
import { allRowDigests, columnsOf, type SealRow } from './row-seal';
import { HEAD_BOUND, hashSeal, type SealEntry } from './seal-entry';
import { one, scalar, the, walk } from '../db/query';

export interface AuditChainStatus {
  ok: boolean;
  count: number;
  head: string;
  /** the first problem's entry (what an acknowledgement names), null when sound */
  brokenSeq: number | null;
  /** the first problem, one sentence */
  problem: string | null;
  /** every problem found (chain breaks, missing tail, data differing), capped */
  problems: string[];
  problemTotal: number;
  /** every problem is acknowledged by an administrator's entry in the chain (writes may continue) */
  acknowledged: boolean;
  checkedAt: string;
  /** 'full': chain, anchors and data; 'chain': the entries only (the quick check on open) */
  scope: 'full' | 'chain';
}

const PROBLEM_CAP = 200;

/** A head kept outside the store (a backup's manifest, a printed summary table). */
export interface ExternalHead {
  seq: number;
  hash: string;
  /** where it was kept, for the message: 备份 X 的清单 / 汇总表 */
  source: string;
}

export interface WalkOptions {
  /** also prove the data against the seals (default true) */
  data?: boolean;
  anchors?: ExternalHead[];
  now?: Date;
  /** called every 20,000 entries with (done, total) */
  onProgress?: (done: number, total: number) => void;
  /** start after this verified entry (the incremental check on open); data is then not proven */
  from?: { seq: number; hash: string };
}

interface SealState {
  hash: string | null;
  fp: string;
  seq: number;
}

function parseSeals(json: string): { rows: SealRow[]; part?: number; head?: number } {
  try {
    const v = JSON.parse(json) as { rows?: unknown; part?: number; head?: number };
    return { rows: Array.isArray(v.rows) ? (v.rows as SealRow[]) : [], part: v.part, head: v.head };
  } catch {
    return { rows: [] };
  }
}

/**
 * The seal chain: each seal's own hash, its link, no gap or cut end, and its tie to the audit entry
 * that was the head when it was written. Builds the last seal of every row (a baseline resets).
 */
function walkSeals(db: Db, seals: Map<string, SealState>, add: (seq: number, text: string) => void): void {
  const auditHash = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
  let prev = GENESIS_HASH;
  let last = 0;
  let lastAudit = 0;
  let headBound = false;
  for (const e of walk<SealEntry>(db, 'SELECT * FROM audit_seal ORDER BY seq')) {
    if (e.seq !== last + 1)
      add(e.audit_seq, `数据封记第 ${last + 1} 条${e.seq - last > 2 ? `至第 ${e.seq - 1} 条` : ''}缺失（被删除）`);
    else if (e.prev_hash !== prev) add(e.audit_seq, `数据封记第 ${e.seq} 条与前一条的链接不符`);
    const { seq: _s, hash, ...rest } = e;
    prev = hash;
    last = e.seq;
    if (hashSeal(rest) !== hash) {
      add(e.audit_seq, `数据封记第 ${e.seq} 条的内容被修改`);
      continue;
    }
    if (e.audit_seq < lastAudit || (e.audit_seq > 0 && auditHash.get(e.audit_seq) !== e.audit_hash)) {
      add(e.audit_seq, `数据封记第 ${e.seq} 条与第 ${e.audit_seq} 条审计记录不符（审计日志被改写）`);
      continue;
    }
    lastAudit = e.audit_seq;
    const body = parseSeals(e.rows_json);
    if (body.head === HEAD_BOUND) headBound = true;
    if (e.kind === 'baseline' && body.part === 1) seals.clear();
    for (const [t, k, h, fp] of body.rows) seals.set(`${t}\u0000${k}`, { hash: h, fp, seq: e.audit_seq });
  }
  const highest = one<{ seq: number }>(db, "SELECT seq FROM sqlite_sequence WHERE name = 'audit_seal'")?.seq ?? 0;
  if (highest > last)
    add(lastAudit + 1, `数据封记第 ${last + 1} 条${highest > last + 1 ? `至第 ${highest} 条` : ''}缺失（末尾被删除）`);
  // Since this version, every transaction that appends entries ends with a seal bound to the head:
  // entries after the last seal's head were appended outside the app (their hashes chain correctly).
  const logHead = the<{ s: number | null }>(db, 'SELECT max(seq) AS s FROM audit_log').s ?? 0;
  if (headBound && logHead > lastAudit)
    add(
      lastAudit + 1,
      `第 ${lastAudit + 1} 条${logHead > lastAudit + 1 ? `至第 ${logHead} 条` : ''}审计记录没有数据封记（在程序之外追加）`,
    );
}

function ackedProblems(json: string | null): string[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as { problems?: unknown; problem?: unknown };
    if (Array.isArray(v.problems)) return v.problems.filter((p): p is string => typeof p === 'string');
    return typeof v.problem === 'string' ? [v.problem] : [];
  } catch {
    return [];
  }
}

function supersededOf(json: string | null): string[] {
  try {
    const v = JSON.parse(json ?? '{}') as { supersededHeads?: { seq: number; hash: string }[] };
    return (v.supersededHeads ?? []).map((h) => `${h.seq}:${h.hash}`);
  } catch {
    return [];
  }
}

function shownKey(key: string): string {
  try {
    const v = JSON.parse(key) as unknown[];
    return v.map(String).join('，');
  } catch {
    return key;
  }
}

/**
 * Walks the whole chain (and, by default, the data). Every entry's own hash and its link to the
 * one before are checked; after a break the walk resynchronises on the entry as stored and goes on.
 */
export function checkAuditChain(db: Db, now: Date = new Date(), options: WalkOptions = {}): AuditChainStatus {
  const wantData = options.from ? false : (options.data ?? true);
  const problems: { seq: number; text: string }[] = [];
  let total = 0;
  const add = (seq: number, text: string) => {
    total++;
    if (problems.length < PROBLEM_CAP) problems.push({ seq, text });
  };
  const seals = new Map<string, SealState>();
  const acked = new Set<string>();
  const superseded = new Set<string>();
  const hashAt = new Map<number, string>();
  const anchorSeqs = new Set((options.anchors ?? []).map((a) => a.seq));
  // Only the walk with progress needs the total: count(*) reads the whole log, which the window's
  // start (from a checkpoint, cold cache) must not.
  const entries = options.onProgress ? the<{ n: number }>(db, 'SELECT count(*) AS n FROM audit_log').n : 0;
  let prev = options.from?.hash ?? GENESIS_HASH;
  let lastSeq = options.from?.seq ?? 0;
  let count = lastSeq;
  for (const row of walk<AuditRow>(db, 'SELECT * FROM audit_log WHERE seq > ? ORDER BY seq', lastSeq)) {
    count++;
    if (options.onProgress && count % 20_000 === 0) options.onProgress(count, entries);
    if (row.seq !== lastSeq + 1)
      add(
        lastSeq + 1,
        row.seq - lastSeq > 2
          ? `第 ${lastSeq + 1} 条至第 ${row.seq - 1} 条审计记录缺失（被删除）`
          : `第 ${lastSeq + 1} 条审计记录缺失（被删除）`,
      );
    else if (row.prev_hash !== prev) add(row.seq, `第 ${row.seq} 条审计记录与前一条的链接不符（前一条被修改或删除）`);
    const { hash, seq: _seq, ...rest } = row;
    const sound = hashEntry(rest) === hash;
    if (!sound) add(row.seq, `第 ${row.seq} 条审计记录的内容被修改`);
    if (anchorSeqs.has(row.seq)) hashAt.set(row.seq, hash);
    if (sound) {
      if (row.action === 'audit.acknowledgeBreak') for (const p of ackedProblems(row.after_json)) acked.add(p);
      else if (row.action === 'backup.restore') for (const h of supersededOf(row.after_json)) superseded.add(h);
    }
    prev = hash;
    lastSeq = row.seq;
  }
  // Cut off the end: the counter remembers the highest entry ever written…
  const highest = one<{ seq: number }>(db, "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")?.seq ?? 0;
  if (highest > lastSeq)
    add(
      lastSeq + 1,
      `第 ${lastSeq + 1} 条${highest > lastSeq + 1 ? `至第 ${highest} 条` : ''}审计记录缺失（末尾被删除）`,
    );
  // …and heads kept outside the store must still be in the chain, unchanged.
  for (const a of options.anchors ?? []) {
    if (options.from && a.seq <= options.from.seq) {
      // Before the checkpoint: one point lookup instead of the walk.
      const h = scalar<string>(db, 'SELECT hash FROM audit_log WHERE seq = ?', a.seq);
      if (h !== undefined) hashAt.set(a.seq, h);
    }
    // A restore of an older backup records the later heads it leaves behind.
    if (superseded.has(`${a.seq}:${a.hash}`)) continue;
    const have = hashAt.get(a.seq);
    if (have === undefined)
      add(
        a.seq,
        `${a.source}记录的第 ${a.seq} 条审计记录已不在日志中（日志末尾被截断${a.seq > highest ? '，计数器也被改动' : ''}）`,
      );
    else if (have !== a.hash) add(a.seq, `第 ${a.seq} 条审计记录与${a.source}记录的校验值不符（日志被改写）`);
  }
  if (wantData) {
    walkSeals(db, seals, add);
    proveData(db, seals, add);
  }
  const list = problems.map((p) => p.text);
  const first = problems[0] ?? null;
  return {
    ok: total === 0,
    count,
    head: prev,
    brokenSeq: first?.seq ?? null,
    problem: first?.text ?? null,
    problems: list,
    problemTotal: total,
    acknowledged: total > 0 && total === problems.length && list.every((p) => acked.has(p)),
    checkedAt: (options.now ?? now).toISOString(),
    scope: wantData ? 'full' : 'chain',
  };
}

/** Every live row against the last seal the chain holds for it. */
function proveData(db: Db, seals: Map<string, SealState>, add: (seq: number, text: string) => void): void {
  const seen = new Set<string>();
  const headSeq = the<{ s: number | null }>(db, 'SELECT max(seq) AS s FROM audit_log').s ?? 0;
  const columns = new Map<string, string[]>();
  for (const [table, key, hash, fp] of allRowDigests(db)) {
    const id = `${table}\u0000${key}`;
    seen.add(id);
    const s = seals.get(id);
    if (!s || s.hash === null) {
      add(headSeq + 1, `${table} 表的记录 ${shownKey(key)} 在程序之外被插入（审计日志中没有这条记录）`);
      continue;
    }
    if (s.hash === hash) continue;
    let cols = columns.get(table);
    if (!cols) columns.set(table, (cols = columnsOf(db, table)));
    const differ = cols.filter((_c, i) => fp.slice(i * 2, i * 2 + 2) !== s.fp.slice(i * 2, i * 2 + 2));
    add(
      s.seq,
      `${table} 表的记录 ${shownKey(key)} 在程序之外被修改（${differ.length ? `${differ.join('、')} 列` : '内容'}与第 ${s.seq} 条审计记录不符）`,
    );
  }
  for (const [id, s] of seals) {
    if (s.hash === null || seen.has(id)) continue;
    const [table, key] = id.split('\u0000');
    add(s.seq, `${table} 表的记录 ${shownKey(key!)} 在程序之外被删除（第 ${s.seq} 条审计记录中仍存在）`);
  }
}

/** One sentence for the red banner, or null when the chain is sound. */
export function auditWarning(status: AuditChainStatus): string | null {
  if (status.ok) return null;
  const more = status.problemTotal > 1 ? `（共 ${status.problemTotal} 处问题）` : '';
  return `审计日志被改动：${status.problem}${more}。${status.acknowledged ? '系统管理员已确认此问题。' : '数据修改已暂停，请系统管理员从备份恢复或确认。'}`;
}

/** Entries between checkpoints: a new one is recorded only after this many more verified entries. */
export const CHECKPOINT_EVERY = 1000;

/**
 * The last checkpoint a full walk recorded in the chain (the verified entry and its hash), if it is
 * itself sound and still names an entry as stored; otherwise null (the check starts from the first
 * entry). Moving a checkpoint therefore needs an entry in the chain.
 */
export function lastCheckpoint(db: Db): { seq: number; hash: string } | null {
  const row = one<AuditRow>(db, "SELECT * FROM audit_log WHERE action = 'audit.checkpoint' ORDER BY seq DESC LIMIT 1");
  if (!row) return null;
  const { hash, seq: _seq, ...rest } = row;
  if (hashEntry(rest) !== hash) return null;
  try {
    const cp = JSON.parse(row.after_json ?? '{}') as { seq?: unknown; hash?: unknown };
    if (typeof cp.seq !== 'number' || typeof cp.hash !== 'string' || cp.seq >= row.seq) return null;
    const stored = scalar<string>(db, 'SELECT hash FROM audit_log WHERE seq = ?', cp.seq);
    return stored === cp.hash ? { seq: cp.seq, hash: cp.hash } : null;
  } catch {
    return null;
  }
}

/**
 * Where the window's start begins its check: the last checkpoint, or, on a store that has none yet
 * (the first start after an upgrade, or a chain whose break keeps a full walk from recording one),
 * the last CHECKPOINT_EVERY entries — either way bounded, and the full walk follows in the background.
 */
export function startupFrom(db: Db): { seq: number; hash: string } | undefined {
  const cp = lastCheckpoint(db);
  if (cp) return cp;
  const head = the<{ s: number | null }>(db, 'SELECT max(seq) AS s FROM audit_log').s ?? 0;
  if (head <= CHECKPOINT_EVERY) return undefined;
  const row = one<{ seq: number; hash: string }>(
    db,
    'SELECT seq, hash FROM audit_log WHERE seq <= ? ORDER BY seq DESC LIMIT 1',
    head - CHECKPOINT_EVERY,
  );
  return row;
}

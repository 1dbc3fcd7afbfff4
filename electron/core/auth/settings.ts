// The trust settings an office may change (stored in app_meta): lockout, idle lock, backup rotation.
// Read on use, so a change applies at once; defaults follow 等保 level 2 practice.
import { z } from 'zod';
import type { Db } from '../db/open';
import { one } from '../db/query';

export const trustSettings = z.object({
  /** failed log-ins before an account locks */
  maxFailedLogins: z.number().int().min(3).max(20),
  /** how long a locked account stays locked */
  lockoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** idle time before the window locks (0 = never; not recommended) */
  idleLockMinutes: z.number().int().min(0).max(240),
  /** how many automatic backups to keep in the data folder */
  backupKeep: z.number().int().min(3).max(365),
});
export type TrustSettings = z.infer<typeof trustSettings>;

export const DEFAULT_TRUST_SETTINGS: TrustSettings = {
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  idleLockMinutes: 15,
  backupKeep: 30,
};

const KEY = 'trust.settings';

export function readTrustSettings(db: Db): TrustSettings {
  const row = one<{ value: string }>(db, 'SELECT value FROM app_meta WHERE key = ?', KEY);
  if (!row) return DEFAULT_TRUST_SETTINGS;
  try {
    const parsed = trustSettings.partial().safeParse(JSON.parse(row.value));
    return parsed.success ? { ...DEFAULT_TRUST_SETTINGS, ...parsed.data } : DEFAULT_TRUST_SETTINGS;
  } catch {
    return DEFAULT_TRUST_SETTINGS;
  }
}

/** Call inside a writeTx with its audit row. */
export function writeTrustSettings(db: Db, next: TrustSettings): void {
  db.prepare(
    'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(trustSettings.parse(next)));
}

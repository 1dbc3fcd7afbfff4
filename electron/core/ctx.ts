// The shape every core service receives (the store, who is acting, the clock) and its time stamp.
// The bottom of the core: the audit log imports it, and context.ts (identities, writeTx, which
// seals through the audit log) re-exports it, so the audit log never imports context.ts back.
import type { Role } from '../../shared/domain/types';
import type { Db } from './db/db-type';

export interface Operator {
  id: string;
  username: string;
  displayName: string;
  /** 'system' is the command-line tool and the demo generator acting on the operator's machine */
  role: Role | 'system';
  /** departments a rater (or a restricted clerk) may touch; empty = no restriction for clerks */
  unitScope: string[];
}

export interface Ctx {
  db: Db;
  operator: Operator;
  dataDir: string;
  now: () => Date;
}

export function stamp(ctx: Ctx): string {
  return ctx.now().toISOString();
}

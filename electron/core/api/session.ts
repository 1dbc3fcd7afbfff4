// One signed-in window's state, kept by the core (never by the renderer). Its own module so the
// handlers and hosts can name it without importing the dispatcher (which imports every handler).
import type { Operator } from '../context';

/** One signed-in window (or e2e browser). Main keeps it; the renderer never holds credentials. */
export interface Session {
  operator: Operator | null;
  lastActivityMs: number;
  /** paths the operator chose in a native dialog during this session */
  grantedPaths?: Set<string>;
  /** idle-locked (or locked by the operator): every non-public call waits for the password */
  locked?: boolean;
  /** first log-in or after a reset: only the password change is allowed */
  mustChangePassword?: boolean;
  /** when a denied call of each method was last audited (throttles a flooding page) */
  deniedAuditAt?: Map<string, number>;
}

export function newSession(): Session {
  return { operator: null, lastActivityMs: Date.now() };
}

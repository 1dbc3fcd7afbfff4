// Errors cross the process boundary as values: Electron keeps only the message of a thrown error.
// Messages are for people (Chinese) and say what to do; `code` is for programs and tests.

export type ErrorCode =
  | 'INVALID_INPUT' // the input failed its schema; details.issues name the fields
  | 'NOT_FOUND'
  | 'CONFLICT' // a uniqueness rule or a concurrent change
  | 'FORBIDDEN' // the operator's role lacks the permission, or the record is outside their scope
  | 'UNAUTHENTICATED'
  | 'LOCKED' // the year stage or the account forbids the change
  | 'QUOTA' // a quota or cap would be exceeded without an approval
  | 'RULE' // the eligibility rules do not allow this result for this person (shared/rules/guard.ts)
  | 'IMPORT_REJECTED' // a spreadsheet failed its checks; details list the bad cells
  | 'FILE_REFUSED' // an outside file is not a safe xlsx (bomb, wrong kind, too large)
  | 'CANCELLED'
  | 'STORE' // the store cannot be used (integrity, durability, network path)
  | 'INTERNAL';

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown inside core services; the dispatcher turns it into a Result. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

// The command line's exit codes: one per kind of error, stable so scripts can branch on them.
// docs/cli.md lists the same table; test/core/cli-contract.test.ts checks every ErrorCode has one.
import type { ErrorCode } from '../../shared/result';

export const EXIT_OK = 0;
/** a check that found a problem (verify-audit on a broken chain), or an internal error */
export const EXIT_FAILED = 1;
/** unknown command or flag, missing value, window-only method */
export const EXIT_USAGE = 2;

export const EXIT_CODE: Record<ErrorCode, number> = {
  INTERNAL: 1,
  INVALID_INPUT: 3,
  NOT_FOUND: 4,
  CONFLICT: 5,
  FORBIDDEN: 6,
  UNAUTHENTICATED: 7,
  LOCKED: 8,
  QUOTA: 9,
  IMPORT_REJECTED: 10,
  FILE_REFUSED: 11,
  CANCELLED: 12,
  STORE: 13,
  RULE: 14,
};

export function exitCodeOf(code: string): number {
  return (EXIT_CODE as Record<string, number>)[code] ?? EXIT_FAILED;
}

// The store's own triggers refuse writes to a finalised year with a Chinese sentence. Services check
// the lock first; if one ever misses it, the trigger's refusal still reaches the clerk as LOCKED with
// that sentence, not as an internal error.
import { AppError } from '../../../shared/result';

const FINAL_YEAR_PREFIX = '该年度考核已定档';

export function appErrorFromTrigger(e: unknown): AppError | null {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (!err || typeof err.message !== 'string' || typeof err.code !== 'string') return null;
  if (!err.code.startsWith('SQLITE_CONSTRAINT') || !err.message.startsWith(FINAL_YEAR_PREFIX)) return null;
  return new AppError('LOCKED', err.message);
}

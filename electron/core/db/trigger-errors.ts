// The store's own triggers refuse writes to a finalised year with a Chinese sentence. Services check
// the lock first; if one ever misses it, the trigger's refusal still reaches the clerk as LOCKED with
// that sentence, not as an internal error.
import { AppError } from '../../../shared/result';

const FINAL_YEAR_PREFIX = '该年度考核已定档';
/** 0012-person-identity.sql: a second person with a 身份证号 already on the roster. */
const ID_CARD_PREFIX = '身份证号已被名册中的其他人员使用';

export function appErrorFromTrigger(e: unknown): AppError | null {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (!err || typeof err.message !== 'string' || typeof err.code !== 'string') return null;
  if (!err.code.startsWith('SQLITE_CONSTRAINT')) return null;
  if (err.message.startsWith(ID_CARD_PREFIX))
    return new AppError('CONFLICT', err.message, { issues: [{ field: 'idCard', message: err.message }] });
  if (!err.message.startsWith(FINAL_YEAR_PREFIX)) return null;
  return new AppError('LOCKED', err.message);
}

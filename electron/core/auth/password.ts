// Password hashing (scrypt, N=2^17, r=8, p=1 as 等保 guidance and OWASP ask) and the password rules.
// Async scrypt so a log-in (~0.3 s of CPU) never blocks the main process's event loop.
import { isCommonPassword } from './common-passwords';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../../../shared/result';

const KEY_LENGTH = 32;

/**
 * Defined only by vitest.config.mts (Vite's `define`), so the suite does not spend two minutes hashing.
 * No build defines it: electron-vite and tsx leave the identifier undeclared and the full cost applies.
 */
declare const __DA_TEST_SCRYPT_LOGN__: number | undefined;
const LOG_N = typeof __DA_TEST_SCRYPT_LOGN__ === 'number' ? __DA_TEST_SCRYPT_LOGN__ : 17;

export const SCRYPT_PARAMS = { logN: LOG_N, r: 8, p: 1 } as const;
/** scrypt needs 128·N·r bytes (128 MiB here); Node's default ceiling is 32 MiB. */
const MAXMEM = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: MAXMEM };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

/** Stored as `scrypt$logN$r$p$salt$hash` (base64), so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { logN, r, p } = SCRYPT_PARAMS;
  const key = await derive(password, salt, logN, r, p);
  return ['scrypt', logN, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    // Still spend the time, so an unknown or malformed account answers as slowly as a real one.
    await derive(password, Buffer.alloc(16), SCRYPT_PARAMS.logN, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p);
    return false;
  }
  const [, logN, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const n = Number(logN);
  if (!(n >= 10 && n <= 20) || expected.length !== KEY_LENGTH) return false;
  const key = await derive(password, Buffer.from(salt, 'base64'), n, Number(r), Number(p));
  return timingSafeEqual(key, expected);
}

/** A hash nobody's password matches, verified against when the username is unknown (same timing). */
export const DUMMY_HASH = `scrypt$${LOG_N}$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;

/** 等保: at least 8 characters and at least three of: lower case, upper case, digits, symbols. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 8) return '密码至少 8 位。';
  if (password.length > 128) return '密码最多 128 位。';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码须包含小写字母、大写字母、数字、符号中的至少三类。';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名。';
  if (isCommonPassword(password)) return '密码过于常见（如 Password1、P@ssw0rd、Admin@123），容易被猜中，请换一个。';
  return null;
}

export function assertPasswordRules(password: string, username?: string, field = '密码'): void {
  const problem = passwordProblem(password, username);
  if (problem)
    throw new AppError('INVALID_INPUT', `${field}不符合要求：${problem}`, { issues: [{ field, message: problem }] });
}

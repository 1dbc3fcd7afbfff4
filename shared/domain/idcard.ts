// 身份证号 (GB 11643-1999): 18 characters, the last a check digit over the first 17 (ISO 7064 MOD 11-2).
// Pure: validates, normalises (full-width digits, lower-case x) and masks for display.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Full-width digits and Ｘ/x become ASCII; spaces are dropped (spreadsheets carry all of these). */
export function normalizeIdCard(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF38\uFF58x]/g, 'X')
    .replace(/\s+/g, '');
}

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdCardCheck = { ok: true; value: string } | { ok: false; message: string };

/** Checks shape, birth date and check digit; the message names the field (身份证号) and what to do. */
export function checkIdCard(raw: string): IdCardCheck {
  const v = normalizeIdCard(raw);
  if (!/^\d{17}[\dX]$/.test(v))
    return { ok: false, message: '身份证号应为 18 位（前 17 位为数字，最后一位为数字或 X），请核对' };
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const dim = m >= 1 && m <= 12 ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 0;
  if (y < 1800 || y > 2100 || d < 1 || d > dim)
    return { ok: false, message: `身份证号中的出生日期 ${v.slice(6, 14)} 无效，请核对` };
  const expected = idCardCheckChar(v.slice(0, 17));
  if (v[17] !== expected)
    return { ok: false, message: '身份证号校验位不正确（最后一位应为 ' + expected + '），请核对是否录错' };
  return { ok: true, value: v };
}

export function isValidIdCard(raw: string): boolean {
  return checkIdCard(raw).ok;
}

/** 110101********1234 style: region kept, birth date hidden, last four kept. */
export function maskIdCard(v: string | null | undefined): string | null {
  if (!v) return null;
  if (v.length < 10) return '*'.repeat(v.length);
  return v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4);
}

/** The sex the number records: its 17th digit is odd for a man, even for a woman (GB 11643). */
export function idCardGender(v: string): '男' | '女' {
  return Number(v[16]) % 2 === 1 ? '男' : '女';
}

/** The birth month the number records, as YYYY-MM (出生年月 is kept to the month). */
export function idCardBirthMonth(v: string): string {
  return `${v.slice(6, 10)}-${v.slice(10, 12)}`;
}

/**
 * A checked number against the 性别 and 出生年月 given beside it: each disagreement as a field
 * problem in Chinese (what the number says, what was entered), empty when they agree or are blank.
 */
export function idCardMismatches(
  v: string,
  given: { gender?: string | null; birthMonth?: string | null },
): { field: 'gender' | 'birthMonth'; message: string }[] {
  const out: { field: 'gender' | 'birthMonth'; message: string }[] = [];
  const sex = idCardGender(v);
  if (given.gender && given.gender !== sex)
    out.push({
      field: 'gender',
      message: `性别“${given.gender}”与身份证号不符（身份证号第 17 位表示${sex}性），请核对性别或身份证号`,
    });
  const birth = idCardBirthMonth(v);
  if (given.birthMonth && given.birthMonth !== birth)
    out.push({
      field: 'birthMonth',
      message: `出生年月“${given.birthMonth}”与身份证号中的出生日期（${birth}）不符，请核对`,
    });
  return out;
}

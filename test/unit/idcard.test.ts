// GB 11643 check digit, normalisation and masking of 身份证号.
import { describe, expect, it } from 'vitest';
import { checkIdCard, idCardCheckChar, isValidIdCard, maskIdCard, normalizeIdCard } from '../../shared/domain/idcard';

describe('身份证号 (GB 11643)', () => {
  it('accepts numbers whose check digit matches (published sample numbers)', () => {
    expect(isValidIdCard('11010519491231002X')).toBe(true); // the standard's own example
    expect(isValidIdCard('440524188001010014')).toBe(true);
    expect(idCardCheckChar('11010519491231002')).toBe('X');
  });

  it('accepts a lower-case x, full-width digits and spaces, normalising them', () => {
    expect(checkIdCard('11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(normalizeIdCard('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(checkIdCard(' 110105 19491231 002X ')).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('rejects a wrong check digit and says which it should be', () => {
    const r = checkIdCard('110105194912310021');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/校验位不正确.*X/);
    expect(isValidIdCard('440524188001010015')).toBe(false);
  });

  it('rejects wrong length, letters in the body and impossible birth dates', () => {
    expect(isValidIdCard('11010519491231002')).toBe(false);
    expect(isValidIdCard('1101051949123100X2')).toBe(false);
    expect(isValidIdCard('110105194913310020')).toBe(false); // month 13
    const feb30 = '11010520000230' + '001';
    const r = checkIdCard(feb30 + idCardCheckChar(feb30));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/出生日期/);
  });

  it('masks the birth date and keeps region and last four', () => {
    expect(maskIdCard('11010519491231002X')).toBe('110105********002X');
    expect(maskIdCard(null)).toBeNull();
    expect(maskIdCard('')).toBeNull();
  });
});

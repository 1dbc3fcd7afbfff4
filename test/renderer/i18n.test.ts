// The UI catalogue: every label in both languages, the same placeholders in each, and the stored
// codes' English names for every code. A label added to one language only fails here.
import { describe, expect, it } from 'vitest';
import { zh } from '../../renderer/src/i18n/zh';
import { en } from '../../renderer/src/i18n/en';
import { CATALOGUES, LANGS, placeholders, translate } from '../../renderer/src/i18n/format';
import { DOMAIN_LABELS } from '../../renderer/src/i18n/domain';

describe('UI catalogue', () => {
  it('every language has exactly the same labels, none empty', () => {
    const keys = Object.keys(zh).sort();
    for (const lang of LANGS) {
      const cat = CATALOGUES[lang] as Record<string, string>;
      expect(Object.keys(cat).sort(), lang).toEqual(keys);
      const empty = keys.filter((k) => !cat[k]?.trim());
      expect(empty, `${lang}: empty labels`).toEqual([]);
    }
  });

  it('each label asks for the same placeholders in every language', () => {
    const mismatched = Object.keys(zh).filter(
      (k) => placeholders(zh[k as keyof typeof zh]).join() !== placeholders(en[k as keyof typeof en]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('English labels carry no Chinese except where the clerk types Chinese', () => {
    // Ratings are typed as 好/较好… in either language, and the switch names each language in itself.
    const allowed = new Set([
      'lang.zh',
      'grid.notRating',
      'grid.pasteRefused',
      'grid.help',
      'evf.docPlaceholder', // a document number is written in Chinese
      'decide.approvalPlaceholder',
      'calimp.help', // the holiday file's type column is written 放假 / 上班
    ]);
    const chinese = Object.entries(en).filter(([k, v]) => /\p{Script=Han}/u.test(v) && !allowed.has(k));
    expect(chinese).toEqual([]);
  });

  it('placeholders are filled; an unknown one is left visible', () => {
    expect(translate('zh', 'grid.copied', { rows: 3, cols: 2 })).toBe('已复制 3 行 × 2 列，可粘贴到 Excel');
    expect(translate('en', 'grid.copied', { rows: 3, cols: 2 })).toBe(
      'Copied 3 rows × 2 columns; paste them into Excel',
    );
    expect(translate('en', 'year.option', { year: 2026 })).toBe('2026 · {unit}');
  });

  it('every stored code has a name in every language', () => {
    for (const map of ['rating', 'stage', 'role', 'evidenceKind', 'category'] as const) {
      const codes = Object.keys(DOMAIN_LABELS.zh[map]).sort();
      expect(Object.keys(DOMAIN_LABELS.en[map]).sort(), map).toEqual(codes);
    }
  });
});

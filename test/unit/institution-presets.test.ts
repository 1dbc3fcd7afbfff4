// The 事业 sanction presets: a year names one, its rows are in the eligibility table, naming the other
// swaps them; a settings object kept before presets existed reads as the preset its rows are.
import { describe, expect, it } from 'vitest';
import { defaultYearSettings, yearSettings } from '../../shared/settings/year-settings';
import { INSTITUTION_PRESET_INFO } from '../../shared/settings/institution-presets';

const instIds = (rules: { id: string; population: string; kind: string }[]) =>
  rules.filter((r) => r.population === 'institution' && r.kind === 'sanction').map((r) => r.id);

describe('institution sanction presets', () => {
  it('a new year takes the 2023 处分规定', () => {
    const s = defaultYearSettings();
    expect(s.institutionSanctionPreset).toBe('2023');
    expect(instIds(s.eligibilityRules)).toEqual(['inst-2023-jiguo', 'inst-2023-demote']);
  });

  it('naming the 2012 preset swaps the rows in place, and back again', () => {
    const base = defaultYearSettings();
    const at = base.eligibilityRules.findIndex((r) => r.id === 'inst-2023-jiguo');
    const s2012 = yearSettings.parse({ ...base, institutionSanctionPreset: '2012' });
    expect(instIds(s2012.eligibilityRules)).toEqual(['inst-jiguo', 'inst-demote']);
    expect(s2012.eligibilityRules[at]!.id).toBe('inst-jiguo');
    expect(s2012.eligibilityRules).toHaveLength(base.eligibilityRules.length);
    const back = yearSettings.parse({ ...s2012, institutionSanctionPreset: '2023' });
    expect(back).toEqual(base);
  });

  it('keeps the office’s edit of a row of the chosen preset', () => {
    const base = defaultYearSettings();
    const edited = {
      ...base,
      eligibilityRules: base.eligibilityRules.map((r) => (r.id === 'inst-2023-jiguo' ? { ...r, enabled: false } : r)),
    };
    const again = yearSettings.parse(edited);
    expect(again.eligibilityRules.find((r) => r.id === 'inst-2023-jiguo')?.enabled).toBe(false);
  });

  it('a kept settings object without the field reads as the preset its rows are, rows untouched', () => {
    const kept = yearSettings.parse({ institutionSanctionPreset: '2012' }) as Record<string, unknown>;
    delete kept.institutionSanctionPreset;
    const read = yearSettings.parse(kept);
    expect(read.institutionSanctionPreset).toBe('2012');
    expect(read.eligibilityRules).toEqual(kept.eligibilityRules);
  });

  it('refuses a preset that does not exist, naming the field', () => {
    const r = yearSettings.safeParse({ institutionSanctionPreset: '2020' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]!.path).toEqual(['institutionSanctionPreset']);
  });

  it('every preset row says what it does in words and cites its text', () => {
    for (const info of Object.values(INSTITUTION_PRESET_INFO)) {
      expect(info.title).toMatch(/《事业单位工作人员处分(暂行)?规定》/);
      for (const r of info.rows) expect(r.label).toMatch(/事业单位.*(不得|只写评语)/);
    }
  });
});

describe('the trace names the text a 事业 row comes from', () => {
  it('2012 and 2023 rows carry their regulation in the trace line', async () => {
    const { evaluatePerson } = await import('../../shared/rules');
    const { ev, input } = await import('../support/yearend-fixtures');
    for (const [preset, title] of [
      ['2012', '《事业单位工作人员处分暂行规定》（2012年）'],
      ['2023', '《事业单位工作人员处分规定》（2023年）'],
    ] as const) {
      const r = evaluatePerson(
        input({ category: 'institution', evidence: [ev('sanction', '记过', '2026-03-01')] }),
        2026,
        '2027-03-15',
        yearSettings.parse({ institutionSanctionPreset: preset }),
      );
      expect(r.traceText).toContain(`${r.eligibility.winning?.label}〔${title}〕`);
    }
  });
});

// The two readings of the 事业单位 sanction rows an office chooses between per year. The rows are
// materialised into the year's eligibility table (so the engine, the trace and the grade guard read
// them like any other row); the setting names which set the table holds, and switching it swaps them.
import type { EligibilityRule } from './eligibility-rule';

export const INSTITUTION_SANCTION_PRESETS = ['2012', '2023'] as const;
export type InstitutionSanctionPreset = (typeof INSTITUTION_SANCTION_PRESETS)[number];

/** New years take the rules in force: the 2023 规定 replaced the 2012 暂行规定 when it was issued. */
export const DEFAULT_INSTITUTION_PRESET: InstitutionSanctionPreset = '2023';

const inst = (
  id: string,
  label: string,
  subKinds: string[],
  when: EligibilityRule['when'],
  effect: EligibilityRule['effect'],
  offsets: number[] = [],
): EligibilityRule => ({
  id,
  label,
  enabled: true,
  population: 'institution',
  kind: 'sanction',
  subKinds,
  when,
  offsets,
  effect,
});

export interface InstitutionPresetInfo {
  title: string;
  /** the rows this preset puts into the eligibility table */
  rows: EligibilityRule[];
  /** what the preset leaves to the rows every year carries (shown beside the rows, so the set reads whole) */
  shared: string[];
}

export const INSTITUTION_PRESET_INFO: Record<InstitutionSanctionPreset, InstitutionPresetInfo> = {
  '2012': {
    title: '《事业单位工作人员处分暂行规定》（2012年）',
    // ids kept from the table shipped before presets existed: a stored year reads as this preset
    rows: [
      inst('inst-jiguo', '事业单位受记过处分期间，不得确定为合格及以上', ['记过'], 'in_force', 'max_basic'),
      inst(
        'inst-demote',
        '事业单位受降低岗位等级或撤职处分期间，不得确定为基本合格及以上',
        ['降低岗位等级', '撤职'],
        'in_force',
        'max_incompetent',
      ),
    ],
    shared: ['受警告处分的当年不得确定为优秀（通用规则“当年受警告处分，不得确定为优秀”）'],
  },
  '2023': {
    title: '《事业单位工作人员处分规定》（2023年）',
    rows: [
      inst(
        'inst-2023-jiguo',
        '事业单位受记过处分的当年，只写评语不定等次（2023年处分规定）',
        ['记过'],
        'imposed_offsets',
        'comments_only',
        [0],
      ),
      inst(
        'inst-2023-demote',
        '事业单位受降低岗位等级处分的当年及第二年，只写评语不定等次（2023年处分规定；撤职按降低岗位等级）',
        ['降低岗位等级', '撤职'],
        'imposed_offsets',
        'comments_only',
        [0, 1],
      ),
    ],
    shared: ['受警告处分的当年不得确定为优秀（通用规则“当年受警告处分，不得确定为优秀”）'],
  },
};

const PRESET_ROW_IDS = new Map<string, InstitutionSanctionPreset>(
  INSTITUTION_SANCTION_PRESETS.flatMap((p) => INSTITUTION_PRESET_INFO[p].rows.map((r) => [r.id, p] as const)),
);

/** The title of the text a preset row comes from (for the trace), or '' for any other row. */
export function presetTitleOfRule(ruleId: string): string {
  const p = PRESET_ROW_IDS.get(ruleId);
  return p ? INSTITUTION_PRESET_INFO[p].title : '';
}

/** Which preset a table's rows are; a table with none of the 2023 rows is the 2012 one (as shipped before). */
export function presetOfRules(rules: readonly { id?: unknown }[]): InstitutionSanctionPreset {
  return rules.some((r) => typeof r.id === 'string' && PRESET_ROW_IDS.get(r.id) === '2023') ? '2023' : '2012';
}

/**
 * The table with the preset's rows in place of the other preset's: kept rows (and the office's edits
 * to them, such as switching one off) stay as they are; the new rows go where the old ones were.
 */
export function withInstitutionPreset<R extends { id?: unknown }>(
  rules: readonly R[],
  preset: InstitutionSanctionPreset,
): (R | EligibilityRule)[] {
  const out: (R | EligibilityRule)[] = [];
  const present = new Set(rules.map((r) => r.id));
  const missing = INSTITUTION_PRESET_INFO[preset].rows.filter((r) => !present.has(r.id));
  let placed = false;
  for (const r of rules) {
    const owner = typeof r.id === 'string' ? PRESET_ROW_IDS.get(r.id) : undefined;
    if (owner && owner !== preset) {
      if (!placed) out.push(...missing);
      placed = true;
      continue;
    }
    out.push(r);
  }
  if (!placed) out.push(...missing);
  return out;
}

// Which assessment year (stage, settings) applies to a person's record on a given date: the year
// of the person's agency (the unit tree's agency above their department). Built once per operation
// from the small unit and year tables, so a batch of 50,000 rows does not query per row.
import { yearSettings, defaultYearSettings, type YearSettings } from '../../../shared/settings/year-settings';
import type { YearStage } from '../../../shared/domain/types';
import type { Db } from '../db/open';
import { many } from '../db/query';

export interface YearInfo {
  id: string;
  agencyId: string;
  year: number;
  stage: YearStage;
  settings: YearSettings;
}

export class YearIndex {
  private readonly parent = new Map<string, { parentId: string | null; kind: string; name: string }>();
  private readonly years = new Map<string, YearInfo>();
  private readonly defaults = defaultYearSettings();

  constructor(db: Db) {
    for (const u of many<{
      id: string;
      parent_id: string | null;
      kind: string;
      name: string;
    }>(db, 'SELECT id, parent_id, kind, name FROM unit')) {
      this.parent.set(u.id, { parentId: u.parent_id, kind: u.kind, name: u.name });
    }
    for (const y of many<{
      id: string;
      unit_id: string;
      year: number;
      stage: YearStage;
      settings_json: string;
    }>(db, 'SELECT id, unit_id, year, stage, settings_json FROM assessment_year')) {
      this.years.set(`${y.unit_id}|${y.year}`, {
        id: y.id,
        agencyId: y.unit_id,
        year: y.year,
        stage: y.stage,
        settings: parseSettings(y.settings_json),
      });
    }
  }

  /** The agency a unit belongs to: the nearest ancestor (or itself) of kind agency, else the root. */
  agencyOf(unitId: string): string {
    let id: string | null = unitId;
    let last = unitId;
    for (let guard = 0; id && guard < 50; guard++) {
      const u = this.parent.get(id);
      if (!u) break;
      if (u.kind === 'agency') return id;
      last = id;
      id = u.parentId;
    }
    return last;
  }

  yearFor(unitId: string, year: number): YearInfo | null {
    return this.years.get(`${this.agencyOf(unitId)}|${year}`) ?? null;
  }

  settingsFor(unitId: string, year: number): YearSettings {
    return this.yearFor(unitId, year)?.settings ?? this.defaults;
  }

  unitName(unitId: string): string {
    return this.parent.get(unitId)?.name ?? '';
  }
}

function parseSettings(json: string): YearSettings {
  try {
    const parsed = yearSettings.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    /* a damaged settings row falls back to the defaults below */
  }
  return defaultYearSettings();
}

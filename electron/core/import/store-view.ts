// What an import checks rows against, read once from the store: people by 人员编号, the unit tree,
// periods with their year's stage, and earlier imports of the same file.
import type { Db } from '../db/open';
import type { Operator } from '../context';
import type { AssessmentYearRow, PeriodRow as PeriodTableRow, PersonRow, UnitRow as UnitTableRow } from '../db/rows';
import { many, one, the, walk } from '../db/query';

/** The person table's row (SELECT *), as generated from the migrations. */
export type { PersonRow };

export type UnitRow = Pick<UnitTableRow, 'id' | 'parent_id' | 'kind' | 'name'>;

/** A period with its year's agency, number and stage. */
export type PeriodRow = Pick<PeriodTableRow, 'id' | 'code' | 'label' | 'year_id' | 'start_date' | 'end_date'> & {
  year_unit_id: string;
  year: number;
  stage: AssessmentYearRow['stage'];
};

const EVIDENCE_YEARS_BACK = 10;

export class StoreView {
  readonly people = new Map<string, PersonRow>();
  readonly units = new Map<string, UnitRow>();
  readonly periods: PeriodRow[];
  private dateWindow: { from: string; to: string } | undefined;

  constructor(
    readonly db: Db,
    readonly operator: Operator,
  ) {
    for (const p of walk<PersonRow>(db, 'SELECT * FROM person')) this.people.set(p.person_no, p);
    for (const u of many<UnitRow>(db, 'SELECT id, parent_id, kind, name FROM unit')) this.units.set(u.id, u);
    this.periods = many<PeriodRow>(
      db,
      'SELECT p.id, p.code, p.label, p.year_id, y.unit_id AS year_unit_id, y.year, y.stage, p.start_date, p.end_date FROM period p JOIN assessment_year y ON y.id = p.year_id',
    );
  }

  /** The unit and its ancestors, nearest first. */
  ancestry(unitId: string): UnitRow[] {
    const out: UnitRow[] = [];
    let u = this.units.get(unitId);
    for (let guard = 0; u && guard < 50; guard++) {
      out.push(u);
      u = u.parent_id ? this.units.get(u.parent_id) : undefined;
    }
    return out;
  }

  isWithin(unitId: string, ancestorId: string): boolean {
    return this.ancestry(unitId).some((u) => u.id === ancestorId);
  }

  unitPath(unitId: string): string {
    return this.ancestry(unitId)
      .reverse()
      .map((u) => u.name)
      .join(' / ');
  }

  /** A rater (or a restricted clerk) touches only the departments of their scope. */
  inScope(unitId: string): boolean {
    const scope = this.operator.unitScope;
    // Same rule as electron/core/auth/scope.ts: a rater with no grant touches nothing.
    if (this.operator.role === 'rater' && !scope.length) return false;
    if (!scope.length || this.operator.role === 'system' || this.operator.role === 'admin') return true;
    return scope.some((s) => this.isWithin(unitId, s));
  }

  /**
   * The dates an evidence row may carry: from ten years before the store's first assessment year (a
   * sanction's influence period reaches back; 留党察看 lasts years) to the end of the year after its
   * last. A 1900 or 2099 is a typing error, not a record.
   */
  evidenceDateWindow(): { from: string; to: string } {
    if (this.dateWindow) return this.dateWindow;
    const years = this.periods.map((p) => p.year);
    const now = new Date().getUTCFullYear();
    const first = years.length ? Math.min(...years) : now;
    const last = years.length ? Math.max(...years) : now;
    this.dateWindow = { from: `${first - EVIDENCE_YEARS_BACK}-01-01`, to: `${Math.max(last, now) + 1}-12-31` };
    return this.dateWindow;
  }

  /** The period of a code that belongs to the person's agency (codes repeat across agencies). */
  periodFor(code: string, unitId: string): PeriodRow | undefined {
    const candidates = this.periods.filter((p) => p.code === code);
    return candidates.find((p) => this.isWithin(unitId, p.year_unit_id));
  }

  /** The date of the person's latest recorded department move, if any. */
  lastMoveDate(personId: string): string | null {
    // asked once per moved person: the statement is prepared once per connection
    const r = the<{
      d: string | null;
    }>(this.db, 'SELECT MAX(move_date) AS d FROM person_move WHERE person_id = ?', personId);
    return r.d;
  }

  previousImport(kind: string, sha256: string): { applied_at: string; file_name: string } | undefined {
    return one<{ applied_at: string; file_name: string }>(
      this.db,
      'SELECT applied_at, file_name FROM import_batch WHERE kind = ? AND file_sha256 = ? ORDER BY applied_at LIMIT 1',
      kind,
      sha256,
    );
  }
}

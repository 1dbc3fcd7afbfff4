// A decided year is frozen: the pack exported after finalising, and again after a department
// rename, a move, a renamed person and a person marked left in the next year, is the same cell for
// cell (read back from the written files). Summaries and form options are locked by core and by the
// store's triggers; a recorded 复核 outcome is the one change that reaches the re-print, with its basis.
import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { loadLivePackData, loadPackData } from '../../electron/core/pack/pack-data';
import { startPackExport } from '../../electron/core/pack/start-export';
import { loadYearResults } from '../../electron/core/yearend/results';
import { buildPackModels, scopeFor, PACK_SHEET_KINDS } from '../../shared/sheets/pack-sheets';
import { buildRegistrationForms } from '../../shared/sheets/registration-form';
import { checkModel } from '../../shared/sheets/model';
import { tempCore, tempDir, type TempCore } from '../support/temp-core';
import { seedYearEnd, type SeedPerson, type SeededYear } from '../support/yearend-fixtures';

let t: TempCore;
let clock = new Date('2026-11-25T02:00:00Z');
beforeEach(() => {
  clock = new Date('2026-11-25T02:00:00Z');
  t = tempCore({ now: () => clock });
});
afterEach(() => t.cleanup());

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(t.core, t.session, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const people: SeedPerson[] = [
  { no: 'A01', name: '张一', ratings: '好 好 好 好' },
  { no: 'A02', name: '张二', ratings: '好 好 较好 好' },
  { no: 'A03', name: '张三', ratings: '好 好 较好 较好', dept: 2 },
  { no: 'A04', name: '张四', ratings: '好 好 好 较好', dept: 1 },
  { no: 'A05', name: '张五', ratings: '较好 较好 较好 较好' },
  { no: 'A06', name: '李六', ratings: '较好 较好 较好 较好', dept: 2 },
  { no: 'A07', name: '李七', ratings: '一般 一般 较好 较好', dept: 1 },
  {
    no: 'A08',
    name: '李八',
    ratings: '好 好 好 好',
    evidence: [{ kind: 'sanction', subKind: '警告', date: '2026-04-01', docNo: '纪〔2026〕3号' }],
  },
  {
    no: 'A09',
    name: '李九',
    ratings: '较好 较好 好 较好',
    dept: 1,
    evidence: [{ kind: 'commendation', subKind: '嘉奖', date: '2026-06-01', docNo: '奖〔2026〕2号' }],
  },
  { no: 'A10', name: '王十', ratings: '较好 较好 较好 较好', dept: 2 },
  { no: 'A11', name: '王十一', ratings: '好 较好 较好 较好', dept: 2 },
  { no: 'A12', name: '王十二', ratings: '较好 一般 较好 较好' },
];

/** review → decisions (the suggestion of record) → notice → final, as the committee would. */
async function finalise(y: SeededYear): Promise<void> {
  await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
  await ok('yearend.bulkAccept', { yearId: y.yearId, departmentId: null });
  const bench = await ok<{
    rows: {
      person: { id: string };
      decision: unknown;
      suggestionOfRecord: { outcome: string; grade: string | null };
    }[];
  }>('yearend.workbench', { yearId: y.yearId, limit: 500 });
  for (const r of bench.rows.filter((x) => !x.decision)) {
    const { outcome, grade } = r.suggestionOfRecord;
    const input = { yearId: y.yearId, personId: r.person.id, outcome, grade, reason: '' };
    const first = await dispatch(t.core, t.session, 'yearend.decide', input);
    // over the quota the committee grades the rest 称职
    if (!first.ok && first.error.code === 'QUOTA')
      await ok('yearend.decide', { ...input, grade: 'competent', reason: '名额有限，考核委员会投票决定' });
    else if (!first.ok) throw new Error(first.error.message);
  }
  await ok('yearend.transition', {
    yearId: y.yearId,
    to: 'notice',
    noticeStart: '2026-11-16',
    confirmPastStart: true,
    noticePlace: '局人事科',
  });
  await ok('yearend.transition', { yearId: y.yearId, to: 'final' });
}

/** Exports the whole pack, once for the unit and once per department, into a new folder. */
async function exportAll(yearId: string, departmentIds: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const req of [
    { scope: 'unit' as const, departmentIds: [] },
    { scope: 'departments' as const, departmentIds },
  ]) {
    const folder = tempDir('da-frozen-out-');
    const job = startPackExport(t.core, SYSTEM_OPERATOR, {
      yearId,
      ...req,
      sheets: [...PACK_SHEET_KINDS],
      folder,
    });
    const end = await t.core.jobs.wait(job.id);
    expect(end.error).toBeUndefined();
    const written = (end.value as { files: { path: string; fileName: string }[] }).files;
    expect(readdirSync(folder).sort()).toEqual(written.map((f) => f.fileName).sort());
    files.push(...written.map((f) => f.path));
  }
  return files;
}

/** Every cell of every sheet (value, merge, row height), keyed by file name, sheet and address. */
async function cellsOf(paths: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const path of paths) {
    const file = path.split(/[\\/]/).pop()!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.worksheets.forEach((ws, si) => {
      const key = (a: string) => `${file}|${si}:${ws.name}|${a}`;
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        out.set(key(`row${r}.height`), String(row.height));
        row.eachCell({ includeEmpty: true }, (cell) => {
          out.set(key(cell.address), JSON.stringify(cell.value));
        });
      });
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      out.set(key('merges'), [...merges].sort().join(','));
    });
  }
  return out;
}

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).map((k) => `${k}: ${a.get(k)} → ${b.get(k)}`);
}

describe('a decided year is frozen', () => {
  it('re-exports cell for cell the same after a rename, a move, a renamed person and a leave', async () => {
    const y = seedYearEnd(t.ctx, { people, departments: ['办公室', '综合科', '规划科'] });
    await finalise(y);
    const frozenRow = t.core.db.prepare('SELECT content_hash FROM yearend_frozen_pack WHERE year_id = ?').get(y.yearId);
    expect(frozenRow).toBeTruthy();
    // the finalisation's audit entries: the stage change, then the frozen copy with its hash
    const freezeAudit = t.core.db
      .prepare(`SELECT after_json FROM audit_log WHERE action = 'yearend.pack.freeze'`)
      .all() as { after_json: string }[];
    expect(freezeAudit).toHaveLength(1);
    expect(JSON.parse(freezeAudit[0]!.after_json)).toMatchObject({
      persons: people.length,
      hash: (frozenRow as { content_hash: string }).content_hash,
    });
    // right after finalising, the frozen copy prints exactly as the records do, and its chain head
    // is the finalisation's own entry (the entry recording the copy's hash follows it)
    const frozen0 = loadPackData(t.ctx, y.yearId);
    expect(frozen0.auditHead).toEqual(
      t.core.db.prepare(`SELECT seq, hash FROM audit_log WHERE action = 'yearend.stage.final'`).get(),
    );
    const live0 = { ...loadLivePackData(t.ctx, y.yearId, {}).data, auditHead: frozen0.auditHead };
    const scope = (d: typeof live0) => scopeFor(d, null, d.unit.name);
    expect(buildPackModels(frozen0, scope(frozen0), PACK_SHEET_KINDS)).toEqual(
      buildPackModels(live0, scope(live0), PACK_SHEET_KINDS),
    );

    const deptIds = [y.agencyId, ...y.deptIds];
    const first = await cellsOf(await exportAll(y.yearId, deptIds));

    // 2027: the roster changes
    clock = new Date('2027-03-10T02:00:00Z');
    await ok('units.rename', { id: y.deptIds[0], name: '办公室（政策法规科）' });
    const a04 = y.ids.get('A04')!;
    await ok('roster.move', { id: a04, toUnitId: y.deptIds[2], moveDate: '2027-03-01', reason: '工作需要' });
    const a01 = (await ok<{ person: { updatedAt: string } }>('roster.get', { id: y.ids.get('A01') })).person.updatedAt;
    await ok('roster.update', {
      id: y.ids.get('A01'),
      expectedUpdatedAt: a01,
      changes: { name: '张壹', position: '副科长', education: '研究生', duties: '分管综合协调' },
    });
    await ok('roster.markLeft', { id: y.ids.get('A10'), leftDate: '2027-02-28', reason: '调出本单位' });

    // the records now say otherwise: the live pack would print the new names and places
    const live1 = loadLivePackData(t.ctx, y.yearId, {}).data;
    expect(live1.persons.find((p) => p.personNo === 'A01')!.name).toBe('张壹');
    expect(live1.persons.find((p) => p.personNo === 'A04')!.departmentName).toBe('规划科');
    const liveChanged = differences(
      new Map(
        buildPackModels(frozen0, scope(frozen0), PACK_SHEET_KINDS).flatMap((m, si) =>
          m.rows.flatMap((r, ri) => r.cells.map((c) => [`${si}|${ri}|${c.c}`, String(c.v)] as const)),
        ),
      ),
      new Map(
        buildPackModels(live1, scope(live1), PACK_SHEET_KINDS).flatMap((m, si) =>
          m.rows.flatMap((r, ri) => r.cells.map((c) => [`${si}|${ri}|${c.c}`, String(c.v)] as const)),
        ),
      ),
    );
    expect(liveChanged.length).toBeGreaterThan(0);

    // the year's results (CLI `results`, the year-end views) name people and places as decided too
    const results = loadYearResults(t.core.db, y.yearId, clock);
    const byNo = (no: string) => results.people.find((p) => p.person.personNo === no)!.person;
    expect(byNo('A01')).toMatchObject({ name: '张一', position: '科员' });
    expect(byNo('A04')).toMatchObject({ unitId: y.deptIds[1], unitName: '综合科' });
    expect(results.people.filter((p) => p.person.unitName === '办公室').length).toBeGreaterThan(0);

    const second = await cellsOf(await exportAll(y.yearId, deptIds));
    expect(differences(first, second)).toEqual([]);
    console.info(
      `frozen re-print: ${first.size} cells compared, 0 changed (the live records would change ${liveChanged.length} cells of the unit file)`,
    );
    expect(first.size).toBeGreaterThan(1000);
    expect([...first.keys()].some((k) => k.includes('办公室（政策法规科）'))).toBe(false);
    expect([...first.values()].some((v) => v.includes('张一'))).toBe(true);
  });

  it('locks summaries and form options in core and in the store, and prints a recorded 复核 outcome with its basis', async () => {
    const y = seedYearEnd(t.ctx, { people, departments: ['办公室', '综合科', '规划科'] });
    await finalise(y);
    const a01 = y.ids.get('A01')!;
    const draft = await ok<{ sentences: { text: string }[] }>('pack.summary.get', { yearId: y.yearId, personId: a01 });
    expect(draft.sentences.length).toBeGreaterThan(0);
    for (const [method, input] of [
      ['pack.summary.save', { yearId: y.yearId, personId: a01, sentences: draft.sentences, expectedUpdatedAt: null }],
      ['pack.summary.regenerate', { yearId: y.yearId, personId: a01 }],
      ['pack.formOptions.save', { yearId: y.yearId, labels: { duties: '分管工作' }, extraFields: [] }],
    ] as const) {
      const r = await dispatch(t.core, t.session, method, input);
      expect(!r.ok && r.error.code).toBe('LOCKED');
      expect(!r.ok && r.error.message).toContain('定档');
    }
    const db = t.core.db;
    const at = '2027-01-01T00:00:00.000Z';
    expect(() =>
      db
        .prepare(
          `INSERT INTO pack_summary_draft (id, year_id, person_id, sentences_json, edited, created_at, updated_at, updated_by) VALUES ('x', ?, ?, '[]', 1, ?, ?, 'x')`,
        )
        .run(y.yearId, a01, at, at),
    ).toThrow(/定档/);
    expect(() =>
      db
        .prepare(`INSERT INTO app_meta (key, value) VALUES (?, '{"labels":{},"extraFields":[]}')`)
        .run(`pack.form.${y.yearId}`),
    ).toThrow(/定档/);
    expect(() => db.prepare(`UPDATE yearend_frozen_pack SET pack_json = '{}'`).run()).toThrow(/定档/);
    expect(() => db.prepare(`DELETE FROM yearend_frozen_pack`).run()).toThrow(/定档/);
    // another year's form options are not locked
    db.prepare(`INSERT INTO app_meta (key, value) VALUES ('pack.form.other', '{}')`).run();

    // a recorded 复核 outcome reaches the re-print, with the decision's date, 文号 and reason
    const a07 = y.ids.get('A07')!;
    const before = loadPackData(t.ctx, y.yearId).persons.find((p) => p.id === a07)!;
    expect(before.result.finalGrade).toBe('basic');
    const review = await ok<{ id: string }>('yearend.fileRedress', {
      yearId: y.yearId,
      personId: a07,
      kind: 'review',
      learnedOn: '2026-11-20',
      filedOn: '2026-11-24',
      request: '第二季度为出差期间，评价不全面',
    });
    await ok('yearend.decideRedress', {
      redressId: review.id,
      decision: 'changed',
      decisionOn: '2026-11-25',
      decisionDocNo: '考核委〔2026〕15号',
      reason: '经复核，出差期间工作成效突出',
      outcome: 'graded',
      grade: 'competent',
    });
    const after = loadPackData(t.ctx, y.yearId);
    const p = after.persons.find((x) => x.id === a07)!;
    expect(p.result.finalGrade).toBe('competent');
    const basis = '复核决定（2026年11月25日，考核委〔2026〕15号）：经复核，出差期间工作成效突出';
    expect(p.result).toMatchObject({ decisionReason: basis, redressBasis: basis });
    // the form's committee box prints the outcome and the decision that changed it
    const forms = buildRegistrationForms(after, [p]);
    expect(checkModel(forms)).toEqual([]);
    const form = JSON.stringify(forms);
    expect(form).toContain('经考核委员会审核，确定为称职等次。\\n' + basis);
    const applied = db.prepare(`SELECT seq, hash FROM audit_log WHERE action = 'yearend.redress.apply'`).get() as {
      seq: number;
      hash: string;
    };
    expect(after.auditHead).toEqual(applied);
    const summary = JSON.stringify(
      buildPackModels(after, scopeFor(after, null, after.unit.name), ['summary']).map((m) => m.rows),
    );
    expect(summary).toContain('经复核，出差期间工作成效突出');
    // everyone else prints as frozen
    const others = (d: typeof after) => d.persons.filter((x) => x.id !== a07);
    expect(others(after)).toEqual(others(loadPackData(t.ctx, y.yearId)));
  });
});

// Characters no stored text may hold (XML-illegal ones, which made exceljs write malformed sheets
// that LibreOffice stopped printing at, and bidi controls, which make "\u202E五王" display as 王五):
// refused for every text field of every contract method, in every import, and by the pack writer.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contract, type ContractMethod } from '../../shared/api';
import { dispatch } from '../../electron/core/api/dispatch';
import { findUnsafeChar } from '../../shared/text/safe-chars';
import { writeWorkbook } from '../../electron/core/pack/writer/write-workbook';
import { buildPackModels, PACK_SHEET_KINDS, scopeFor } from '../../shared/sheets/pack-sheets';
import { tempCore, type TempCore } from '../support/temp-core';
import { sampleOf } from '../support/hostile-api-inputs';
import { packFixture } from '../support/pack-fixtures';
import {
  dumpStore,
  EVIDENCE_HEADER,
  RATINGS_HEADER,
  ROSTER_HEADER,
  seedStore,
  writeXlsx,
} from '../support/xlsx-fixtures';
import { preview } from '../support/import-flow';

let t: TempCore | undefined;
afterEach(() => t?.cleanup());

const BAD = ['\uFFFE', '\uFFFF', '\u0001', '\u000B', '\u0085', '\uD800', '\u202E', '\u2066', '\u200F'];

/** Paths of every string leaf of a value. */
function stringPaths(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof v === 'string') return [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringPaths(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => stringPaths(x, [...path, k]));
  return [];
}

function withAt(v: unknown, path: (string | number)[], s: string): unknown {
  if (!path.length) return s;
  const copy = (Array.isArray(v) ? [...(v as unknown[])] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = withAt(copy[path[0]!], path.slice(1), s);
  return copy;
}

describe('the characters themselves', () => {
  it('names XML-illegal characters and bidi controls, and passes ordinary Chinese text and emoji', () => {
    for (const c of BAD) expect(findUnsafeChar(`张三${c}李四`), JSON.stringify(c)).toMatchObject({ index: 2 });
    expect(findUnsafeChar('王五')).toBeNull();
    expect(findUnsafeChar('工作纪实：完成 42 个项目。\n第二行\t缩进 😀 𠀀')).toBeNull();
    expect(findUnsafeChar('\u{1FFFE}')).toMatchObject({ codePoint: 0x1fffe });
  });
});

describe('at the contract boundary', () => {
  it('every text field of every method refuses an illegal character and a bidi control, naming the field', async () => {
    t = tempCore();
    const before = dumpStore(t.core.db);
    let tried = 0;
    const problems: string[] = [];
    for (const m of Object.keys(contract) as ContractMethod[]) {
      const base = sampleOf(contract[m].input);
      for (const path of stringPaths(base)) {
        for (const c of ['\uFFFE', '\u202E']) {
          const input = withAt(base, path, `王${c}五`);
          const r = await dispatch(t.core, t.session, m, input);
          tried++;
          const field = path.join('.');
          if (r.ok || r.error.code !== 'INVALID_INPUT')
            problems.push(`${m} ${field}: ${JSON.stringify(r).slice(0, 120)}`);
          else if (!(r.error.details as { issues: { field: string }[] }).issues.some((i) => i.field === field))
            problems.push(`${m} ${field}: field not named (${r.error.message})`);
        }
      }
    }
    console.log(`unsafe characters: ${tried} calls over every text field of the contract, all refused`);
    expect(problems).toEqual([]);
    expect(tried).toBeGreaterThan(200);
    expect(dumpStore(t.core.db)).toBe(before);
  }, 60_000);

  it('ratings.save with U+FFFE in the comment is refused with a Chinese sentence and writes nothing', async () => {
    t = tempCore();
    const s = seedStore(t.ctx, 2);
    const before = dumpStore(t.core.db);
    const r = await dispatch(t.core, t.session, 'ratings.save', {
      periodId: s.periods.Q1,
      personId: s.people[0]!.id,
      rating: 'good',
      comment: '表现\uFFFE良好',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!r.ok && r.error.message).toMatch(/comment.*第 3 个字符.*U\+FFFE.*请删除/);
    expect(dumpStore(t.core.db)).toBe(before);
  });
});

describe('in imports', () => {
  it('a roster name "\\u202E五王" and a work record with U+0085 are refused at their cells; nothing is written', async () => {
    t = tempCore();
    const s = seedStore(t.ctx, 2);
    const before = dumpStore(t.core.db);
    const roster = await writeXlsx(join(t.dir, 'roster.xlsx'), [
      {
        rows: [
          ROSTER_HEADER,
          [
            'N0001',
            '\u202E五王',
            '男',
            '1990-01',
            '群众',
            '大学',
            '办公室',
            '科员',
            '2020-01',
            '公务员',
            '',
            '2020-01-01',
            '',
            '否',
          ],
          [
            'N0002',
            '赵六',
            '男',
            '1990-01',
            '群众',
            '大学',
            '办公\u2066室',
            '科员',
            '2020-01',
            '公务员',
            '',
            '2020-01-01',
            '',
            '否',
          ],
        ],
      },
    ]);
    const rp = await preview(t, 'roster', roster, { unitId: s.agencyId });
    const cells = rp.issues.map((i) => `${i.row}${i.column}:${i.problem}`);
    expect(
      cells.some((c) => /^2B:.*U\+202E/.test(c)),
      cells.join('\n'),
    ).toBe(true);
    expect(
      cells.some((c) => /^3G:.*U\+2066/.test(c)),
      cells.join('\n'),
    ).toBe(true);
    const ratings = await writeXlsx(join(t.dir, 'ratings.xlsx'), [
      {
        rows: [
          RATINGS_HEADER,
          [s.people[0]!.personNo, s.people[0]!.name, '2026Q1', '完成\u0085任务', '好', '', '张科长'],
          [s.people[1]!.personNo, s.people[1]!.name, '2026Q1', '完成任务', '好', '', '张科长'],
        ],
      },
    ]);
    const pp = await preview(t, 'ratings', ratings, { periodId: s.periods.Q1 });
    expect(pp.issues).toHaveLength(1);
    expect(pp.issues[0]).toMatchObject({ row: 2, column: 'D', header: '工作纪实' });
    expect(pp.issues[0]!.problem).toMatch(/U\+0085/);
    const evidence = await writeXlsx(join(t.dir, 'evidence.xlsx'), [
      {
        rows: [
          EVIDENCE_HEADER,
          [
            s.people[0]!.personNo,
            s.people[0]!.name,
            '2026-03-01',
            '奖励',
            '嘉奖',
            '年度\u202B嘉奖',
            '发〔2026〕1号',
            '',
            '',
          ],
        ],
      },
    ]);
    const ep = await preview(t, 'evidence', evidence);
    expect(ep.issues.some((i) => i.column === 'F' && /U\+202B/.test(i.problem))).toBe(true);
    expect(dumpStore(t.core.db)).toBe(before);
  }, 60_000);
});

describe('the pack writer, as the last guard', () => {
  it('refuses a model holding U+FFFE, naming the sheet and cell, and leaves no file', async () => {
    t = tempCore();
    for (const c of ['\uFFFE', '\u0007', '\u202E']) {
      const data = packFixture({ persons: 3, inject: `张${c}三` });
      const models = buildPackModels(data, scopeFor(data, null, data.unit.name), PACK_SHEET_KINDS);
      const target = join(t.dir, `pack-${c.charCodeAt(0)}.xlsx`);
      await expect(writeWorkbook(target, models)).rejects.toThrow(/单元格第 2 个字符.*未写出文件/);
      expect(existsSync(target)).toBe(false);
    }
    expect(readdirSync(t.dir).filter((n) => n.includes('.tmp') || n.includes('partial'))).toEqual([]);
  });
});

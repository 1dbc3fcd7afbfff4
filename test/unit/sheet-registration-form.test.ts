// The registration form's layout promises: two A4 pages per person, each page inside the printable
// height, separate titles per population, editable labels, a model without overlapping merges.
import { describe, expect, it } from 'vitest';
import { buildRegistrationForms, FORM_PAGE_HEIGHT_PT } from '../../shared/sheets/registration-form';
import { checkModel, heightOf, usableHeightPt } from '../../shared/sheets/model';
import { packFixture } from '../support/pack-fixtures';

describe('registration form model', () => {
  const data = packFixture({ persons: 8 });
  const model = buildRegistrationForms(data, data.persons);

  it('is consistent and promises two pages per person', () => {
    expect(checkModel(model)).toEqual([]);
    expect(model.pages).toBe(16);
    expect(model.print.orientation).toBe('portrait');
    expect(model.print.margins.left).toBe(model.print.margins.right); // duplex: binding on both sides
  });

  it('keeps every page inside the printable height', () => {
    const ends = [...model.breaks, model.rows.length - 1];
    let start = 0;
    for (const end of ends) {
      const h = heightOf(model.rows, start, end);
      expect(h).toBeLessThanOrEqual(usableHeightPt(model.print));
      expect(h).toBeGreaterThan(FORM_PAGE_HEIGHT_PT - 5); // and fills it (the boxes take the rest)
      start = end + 1;
    }
  });

  it('titles civil servants and institution staff apart', () => {
    const titles = model.rows
      .flatMap((r) => r.cells)
      .filter((c) => c.s === 'title')
      .map((c) => c.v);
    expect(titles).toContain('公务员年度考核登记表');
    expect(titles).toContain('事业单位工作人员年度考核登记表');
    const inst = data.persons.filter((p) => p.category === 'institution').length;
    expect(titles.filter((t) => t === '事业单位工作人员年度考核登记表')).toHaveLength(inst);
  });

  it('prints the identity fields, the blocks of page 2 and takes renamed labels and extra fields', () => {
    const texts = model.rows.flatMap((r) => r.cells).map((c) => String(c.v ?? ''));
    for (const label of [
      '姓名',
      '性别',
      '出生年月',
      '政治面貌',
      '文化程度',
      '任现职时间',
      '单位及职务职级',
      '从事或分管工作',
      '个\n人\n总\n结',
      '主管领导评语和考核等次建议',
      '机关负责人或考核委员会意见',
      '本\n人\n意\n见',
      '未确定等次或不参加考核情况说明',
    ])
      expect(texts).toContain(label);
    const renamed = buildRegistrationForms(data, data.persons.slice(0, 1), {
      labels: { duties: '分管工作' },
      extraFields: ['rewards', 'leave'],
    });
    const t2 = renamed.rows.flatMap((r) => r.cells).map((c) => String(c.v ?? ''));
    expect(t2).toContain('分管工作');
    expect(t2).toContain('奖惩情况');
    expect(t2).toContain('请假情况');
    expect(renamed.pages).toBe(2);
    expect(checkModel(renamed)).toEqual([]);
  });
});

describe('model check', () => {
  it('finds overlapping merges, merges outside the grid and a wrong page promise', () => {
    const data = packFixture({ persons: 1 });
    const model = buildRegistrationForms(data, data.persons);
    const bad = structuredClone(model);
    bad.rows[2]!.cells.push({ c: 1, v: 'x', s: 'value', rs: 2 }); // 姓名 value cell already there
    expect(checkModel(bad).some((p) => p.includes('重复占用'))).toBe(true);
    const below = structuredClone(model);
    below.rows[3]!.cells = below.rows[3]!.cells.filter((c) => c.c !== 1);
    below.rows[2]!.cells = below.rows[2]!.cells.map((c) => (c.c === 1 ? { ...c, rs: 2 } : c));
    expect(checkModel(below)).toEqual([]);
    const outside = structuredClone(model);
    outside.rows[0]!.cells[0]!.cs = 7;
    expect(checkModel(outside).some((p) => p.includes('超出'))).toBe(true);
    expect(checkModel({ ...model, pages: 3 }).some((p) => p.includes('承诺页数'))).toBe(true);
  });
});

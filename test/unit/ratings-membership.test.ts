// Who belongs to which department in a period, from the person's moves: pure cases, including a
// return within the same period, a leaver, a new hire and a month-kind period.
import { describe, expect, it } from 'vitest';
import { membershipsInPeriod, tenuresOf, type PersonLite } from '../../electron/core/ratings/membership';

const person = (over: Partial<PersonLite> = {}): PersonLite => ({
  id: 'p1',
  personNo: 'A001',
  name: '张三',
  position: null,
  unitId: 'B',
  hireDate: '2020-01-01',
  status: 'active',
  leftDate: null,
  ...over,
});

describe('membership from moves', () => {
  it('stretches: before the first move in its from-unit, then each to-unit', () => {
    const t = tenuresOf(person(), [{ personId: 'p1', fromUnitId: 'A', toUnitId: 'B', moveDate: '2026-02-15' }]);
    expect(t).toEqual([
      { unitId: 'A', from: '2020-01-01', to: '2026-02-14', fromEvent: 'hire', toEvent: 'move' },
      { unitId: 'B', from: '2026-02-15', to: null, fromEvent: 'move', toEvent: null },
    ]);
  });

  it('a move in the middle of a quarter puts the person in both, due where they end', () => {
    const ms = membershipsInPeriod(
      [person()],
      [{ personId: 'p1', fromUnitId: 'A', toUnitId: 'B', moveDate: '2026-02-15' }],
      '2026-01-01',
      '2026-03-31',
    );
    expect(ms.map((m) => [m.unitId, m.due, m.note])).toEqual([
      ['A', false, '2月15日调出'],
      ['B', true, '2月15日调入'],
    ]);
  });

  it('out and back within one period is one row per department, due in the one held at the end', () => {
    const moves = [
      { personId: 'p1', fromUnitId: 'A', toUnitId: 'B', moveDate: '2026-04-10' },
      { personId: 'p1', fromUnitId: 'B', toUnitId: 'A', moveDate: '2026-05-20' },
    ];
    const ms = membershipsInPeriod([person({ unitId: 'A' })], moves, '2026-04-01', '2026-06-30');
    expect(ms.map((m) => [m.unitId, m.due, m.note])).toEqual([
      ['A', true, '4月10日调出，5月20日调入'],
      ['B', false, '4月10日调入，5月20日调出'],
    ]);
  });

  it('a leaver is shown but not due; a new hire is due; people outside the period are absent', () => {
    const people = [
      person({ id: 'left', status: 'left', leftDate: '2026-03-05' }),
      person({ id: 'new', hireDate: '2026-03-20' }),
      person({ id: 'later', hireDate: '2026-04-01' }),
      person({ id: 'gone', status: 'left', leftDate: '2025-12-31' }),
    ];
    const ms = membershipsInPeriod(people, [], '2026-01-01', '2026-03-31');
    expect(ms.map((m) => [m.person.id, m.due, m.note])).toEqual([
      ['left', false, '3月5日离开'],
      ['new', true, '3月20日入职'],
    ]);
  });

  it('month periods: a move on the 1st is a clean change, no note', () => {
    const moves = [{ personId: 'p1', fromUnitId: 'A', toUnitId: 'B', moveDate: '2026-03-01' }];
    expect(membershipsInPeriod([person()], moves, '2026-02-01', '2026-02-28').map((m) => [m.unitId, m.note])).toEqual([
      ['A', ''],
    ]);
    expect(membershipsInPeriod([person()], moves, '2026-03-01', '2026-03-31').map((m) => [m.unitId, m.note])).toEqual([
      ['B', ''],
    ]);
  });

  it('a move dated before the hire date leaves no empty stretch', () => {
    const t = tenuresOf(person({ hireDate: '2026-05-01' }), [
      { personId: 'p1', fromUnitId: 'A', toUnitId: 'B', moveDate: '2026-03-01' },
    ]);
    expect(t.map((x) => x.unitId)).toEqual(['B']);
  });
});

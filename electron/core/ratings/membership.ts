// Who belonged to which department during a period, from the person's current unit and the dated
// person_move history: people who joined, moved or left mid-period appear with a note ("4月15日调入").
import { addDays } from '../../../shared/domain/dates';
import { monthDayLabel } from '../../../shared/periods/calendar';
import type { Db } from '../db/open';
import { many, one } from '../db/query';

/** One stretch of a person in one department; dates inclusive, null = open-ended. */
export interface Tenure {
  unitId: string;
  from: string | null;
  to: string | null;
  /** how the stretch began / ended, for the note */
  fromEvent: 'hire' | 'move' | null;
  toEvent: 'move' | 'left' | null;
}

export interface PersonLite {
  id: string;
  personNo: string;
  name: string;
  position: string | null;
  unitId: string;
  hireDate: string | null;
  status: 'active' | 'left';
  leftDate: string | null;
}

export interface MoveLite {
  personId: string;
  fromUnitId: string;
  toUnitId: string;
  moveDate: string;
}

/** A person's department stretches. move_date is the first day in the new department. */
export function tenuresOf(p: PersonLite, moves: readonly MoveLite[]): Tenure[] {
  const sorted = [...moves].sort((a, b) => (a.moveDate < b.moveDate ? -1 : a.moveDate > b.moveDate ? 1 : 0));
  const leftEnd = p.status === 'left' ? p.leftDate : null;
  const out: Tenure[] = [];
  let unit = sorted.length ? sorted[0]!.fromUnitId : p.unitId;
  let from: string | null = p.hireDate;
  let fromEvent: Tenure['fromEvent'] = p.hireDate ? 'hire' : null;
  for (const m of sorted) {
    out.push({ unitId: unit, from, to: addDays(m.moveDate, -1), fromEvent, toEvent: 'move' });
    unit = m.toUnitId;
    from = m.moveDate;
    fromEvent = 'move';
  }
  out.push({ unitId: unit, from, to: leftEnd, fromEvent, toEvent: leftEnd ? 'left' : null });
  // A move dated before the hire date (data entered late) leaves an empty stretch: drop it.
  return out.filter((t) => t.from === null || t.to === null || t.from <= t.to);
}

export interface Membership {
  person: PersonLite;
  unitId: string;
  /** due to be rated here: in this department at the period's end (or at leaving, for nobody) */
  due: boolean;
  note: string;
}

/** Each person's departments during [start, end], one entry per (person, department). */
export function membershipsInPeriod(
  people: readonly PersonLite[],
  moves: readonly MoveLite[],
  start: string,
  end: string,
): Membership[] {
  const byPerson = new Map<string, MoveLite[]>();
  for (const m of moves) (byPerson.get(m.personId) ?? byPerson.set(m.personId, []).get(m.personId)!).push(m);
  const out: Membership[] = [];
  for (const p of people) {
    const inPeriod = tenuresOf(p, byPerson.get(p.id) ?? []).filter(
      (t) => (t.from === null || t.from <= end) && (t.to === null || t.to >= start),
    );
    // One entry per department even if the person left and came back within the period.
    const seen = new Map<string, Membership>();
    for (const t of inPeriod) {
      const notes: string[] = [];
      if (t.from !== null && t.from > start)
        notes.push(`${monthDayLabel(t.from)}${t.fromEvent === 'hire' ? '入职' : '调入'}`);
      if (t.to !== null && t.to < end)
        notes.push(t.toEvent === 'left' ? `${monthDayLabel(t.to)}离开` : `${monthDayLabel(addDays(t.to, 1))}调出`);
      const due = t.to === null || t.to >= end;
      const prev = seen.get(t.unitId);
      if (prev) {
        prev.due ||= due;
        prev.note = [prev.note, ...notes].filter(Boolean).join('，');
      } else {
        const m: Membership = { person: p, unitId: t.unitId, due, note: notes.join('，') };
        seen.set(t.unitId, m);
        out.push(m);
      }
    }
  }
  return out;
}

interface PersonRow {
  id: string;
  person_no: string;
  name: string;
  position: string | null;
  unit_id: string;
  hire_date: string | null;
  status: 'active' | 'left';
  left_date: string | null;
}

const personLite = (r: PersonRow): PersonLite => ({
  id: r.id,
  personNo: r.person_no,
  name: r.name,
  position: r.position,
  unitId: r.unit_id,
  hireDate: r.hire_date,
  status: r.status,
  leftDate: r.left_date,
});

const MOVE_COLUMNS = 'person_id AS personId, from_unit_id AS fromUnitId, to_unit_id AS toUnitId, move_date AS moveDate';

/** Loads everyone who is or was in one of the departments, with their moves, and places them. */
export function loadMemberships(db: Db, departmentIds: readonly string[], start: string, end: string): Membership[] {
  if (departmentIds.length === 0) return [];
  const ids = JSON.stringify(departmentIds);
  // The department list is read once into a temp b-tree (IN over a subquery), not re-parsed per person.
  const people = many<PersonRow>(
    db,
    `WITH d(id) AS MATERIALIZED (SELECT value FROM json_each(@ids))
         SELECT id, person_no, name, position, unit_id, hire_date, status, left_date FROM person
         WHERE unit_id IN d
            OR id IN (SELECT person_id FROM person_move WHERE from_unit_id IN d OR to_unit_id IN d)
         ORDER BY person_no`,
    { ids },
  ).map(personLite);
  const moves = many<MoveLite>(
    db,
    `SELECT ${MOVE_COLUMNS} FROM person_move WHERE person_id IN (SELECT value FROM json_each(?))`,
    JSON.stringify(people.map((p) => p.id)),
  );
  const wanted = new Set(departmentIds);
  return membershipsInPeriod(people, moves, start, end).filter((m) => wanted.has(m.unitId));
}

/** One person's departments during [start, end] (none when the person is gone). */
export function placePerson(db: Db, personId: string, start: string, end: string): Membership[] {
  const row = one<PersonRow>(
    db,
    'SELECT id, person_no, name, position, unit_id, hire_date, status, left_date FROM person WHERE id = ?',
    personId,
  );
  if (!row) return [];
  const moves = many<MoveLite>(db, `SELECT ${MOVE_COLUMNS} FROM person_move WHERE person_id = ?`, personId);
  return membershipsInPeriod([personLite(row)], moves, start, end);
}

// 单位与部门: the unit tree (an agency and its departments, nested to any depth), with audited
// create / rename / reorder / delete-if-empty. Other capabilities read the tree through these.
import { AppError } from '../../../shared/result';
import type { UnitDto } from '../../../shared/domain/records';
import type { UnitNodeDto } from '../../../shared/api/roster';
import { recordAudit } from '../audit/audit-log';
import { writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { newId } from '../ids';
import { nextStamp } from '../stamps';
import { stmt } from '../db/statements';
import type { UnitRow as UnitTableRow } from '../db/rows';
import { many, one, the } from '../db/query';

type UnitRow = Pick<UnitTableRow, 'id' | 'parent_id' | 'kind' | 'name' | 'code' | 'sort_order' | 'updated_at'>;

export interface UnitTreeNode extends UnitDto {
  activeCount: number;
  leftCount: number;
  children: UnitTreeNode[];
}

const toUnitDto = (r: UnitRow): UnitDto => ({
  id: r.id,
  parentId: r.parent_id,
  kind: r.kind,
  name: r.name,
  code: r.code,
  sortOrder: r.sort_order,
});

const UNIT_COLS = 'id, parent_id, kind, name, code, sort_order, updated_at';

export function getUnit(db: Db, id: string): UnitDto | null {
  const r = one<UnitRow>(db, `SELECT ${UNIT_COLS} FROM unit WHERE id = ?`, id);
  return r ? toUnitDto(r) : null;
}

export function requireUnit(db: Db, id: string, field = '部门'): UnitDto {
  const u = getUnit(db, id);
  if (!u)
    throw new AppError('NOT_FOUND', `${field}不存在（可能已被删除），请刷新后重新选择。`, {
      issues: [{ field: 'unitId', message: `${field}不存在` }],
    });
  return u;
}

/** Every unit in tree order (siblings by sort order, then name), with its depth and head counts. */
export function listUnitNodes(db: Db): UnitNodeDto[] {
  const rows = many<UnitRow>(db, `SELECT ${UNIT_COLS} FROM unit ORDER BY sort_order, name`);
  const counts = new Map<string, { active: number; left: number }>();
  for (const c of many<{
    unit_id: string;
    status: string;
    n: number;
  }>(db, 'SELECT unit_id, status, COUNT(*) AS n FROM person GROUP BY unit_id, status')) {
    const e = counts.get(c.unit_id) ?? { active: 0, left: 0 };
    if (c.status === 'active') e.active = c.n;
    else e.left = c.n;
    counts.set(c.unit_id, e);
  }
  const byParent = new Map<string | null, UnitRow[]>();
  for (const r of rows) {
    const list = byParent.get(r.parent_id) ?? [];
    list.push(r);
    byParent.set(r.parent_id, list);
  }
  const out: UnitNodeDto[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const r of byParent.get(parent) ?? []) {
      const c = counts.get(r.id) ?? { active: 0, left: 0 };
      out.push({ ...toUnitDto(r), depth, activeCount: c.active, leftCount: c.left });
      if (depth < 20) visit(r.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The same tree nested: agencies at the top, departments as children. */
export function unitTree(db: Db): UnitTreeNode[] {
  const nodes = new Map<string, UnitTreeNode>();
  const roots: UnitTreeNode[] = [];
  for (const n of listUnitNodes(db)) {
    const { depth: _depth, ...rest } = n;
    const node: UnitTreeNode = { ...rest, children: [] };
    nodes.set(n.id, node);
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The unit and all units below it (for "this department incl. sub-units" filters). */
export function subUnitIds(db: Db, unitId: string): string[] {
  const rows = many<{ id: string }>(
    db,
    `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub`,
    unitId,
  );
  return rows.map((r) => r.id);
}

/** The departments under an agency (any depth), in tree order. */
export function departmentsOf(db: Db, agencyId: string): UnitDto[] {
  const below = new Set(subUnitIds(db, agencyId));
  return listUnitNodes(db)
    .filter((n) => n.id !== agencyId && below.has(n.id))
    .map(({ depth: _d, activeCount: _a, leftCount: _l, ...u }) => u);
}

/** The agency (top of the tree) a unit belongs to; an agency is its own agency. */
export function agencyOf(db: Db, unitId: string): UnitDto {
  let u = requireUnit(db, unitId, '单位');
  for (let guard = 0; u.parentId && guard < 50; guard++) u = requireUnit(db, u.parentId, '上级单位');
  return u;
}

export function listAgencies(db: Db): UnitDto[] {
  return many<UnitRow>(db, `SELECT ${UNIT_COLS} FROM unit WHERE parent_id IS NULL ORDER BY sort_order, name`).map(
    toUnitDto,
  );
}

export function findUnitByName(db: Db, name: string, parentId: string | null): UnitDto | null {
  const r = (
    parentId === null
      ? stmt(db, `SELECT ${UNIT_COLS} FROM unit WHERE parent_id IS NULL AND name = ?`).get(name.trim())
      : stmt(db, `SELECT ${UNIT_COLS} FROM unit WHERE parent_id = ? AND name = ?`).get(parentId, name.trim())
  ) as UnitRow | undefined;
  return r ? toUnitDto(r) : null;
}

function cleanName(name: string): string {
  const n = name.trim();
  if (!n)
    throw new AppError('INVALID_INPUT', '名称不能为空。', { issues: [{ field: 'name', message: '名称不能为空' }] });
  if (n.length > 100)
    throw new AppError('INVALID_INPUT', '名称最多 100 个字。', {
      issues: [{ field: 'name', message: '名称最多 100 个字' }],
    });
  return n;
}

function assertNameFree(db: Db, name: string, parentId: string | null, exceptId?: string): void {
  const other = findUnitByName(db, name, parentId);
  if (other && other.id !== exceptId) {
    throw new AppError('CONFLICT', `同一级已有名为“${name}”的${parentId ? '部门' : '单位'}，请换一个名称。`, {
      issues: [{ field: 'name', message: '名称重复' }],
    });
  }
}

export interface CreateUnitInput {
  parentId: string | null;
  name: string;
  code?: string | null;
}

/** A unit without a parent is an agency (机关); one with a parent is a department (内设机构). */
export function createUnit(ctx: Ctx, input: CreateUnitInput): UnitDto {
  return writeTx(ctx, () => {
    const name = cleanName(input.name);
    if (input.parentId) requireUnit(ctx.db, input.parentId, '上级单位');
    assertNameFree(ctx.db, name, input.parentId);
    const maxOrder = (
      input.parentId === null
        ? stmt(ctx.db, 'SELECT MAX(sort_order) AS m FROM unit WHERE parent_id IS NULL').get()
        : stmt(ctx.db, 'SELECT MAX(sort_order) AS m FROM unit WHERE parent_id = ?').get(input.parentId)
    ) as { m: number | null };
    const at = nextStamp(ctx, null);
    const row = {
      id: newId(),
      parent_id: input.parentId,
      kind: input.parentId ? 'department' : 'agency',
      name,
      code: input.code?.trim() || null,
      sort_order: (maxOrder.m ?? 0) + 10,
      at,
      by: ctx.operator.id,
    };
    stmt(
      ctx.db,
      `INSERT INTO unit (id, parent_id, kind, name, code, sort_order, created_at, updated_at, updated_by)
       VALUES (@id, @parent_id, @kind, @name, @code, @sort_order, @at, @at, @by)`,
    ).run(row);
    const dto = getUnit(ctx.db, row.id)!;
    recordAudit(ctx, { action: 'unit.create', entity: 'unit', entityId: dto.id, after: dto });
    return dto;
  });
}

export function renameUnit(ctx: Ctx, input: { id: string; name: string; code?: string | null }): UnitDto {
  return writeTx(ctx, () => {
    const before = requireUnit(ctx.db, input.id, '单位或部门');
    const name = cleanName(input.name);
    assertNameFree(ctx.db, name, before.parentId, before.id);
    const code = input.code === undefined ? before.code : input.code?.trim() || null;
    const prev = the<{ updated_at: string }>(ctx.db, 'SELECT updated_at FROM unit WHERE id = ?', input.id).updated_at;
    stmt(ctx.db, 'UPDATE unit SET name = ?, code = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
      name,
      code,
      nextStamp(ctx, prev),
      ctx.operator.id,
      input.id,
    );
    const after = getUnit(ctx.db, input.id)!;
    recordAudit(ctx, { action: 'unit.rename', entity: 'unit', entityId: input.id, before, after });
    return after;
  });
}

/** Sets the order of siblings; the list must name exactly the current children of the parent. */
export function reorderUnits(ctx: Ctx, input: { parentId: string | null; orderedIds: string[] }): UnitNodeDto[] {
  return writeTx(ctx, () => {
    const siblings = (
      input.parentId === null
        ? stmt(ctx.db, 'SELECT id, sort_order FROM unit WHERE parent_id IS NULL ORDER BY sort_order, name').all()
        : stmt(ctx.db, 'SELECT id, sort_order FROM unit WHERE parent_id = ? ORDER BY sort_order, name').all(
            input.parentId,
          )
    ) as { id: string; sort_order: number }[];
    const current = new Set(siblings.map((s) => s.id));
    const given = new Set(input.orderedIds);
    if (
      given.size !== input.orderedIds.length ||
      given.size !== current.size ||
      [...given].some((id) => !current.has(id))
    ) {
      throw new AppError('CONFLICT', '部门列表已被修改（有新增或删除），请刷新后重新调整顺序。');
    }
    const at = nextStamp(ctx, null);
    const upd = stmt(ctx.db, 'UPDATE unit SET sort_order = ?, updated_at = ?, updated_by = ? WHERE id = ?');
    input.orderedIds.forEach((id, i) => upd.run((i + 1) * 10, at, ctx.operator.id, id));
    recordAudit(ctx, {
      action: 'unit.reorder',
      entity: 'unit',
      entityId: input.parentId ?? '',
      before: siblings.map((s) => s.id),
      after: input.orderedIds,
    });
    return listUnitNodes(ctx.db);
  });
}

/** Only an empty unit can go: no people (ever), no sub-units, nothing else referring to it. */
export function deleteUnit(ctx: Ctx, id: string): void {
  writeTx(ctx, () => {
    const before = requireUnit(ctx.db, id, '单位或部门');
    const kids = the<{ n: number }>(ctx.db, 'SELECT COUNT(*) AS n FROM unit WHERE parent_id = ?', id).n;
    if (kids > 0) throw new AppError('CONFLICT', `“${before.name}”下还有 ${kids} 个部门，请先删除或合并下级部门。`);
    const people = the<{ n: number }>(ctx.db, 'SELECT COUNT(*) AS n FROM person WHERE unit_id = ?', id).n;
    if (people > 0)
      throw new AppError(
        'CONFLICT',
        `“${before.name}”还有 ${people} 名人员（含已离开人员），不能删除；可以改名或把人员调到其他部门。`,
      );
    try {
      stmt(ctx.db, 'DELETE FROM unit WHERE id = ?').run(id);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new AppError('CONFLICT', `“${before.name}”已有考核年度、调动或评分记录，不能删除；可以改名。`);
      }
      throw e;
    }
    recordAudit(ctx, { action: 'unit.delete', entity: 'unit', entityId: id, before });
  });
}

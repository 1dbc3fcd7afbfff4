// Departments named in year settings from the command line. An office writes 分管领导 pools and
// 机关/基层/事业 classes by hand (`settings apply` with a YAML file, `settings set quota.leaders …`)
// and knows its departments by name or code, not by generated id. Before the settings go to
// years.updateSettings, every department reference under `quota` is looked up among the departments
// of the year's own agency (a name in another agency never matches), so the stored settings and the
// settings page hold ids as before. A name that matches nothing or several departments is refused.
import { AppError } from '../../../shared/result';
import type { Db } from '../../core/db/open';
import { many } from '../../core/db/query';

type Json = unknown;

/** The departments under the year's agency (at any depth), with their names and codes. */
function agencyDepartments(db: Db, yearId: string): { id: string; name: string; code: string | null }[] {
  return many<{ id: string; name: string; code: string | null }>(
    db,
    `WITH RECURSIVE tree(id) AS (
         SELECT unit_id FROM assessment_year WHERE id = ?
         UNION ALL SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id
       )
       SELECT u.id, u.name, u.code FROM unit u JOIN tree t ON t.id = u.id WHERE u.kind = 'department'`,
    yearId,
  );
}

export function resolveSettingsDepartments(db: Db, yearId: string, settings: Json): Json {
  const quota = settings && typeof settings === 'object' ? (settings as Record<string, Json>).quota : undefined;
  if (!quota || typeof quota !== 'object') return settings;
  const departments = agencyDepartments(db, yearId);
  const toId = (ref: Json, where: string): Json => {
    if (typeof ref !== 'string') return ref; // the settings' own validation names the wrong type
    const text = ref.trim();
    if (departments.some((d) => d.id === text)) return text;
    const found = departments.filter((d) => d.name === text || d.code === text);
    if (found.length === 1) return found[0]!.id;
    throw new AppError(
      'INVALID_INPUT',
      found.length === 0
        ? `${where}：本单位没有名称或代码为“${text}”的部门，请按组织机构中的名称填写 / no department “${text}” in this agency`
        : `${where}：有 ${found.length} 个部门名为“${text}”，请改写部门代码 / “${text}” names ${found.length} departments, use the code`,
      { ref: text },
    );
  };
  const q = quota as Record<string, Json>;
  const leaders = Array.isArray(q.leaders)
    ? (q.leaders as Json[]).map((leader, i): Json => {
        if (!leader || typeof leader !== 'object') return leader;
        const l = leader as Record<string, Json>;
        const where = `quota.leaders 第 ${i + 1} 项（${typeof l.name === 'string' ? l.name : '分管领导'}）的 departmentIds`;
        return Array.isArray(l.departmentIds) ? { ...l, departmentIds: l.departmentIds.map((d) => toId(d, where)) } : l;
      })
    : q.leaders;
  const classes = Array.isArray(q.departmentClasses)
    ? (q.departmentClasses as Json[]).map((row, i): Json =>
        row && typeof row === 'object'
          ? {
              ...(row as Record<string, Json>),
              departmentId: toId((row as Record<string, Json>).departmentId, `quota.departmentClasses 第 ${i + 1} 项`),
            }
          : row,
      )
    : q.departmentClasses;
  return {
    ...(settings as Record<string, Json>),
    quota: {
      ...q,
      ...(leaders !== undefined ? { leaders } : {}),
      ...(classes !== undefined ? { departmentClasses: classes } : {}),
    },
  };
}

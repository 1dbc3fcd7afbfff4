// The unit tree as antd Tree / TreeSelect data, built from units.tree's flat pre-order list.
import type { UnitNodeDto } from '@shared/api/roster';

export interface UnitOption {
  key: string;
  value: string;
  title: string;
  label: string;
  children: UnitOption[];
}

export function unitOptions(units: readonly UnitNodeDto[], withCounts: boolean): UnitOption[] {
  const byId = new Map<string, UnitOption>();
  const roots: UnitOption[] = [];
  for (const u of units) {
    const title = withCounts ? `${u.name}（${u.activeCount}）` : u.name;
    const node: UnitOption = { key: u.id, value: u.id, title, label: u.name, children: [] };
    byId.set(u.id, node);
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Active people below (and in) each unit, for the tree's counts. */
export function totalsBelow(units: readonly UnitNodeDto[]): Map<string, number> {
  const total = new Map<string, number>();
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i]!;
    total.set(u.id, (total.get(u.id) ?? 0) + u.activeCount);
    if (u.parentId) total.set(u.parentId, (total.get(u.parentId) ?? 0) + (total.get(u.id) ?? 0));
  }
  return total;
}

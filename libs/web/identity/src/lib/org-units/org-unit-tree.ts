import type { OrgUnitResponse } from '@siantar/contracts';

export interface OrgUnitNode {
  unit: OrgUnitResponse;
  depth: number;
}

/**
 * Orders units depth-first (parents before their children, siblings by name) and gives each
 * its depth. Units whose parent is not in the list (outside an admin's scope) become roots.
 */
export function flattenOrgUnits(units: readonly OrgUnitResponse[]): OrgUnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, OrgUnitResponse[]>();
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(unit);
    children.set(parent, list);
  }
  for (const list of children.values()) {
    list.sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }
  const result: OrgUnitNode[] = [];
  const visit = (parent: string | null, depth: number): void => {
    for (const unit of children.get(parent) ?? []) {
      result.push({ unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}

import type { CategoryNode } from '@siantar/contracts';

export interface CategoryRow {
  node: CategoryNode;
  depth: number;
  /** Questions in this category and all below it. */
  totalCount: number;
  hasChildren: boolean;
}

/**
 * The bank's flat category list (`parentId`) as rows in tree order: each parent
 * followed by its children, siblings by name. Orphans (parent not in the list) show
 * at the top level rather than disappearing.
 */
export function categoryRows(nodes: readonly CategoryNode[]): CategoryRow[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | null, CategoryNode[]>();
  for (const node of nodes) {
    const parent = node.parentId && ids.has(node.parentId) ? node.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }
  for (const list of children.values()) {
    list.sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }
  const totals = new Map<string, number>();
  const total = (node: CategoryNode, seen: Set<string>): number => {
    const known = totals.get(node.id);
    if (known !== undefined) {
      return known;
    }
    seen.add(node.id);
    let sum = node.questionCount;
    for (const child of children.get(node.id) ?? []) {
      if (!seen.has(child.id)) {
        sum += total(child, seen);
      }
    }
    totals.set(node.id, sum);
    return sum;
  };

  const rows: CategoryRow[] = [];
  const visited = new Set<string>();
  const walk = (parent: string | null, depth: number): void => {
    for (const node of children.get(parent) ?? []) {
      if (visited.has(node.id)) {
        continue;
      }
      visited.add(node.id);
      rows.push({
        node,
        depth,
        totalCount: total(node, new Set()),
        hasChildren: (children.get(node.id) ?? []).length > 0,
      });
      walk(node.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** The category a new question goes to by default: the first top-level one. */
export function defaultCategoryId(nodes: readonly CategoryNode[]): string | null {
  return categoryRows(nodes)[0]?.node.id ?? null;
}

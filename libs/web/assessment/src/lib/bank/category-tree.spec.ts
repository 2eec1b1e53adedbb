import type { CategoryNode } from '@siantar/contracts';
import { categoryRows, defaultCategoryId } from './category-tree';

const node = (
  id: string,
  name: string,
  parentId: string | null,
  questionCount: number,
): CategoryNode => ({
  id,
  name,
  parentId,
  path: name,
  questionCount,
});

describe('category tree', () => {
  it('orders parents before children, siblings by name, and sums questions below', () => {
    const rows = categoryRows([
      node('c', 'Pelayanan/Disdukcapil', 'a', 4),
      node('a', 'Pelayanan', null, 2),
      node('b', 'Kepegawaian', null, 1),
      node('d', 'Yatim', 'gone', 3),
      node('e', 'KTP', 'c', 5),
    ]);
    expect(rows.map((r) => [r.node.id, r.depth, r.totalCount, r.hasChildren])).toEqual([
      ['b', 0, 1, false],
      ['a', 0, 11, true],
      ['c', 1, 9, true],
      ['e', 2, 5, false],
      ['d', 0, 3, false],
    ]);
    expect(defaultCategoryId([node('x', 'Z', null, 0), node('y', 'A', null, 0)])).toBe('y');
  });
});

import type { OrgUnitResponse } from '@siantar/contracts';
import { flattenOrgUnits } from './org-unit-tree';

const unit = (id: string, name: string, parentId: string | null): OrgUnitResponse => ({
  id,
  code: id.toUpperCase(),
  name,
  kind: parentId ? 'opd' : 'pemda',
  parentId,
  path: [name],
  userCount: 0,
});

describe('flattenOrgUnits', () => {
  it('puts children right after their parent, siblings by name, with depth', () => {
    const nodes = flattenOrgUnits([
      unit('b2', 'Bidang Dua', 'opd1'),
      unit('opd2', 'Dinas Pendidikan', 'root'),
      unit('root', 'Pemerintah Kota Pematangsiantar', null),
      unit('opd1', 'Dinas Kependudukan', 'root'),
      unit('b1', 'Bidang Satu', 'opd1'),
    ]);
    expect(nodes.map((n) => `${n.depth}:${n.unit.id}`)).toEqual([
      '0:root',
      '1:opd1',
      '2:b2', // "Bidang Dua" sorts before "Bidang Satu"
      '2:b1',
      '1:opd2',
    ]);
  });

  it('treats a unit whose parent is out of scope as a root', () => {
    const nodes = flattenOrgUnits([unit('b1', 'Bidang', 'hidden')]);
    expect(nodes).toEqual([{ unit: expect.objectContaining({ id: 'b1' }), depth: 0 }]);
  });
});

import { jpBuckets, jpCountsBy, rankOrder } from './jp-figures';

const targets = { PNS: 20, PPPK: 24 };
const staff = [
  { child: 'a', employmentType: 'PNS', rank: 'III/a', persons: 3 },
  { child: 'a', employmentType: 'PPPK', rank: '-', persons: 2 },
];
const persons = [
  { child: 'a', employmentType: 'PNS', rank: 'III/a', jpFloor: 20, persons: 1 },
  { child: 'a', employmentType: 'PNS', rank: 'III/a', jpFloor: 7, persons: 1 },
  { child: 'a', employmentType: 'PPPK', rank: '-', jpFloor: 23, persons: 1 },
  { child: 'a', employmentType: 'PPPK', rank: '-', jpFloor: 31, persons: 1 },
];

describe('JP figures from the bucketed summaries', () => {
  it('below target = staff − persons at or above their type’s target', () => {
    const byType = jpCountsBy(staff, persons, [], targets, (r) => r.employmentType);
    expect(byType.get('PNS')).toEqual({ staff: 3, belowTarget: 2, jp: 0 });
    expect(byType.get('PPPK')).toEqual({ staff: 2, belowTarget: 1, jp: 0 });
  });

  it('puts people without ledger rows in the first bucket', () => {
    expect(jpBuckets(staff, persons).map((b) => b.persons)).toEqual([1, 1, 0, 0, 2, 1]);
  });

  it('orders PNS ranks by grade, then other ranks, then none', () => {
    expect(['-', 'IV/a', 'X', 'III/b', 'I/a'].sort(rankOrder)).toEqual([
      'I/a',
      'III/b',
      'IV/a',
      'X',
      '-',
    ]);
  });
});

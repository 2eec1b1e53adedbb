import { breakdownRows, entryKind, roundJp, trainingTypesFor, yearOptions } from './ledger-view';

describe('ledger view helpers', () => {
  it('tells credits, reversed credits and reversals apart', () => {
    expect(entryKind({ reversesId: null, reversedById: null })).toBe('credit');
    expect(entryKind({ reversesId: null, reversedById: 'r1' })).toBe('reversed');
    expect(entryKind({ reversesId: 'e1', reversedById: null })).toBe('reversal');
  });

  it('lists every competency type and route, zeros included', () => {
    const rows = breakdownRows({
      byCompetency: { teknis: 6, manajerial: 0, 'sosial-kultural': 2 },
      byRoute: { klasikal: 0, nonklasikal: 8 },
    });
    expect(rows.competency.map((r) => r.jp)).toEqual([6, 0, 2]);
    expect(rows.route).toEqual([
      { key: 'klasikal', jp: 0 },
      { key: 'nonklasikal', jp: 8 },
    ]);
  });

  it('offers the training forms of the chosen route', () => {
    expect(trainingTypesFor('klasikal')).toContain('bimbingan teknis');
    expect(trainingTypesFor('nonklasikal')).toContain('coaching');
    expect(trainingTypesFor(null)).toEqual([]);
  });

  it('rounds JP and builds the year list', () => {
    expect(roundJp(2.449999)).toBe(2.4);
    expect(yearOptions([{ year: 2024 }, { year: 2026 }], 2026)).toEqual([2026, 2024]);
  });
});

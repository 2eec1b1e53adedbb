import {
  filterFromParams,
  filterLinkParams,
  filterToApiParams,
  filterToParams,
  sameFilter,
} from './report-filter';

const UNIT = '0b7c6a51-64c5-4f3e-9d0a-1a2b3c4d5e6f';

describe('report filter ↔ query parameters', () => {
  it('round-trips every filter through the URL', () => {
    const filter = {
      year: 2026,
      orgUnitId: UNIT,
      courseId: UNIT,
      competencyType: 'manajerial' as const,
      employmentType: 'PPPK' as const,
    };
    const params = filterToParams(filter);
    expect(params).toEqual({
      tahun: '2026',
      unit: UNIT,
      kursus: UNIT,
      kompetensi: 'manajerial',
      status: 'PPPK',
    });
    expect(filterFromParams(params)).toEqual(filter);
  });

  it('clears unset filters with null so that a merge removes them', () => {
    expect(filterToParams({ year: 2025 })).toEqual({
      tahun: '2025',
      unit: null,
      kursus: null,
      kompetensi: null,
      status: null,
    });
  });

  it('drops malformed values', () => {
    expect(
      filterFromParams({
        tahun: '20x6',
        unit: 'not-a-uuid',
        kursus: '',
        kompetensi: 'hobi',
        status: 'PNS',
      }),
    ).toEqual({ employmentType: 'PNS' });
    expect(filterFromParams({ tahun: '1999' })).toEqual({});
    expect(filterFromParams({ tahun: ['2024', '2025'] })).toEqual({ year: 2024 });
  });

  it('sends only the set filters to the API, by their API names', () => {
    expect(filterToApiParams({ year: 2026, orgUnitId: UNIT })).toEqual({
      year: '2026',
      orgUnitId: UNIT,
    });
  });

  it('compares filters key by key', () => {
    expect(sameFilter({ year: 2026 }, { year: 2026 })).toBe(true);
    expect(sameFilter({ year: 2026 }, { year: 2026, orgUnitId: UNIT })).toBe(false);
  });

  it('gives link query parameters of the set filters only', () => {
    expect(filterLinkParams({ year: 2026, orgUnitId: UNIT })).toEqual({
      tahun: '2026',
      unit: UNIT,
    });
    expect(filterLinkParams({})).toEqual({});
  });
});

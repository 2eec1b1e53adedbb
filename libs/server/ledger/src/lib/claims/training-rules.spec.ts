import type { ExternalTrainingFields } from '@siantar/contracts';
import { trainingFieldErrors } from './training-rules';

const base: ExternalTrainingFields = {
  title: 'Bimtek Pengadaan Barang/Jasa',
  provider: 'LKPP',
  route: 'klasikal',
  trainingType: 'bimbingan teknis',
  competencyType: 'teknis',
  startDate: '2025-03-10',
  endDate: '2025-03-12',
  jp: 24,
};
const TODAY = '2025-06-01';
const paths = (f: Partial<ExternalTrainingFields>) =>
  trainingFieldErrors({ ...base, ...f }, TODAY).map((e) => e.path);

describe('trainingFieldErrors', () => {
  it('accepts a plausible training', () => {
    expect(trainingFieldErrors(base, TODAY)).toEqual([]);
    expect(paths({ startDate: TODAY, endDate: TODAY, jp: 10 })).toEqual([]);
    expect(paths({ startDate: '2020-06-01', endDate: '2020-06-01', jp: 1 })).toEqual([]);
  });

  it('names the field of each problem', () => {
    expect(paths({ endDate: '2025-03-09' })).toEqual(['endDate']);
    expect(paths({ startDate: '2025-06-02', endDate: '2025-06-02', jp: 8 })).toEqual([
      'startDate',
      'endDate',
    ]);
    expect(paths({ startDate: '2020-05-31', endDate: '2020-05-31', jp: 2 })).toEqual(['startDate']);
    expect(paths({ trainingType: 'e-learning' })).toEqual(['trainingType']);
  });

  it('refuses more than 10 JP per calendar day and says the maximum', () => {
    const [e] = trainingFieldErrors({ ...base, jp: 31 }, TODAY);
    expect(e.path).toBe('jp');
    expect(e.message).toContain('3 hari');
    expect(e.message).toContain('paling banyak 30 JP');
    expect(paths({ jp: 30 })).toEqual([]);
  });
});

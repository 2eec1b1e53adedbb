import { jpText, rankLabel, rentangTanggal, tanggal } from './indonesian';

describe('Indonesian wording on the certificate', () => {
  it('writes dates and ranges', () => {
    expect(tanggal('2026-01-05')).toBe('5 Januari 2026');
    expect(tanggal('2026-12-31')).toBe('31 Desember 2026');
    expect(rentangTanggal('2026-02-02', '2026-03-13')).toBe('2 Februari 2026 s.d. 13 Maret 2026');
    expect(rentangTanggal('2026-03-13', '2026-03-13')).toBe('13 Maret 2026');
    expect(() => tanggal('13/03/2026')).toThrow();
  });

  it('names the pangkat of a golongan, and a PPPK grade', () => {
    expect(rankLabel('III/a')).toBe('Penata Muda (III/a)');
    expect(rankLabel('IV/e')).toBe('Pembina Utama (IV/e)');
    expect(rankLabel('IX')).toBe('Golongan IX');
    expect(rankLabel(null)).toBeNull();
  });

  it('writes JP with a decimal comma', () => {
    expect(jpText(3)).toBe('3');
    expect(jpText(2.5)).toBe('2,5');
  });
});

import type { CompetencyType } from '@siantar/contracts';

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** `2026-01-05` → `5 Januari 2026`. */
export function tanggal(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** `5 Januari 2026 s.d. 9 Januari 2026`, or one date when both are the same day. */
export function rentangTanggal(from: string, to: string): string {
  return from === to ? tanggal(from) : `${tanggal(from)} s.d. ${tanggal(to)}`;
}

/** JP with an Indonesian decimal comma: 3 → `3`, 2.5 → `2,5`. */
export const jpText = (jp: number): string =>
  Number.isInteger(jp) ? String(jp) : jp.toFixed(1).replace('.', ',');

/** Pangkat of each PNS golongan (PP 99/2000). */
const PANGKAT: Record<string, string> = {
  'I/a': 'Juru Muda',
  'I/b': 'Juru Muda Tingkat I',
  'I/c': 'Juru',
  'I/d': 'Juru Tingkat I',
  'II/a': 'Pengatur Muda',
  'II/b': 'Pengatur Muda Tingkat I',
  'II/c': 'Pengatur',
  'II/d': 'Pengatur Tingkat I',
  'III/a': 'Penata Muda',
  'III/b': 'Penata Muda Tingkat I',
  'III/c': 'Penata',
  'III/d': 'Penata Tingkat I',
  'IV/a': 'Pembina',
  'IV/b': 'Pembina Tingkat I',
  'IV/c': 'Pembina Utama Muda',
  'IV/d': 'Pembina Utama Madya',
  'IV/e': 'Pembina Utama',
};

/** `III/a` → `Penata Muda (III/a)`; a PPPK grade `IX` → `Golongan IX`; null stays null. */
export function rankLabel(rank: string | null): string | null {
  if (!rank) return null;
  const pangkat = PANGKAT[rank];
  return pangkat ? `${pangkat} (${rank})` : `Golongan ${rank}`;
}

export const COMPETENCY_LABEL: Record<CompetencyType, string> = {
  teknis: 'Kompetensi Teknis',
  manajerial: 'Kompetensi Manajerial',
  'sosial-kultural': 'Kompetensi Sosial Kultural',
};

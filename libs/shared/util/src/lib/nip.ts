/**
 * NIP (Nomor Induk Pegawai) of a PNS: 18 digits laid out as
 * birth date YYYYMMDD · CPNS appointment YYYYMM · sex 1/2 · sequence NNN
 * (Perka BKN 22/2007). PPPK numbers share the length but not the layout,
 * so callers decide by employment type whether the PNS rules apply.
 */
export interface ParsedNip {
  birthDate: string;
  appointmentMonth: string;
  sex: 'male' | 'female';
  sequence: string;
}

export type NipProblemCode =
  | 'format'
  | 'birth-date'
  | 'appointment-month'
  | 'appointment-before-adulthood'
  | 'appointment-in-future'
  | 'sex-digit';

export type NipProblem = { ok: false; code: NipProblemCode; message: string };
export type NipCheck = { ok: true; value: ParsedNip } | NipProblem;

const ADULT_AGE = 18;

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Messages are in Bahasa Indonesia: they reach admins importing staff lists. */
export function checkPnsNip(nip: string, today: Date = new Date()): NipCheck {
  if (!/^\d{18}$/.test(nip)) {
    return {
      ok: false,
      code: 'format',
      message: `NIP harus 18 digit angka tanpa spasi (diterima ${nip.length} karakter).`,
    };
  }
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  const sexDigit = nip.charAt(14);

  if (by < 1900 || !isRealDate(by, bm, bd) || Date.UTC(by, bm - 1, bd) > today.getTime()) {
    return {
      ok: false,
      code: 'birth-date',
      message: `Digit 1–8 NIP (${nip.slice(0, 8)}) bukan tanggal lahir yang valid (format TTTTBBHH).`,
    };
  }
  if (am < 1 || am > 12 || ay < 1900) {
    return {
      ok: false,
      code: 'appointment-month',
      message: `Digit 9–14 NIP (${nip.slice(8, 14)}) bukan bulan pengangkatan CPNS yang valid (format TTTTBB, bulan 01–12).`,
    };
  }
  // Appointment (TMT CPNS) is month-granular: compare months, allowing the 18th birthday month.
  const adultMonthIndex = (by + ADULT_AGE) * 12 + (bm - 1);
  const appointmentIndex = ay * 12 + (am - 1);
  if (appointmentIndex < adultMonthIndex) {
    return {
      ok: false,
      code: 'appointment-before-adulthood',
      message: `Bulan pengangkatan ${ay}-${pad(am)} lebih awal dari usia 18 tahun pemilik NIP (lahir ${by}-${pad(bm)}-${pad(bd)}).`,
    };
  }
  if (appointmentIndex > today.getUTCFullYear() * 12 + today.getUTCMonth()) {
    return {
      ok: false,
      code: 'appointment-in-future',
      message: `Bulan pengangkatan ${ay}-${pad(am)} pada NIP berada di masa depan.`,
    };
  }
  if (sexDigit !== '1' && sexDigit !== '2') {
    return {
      ok: false,
      code: 'sex-digit',
      message: `Digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan), bukan ${sexDigit}.`,
    };
  }
  return {
    ok: true,
    value: {
      birthDate: `${by}-${pad(bm)}-${pad(bd)}`,
      appointmentMonth: `${ay}-${pad(am)}`,
      sex: sexDigit === '1' ? 'male' : 'female',
      sequence: nip.slice(15),
    },
  };
}

/** PPPK numbers: only the 18-digit shape is certain, so nothing more is enforced. */
export function checkPppkNumber(nip: string): { ok: true } | NipProblem {
  if (!/^\d{18}$/.test(nip)) {
    return {
      ok: false,
      code: 'format',
      message: `Nomor induk PPPK harus 18 digit angka tanpa spasi (diterima ${nip.length} karakter).`,
    };
  }
  return { ok: true };
}

/** The employment type decides which rules a number must follow. */
export function checkEmployeeNumber(
  nip: string,
  employmentType: 'PNS' | 'PPPK',
  today?: Date,
): { ok: true } | NipProblem {
  return employmentType === 'PNS' ? checkPnsNip(nip, today) : checkPppkNumber(nip);
}

/** Builds a valid PNS NIP; used by the seed and by test factories. */
export function composeNip(
  birthDate: string,
  appointmentMonth: string,
  sex: 'male' | 'female',
  sequence: number,
): string {
  return (
    birthDate.replace(/-/g, '') +
    appointmentMonth.replace(/-/g, '') +
    (sex === 'male' ? '1' : '2') +
    pad(sequence, 3)
  );
}

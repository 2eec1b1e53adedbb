import { type ExternalTrainingFields, TRAINING_TYPES } from '@siantar/contracts';
import { addYears, daysBetween } from '../wib-date';

/** More JP than this per calendar day of the training is not believable (a JP is 45 minutes). */
export const MAX_JP_PER_DAY = 10;
/** Trainings that started longer ago than this are too old to claim. */
export const MAX_CLAIM_AGE_YEARS = 5;

export interface FieldError {
  path: string;
  message: string;
}

/**
 * What is wrong with the dates, JP and type of an external training, as field
 * errors in Indonesian; `today` is the Asia/Jakarta date (YYYY-MM-DD).
 */
export function trainingFieldErrors(f: ExternalTrainingFields, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const types: readonly string[] = TRAINING_TYPES[f.route];
  if (!types.includes(f.trainingType)) {
    errors.push({
      path: 'trainingType',
      message: `jenis pelatihan "${f.trainingType}" tidak dikenal untuk jalur ${f.route}; pilih salah satu dari: ${types.join(', ')}`,
    });
  }
  const reversed = f.endDate < f.startDate;
  if (reversed) {
    errors.push({
      path: 'endDate',
      message: `tanggal selesai (${f.endDate}) tidak boleh sebelum tanggal mulai (${f.startDate})`,
    });
  }
  for (const path of ['startDate', 'endDate'] as const) {
    if (f[path] > today) {
      errors.push({
        path,
        message: `tanggal ${f[path]} ada di masa depan (hari ini ${today} WIB); ajukan setelah pelatihan selesai`,
      });
    }
  }
  const oldest = addYears(today, -MAX_CLAIM_AGE_YEARS);
  if (f.startDate < oldest) {
    errors.push({
      path: 'startDate',
      message: `pelatihan yang dimulai lebih dari ${MAX_CLAIM_AGE_YEARS} tahun lalu (sebelum ${oldest}) tidak dapat dicatat`,
    });
  }
  if (!reversed) {
    const days = daysBetween(f.startDate, f.endDate) + 1;
    const max = days * MAX_JP_PER_DAY;
    if (f.jp > max) {
      errors.push({
        path: 'jp',
        message: `${f.jp} JP tidak mungkin untuk ${days} hari pelatihan (${f.startDate} s.d. ${f.endDate}): paling banyak ${MAX_JP_PER_DAY} JP per hari, jadi paling banyak ${max} JP`,
      });
    }
  }
  return errors;
}

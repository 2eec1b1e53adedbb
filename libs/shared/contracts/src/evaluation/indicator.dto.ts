import { Transform } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { trim } from '../common/transforms';

/**
 * Kirkpatrick level 4 (results): a unit-level indicator a programme (course) targets, e.g.
 * the average queue time at a service office (menit, lower is better), the citizen
 * satisfaction index (higher is better), the share of services used online (%).
 */
export const INDICATOR_DIRECTIONS = ['lower-is-better', 'higher-is-better'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** POST /evaluation/courses/:courseId/indicators, PUT /evaluation/courses/:courseId/indicators/:id. */
export class IndicatorRequest {
  @Transform(trim)
  @IsString()
  @MinLength(3, { message: 'nama indikator minimal 3 karakter' })
  @MaxLength(200)
  name!: string;

  /** e.g. "menit", "%", "indeks (0–100)". */
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'satuan wajib diisi' })
  @MaxLength(40)
  unit!: string;

  @IsIn(INDICATOR_DIRECTIONS, { message: 'direction harus lower-is-better atau higher-is-better' })
  direction!: IndicatorDirection;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LIMIT = 1e9;

/**
 * PUT /evaluation/indicators/:id/values: the value of one OPD before the programme and,
 * once measured, after it (replaces that OPD's earlier values).
 */
export class IndicatorValueRequest {
  /** An OPD (or the city itself) in the caller's admin reach. */
  @IsUUID('all', { message: 'orgUnitId harus UUID' })
  orgUnitId!: string;

  @IsNumber({ maxDecimalPlaces: 4 }, { message: 'before harus angka (maks. 4 desimal)' })
  @Min(-LIMIT)
  @Max(LIMIT)
  before!: number;

  /** null until measured after the programme. */
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 4 }, { message: 'after harus angka (maks. 4 desimal)' })
  @Min(-LIMIT)
  @Max(LIMIT)
  after?: number | null;

  /** The day the "before" value was measured (YYYY-MM-DD). */
  @Matches(DAY, { message: 'measuredBefore harus tanggal YYYY-MM-DD' })
  measuredBefore!: string;

  /** The day the "after" value was measured; required with `after`, not before `measuredBefore`. */
  @IsOptional()
  @Matches(DAY, { message: 'measuredAfter harus tanggal YYYY-MM-DD' })
  measuredAfter?: string | null;

  /** Where the figure comes from (e.g. "Aplikasi antrean loket"). */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

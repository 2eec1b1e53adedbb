import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
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
import { COMPETENCY_TYPES, type CompetencyType } from '../catalog/enums';
import { PageQuery } from '../common/page';
import { trim } from '../common/transforms';

export const LEDGER_SOURCES = ['course', 'live', 'external'] as const;
export type LedgerSource = (typeof LEDGER_SOURCES)[number];

/** Peraturan LAN 10/2018: the two routes of competency development. */
export const LEARNING_ROUTES = ['klasikal', 'nonklasikal'] as const;
export type LearningRoute = (typeof LEARNING_ROUTES)[number];

/** Forms of training per route (Peraturan LAN 10/2018), as offered in claim forms. */
export const TRAINING_TYPES = {
  klasikal: [
    'pelatihan',
    'seminar',
    'workshop',
    'kursus',
    'penataran',
    'bimbingan teknis',
    'sosialisasi',
  ],
  nonklasikal: [
    'e-learning',
    'pelatihan jarak jauh',
    'coaching',
    'mentoring',
    'detasering',
    'outbound',
    'patok banding',
    'belajar mandiri',
    'komunitas belajar',
    'magang',
  ],
} as const satisfies Record<LearningRoute, readonly string[]>;
export type TrainingType = (typeof TRAINING_TYPES)[LearningRoute][number];

export interface LedgerEntryView {
  id: string;
  userId: string;
  nip: string | null;
  /** Asia/Jakarta calendar date the hours count for (YYYY-MM-DD). */
  entryDate: string;
  year: number;
  source: LedgerSource;
  sourceRef: string | null;
  title: string;
  provider: string;
  trainingType: string;
  route: LearningRoute;
  competencyType: CompetencyType;
  /** Negative on a reversing entry. */
  jp: number;
  startDate: string;
  endDate: string;
  certificateNumber: string | null;
  /** Set on a reversing entry: the entry it cancels, and why. */
  reversesId: string | null;
  reason: string | null;
  /** Set on an entry that a later entry reversed. */
  reversedById: string | null;
  recordedAt: string;
}

export interface LearningHoursYear {
  year: number;
  jp: number;
  target: number | null;
  byCompetency: Record<CompetencyType, number>;
  byRoute: Record<LearningRoute, number>;
}

/** One person's ledger for a year, with the totals of every year they have. */
export interface LearningHoursResponse {
  userId: string;
  name: string;
  nip: string | null;
  employmentType: 'PNS' | 'PPPK' | 'NON_ASN';
  year: number;
  /** The yearly target of their employment type; null for NON_ASN. */
  target: number | null;
  jp: number;
  byCompetency: Record<CompetencyType, number>;
  byRoute: Record<LearningRoute, number>;
  entries: LedgerEntryView[];
  /** Every year with entries, newest first (always includes the current year). */
  history: LearningHoursYear[];
}

/** Fields of an external training, as claimed by a learner or entered by an admin. */
export class ExternalTrainingFields {
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title!: string;

  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  provider!: string;

  @IsIn(['klasikal', 'nonklasikal'])
  route!: LearningRoute;

  @IsString()
  @MaxLength(40)
  trainingType!: string;

  @IsIn(COMPETENCY_TYPES)
  competencyType!: CompetencyType;

  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'gunakan format tanggal YYYY-MM-DD' })
  startDate!: string;

  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'gunakan format tanggal YYYY-MM-DD' })
  endDate!: string;

  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(500)
  jp!: number;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  certificateNumber?: string;
}

/** A learner's claim: evidence (an uploaded file, purpose "evidence") is required. */
export class TrainingClaimRequest extends ExternalTrainingFields {
  @IsUUID()
  evidenceFileId!: string;
}

/** An admin enters an external training straight into someone's ledger. */
export class AdminLedgerEntryRequest extends ExternalTrainingFields {
  @IsOptional()
  @IsUUID()
  evidenceFileId?: string;
}

export const CLAIM_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface TrainingClaimView {
  id: string;
  userId: string;
  userName: string;
  nip: string | null;
  orgUnitName: string;
  title: string;
  provider: string;
  route: LearningRoute;
  trainingType: string;
  competencyType: CompetencyType;
  startDate: string;
  endDate: string;
  jp: number;
  certificateNumber: string | null;
  /** A short-lived signed URL of the evidence file. */
  evidenceUrl: string | null;
  evidenceFilename: string | null;
  status: ClaimStatus;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  ledgerEntryId: string | null;
  createdAt: string;
}

export class ClaimDecisionRequest {
  @IsIn(['approve', 'reject'])
  decision!: 'approve' | 'reject';

  /** Required when rejecting: the learner sees it. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ReverseEntryRequest {
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason!: string;
}

export class ClaimListQuery extends PageQuery {
  @IsOptional()
  @IsIn(CLAIM_STATUSES)
  status?: ClaimStatus;
}

export class YearQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export interface JpTargetView {
  employmentType: 'PNS' | 'PPPK';
  jp: number;
  updatedAt: string;
}

/** At most 40: the reports count people by whole JP up to 40 (the regulation's figure is 20). */
export class JpTargetRequest {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(40)
  jp!: number;
}

/**
 * One row of the per-person export for the national civil-service system (SIASN
 * "riwayat kursus/diklat"): one training per row, reversed entries left out.
 */
export interface SiasnTrainingRow {
  nip: string;
  namaKursus: string;
  institusiPenyelenggara: string;
  jenisDiklat: string;
  jumlahJam: number;
  tahunKursus: number;
  tanggalKursus: string;
  tanggalSelesaiKursus: string;
  nomorSertipikat: string;
}

/** An uploaded evidence file (POST /me/training-claims/evidence), to send as evidenceFileId. */
export interface EvidenceUploadResponse {
  fileId: string;
  filename: string;
}

export const SIASN_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type SiasnExportFormat = (typeof SIASN_EXPORT_FORMATS)[number];

/** GET /users/:userId/learning-hours/siasn: every year when `year` is absent. */
export class SiasnExportQuery extends YearQuery {
  @IsOptional()
  @IsIn(SIASN_EXPORT_FORMATS)
  format: SiasnExportFormat = 'csv';
}

import { Transform } from 'class-transformer';
import {
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { trim } from '../common/transforms';

/**
 * Register number formats. Placeholders: `{seq}` (or `{seq:4}`, zero-padded to 1–8 digits),
 * `{year}`, `{issuer}` (the issuing unit's code, e.g. BKPSDM), `{month}` (01–12) and
 * `{month-roman}` (I–XII), all of the issue date in Asia/Jakarta. `{seq}`, `{year}` and
 * `{issuer}` are required, so two issuers or two years can never print the same number.
 * Literal text: letters, digits, space and `. / _ -`.
 */
export const CERTIFICATE_NUMBER_FORMAT =
  /^(?=.*\{seq(?::[1-8])?\})(?=.*\{year\})(?=.*\{issuer\})[A-Za-z0-9 ./_-]*(?:\{(?:seq(?::[1-8])?|year|issuer|month|month-roman)\}[A-Za-z0-9 ./_-]*)*$/;

export const DEFAULT_CERTIFICATE_NUMBER_FORMAT = '{seq:4}/SKP/{issuer}/{year}';

/** The layout fields of a certificate template (per issuing org unit). */
export class CertificateTemplateRequest {
  /** Heading, e.g. `SURAT KETERANGAN PELATIHAN`. */
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(120)
  title!: string;

  /** Sentence before the learner's details, e.g. `Diberikan kepada:`. */
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  introText!: string;

  /** Issuer as printed, e.g. `Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Pematangsiantar`. */
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  issuerName!: string;

  /** Place of issue before the date, e.g. `Pematangsiantar`. */
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  place!: string;

  @Transform(trim)
  @IsString()
  @MaxLength(80)
  @Matches(CERTIFICATE_NUMBER_FORMAT, {
    message:
      'format nomor harus memuat {seq} (atau {seq:4}), {year} dan {issuer}; boleh {month} dan {month-roman}; teks lain hanya huruf, angka, spasi dan . / _ -',
  })
  numberFormat!: string;

  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(150)
  signatoryName!: string;

  /** The signatory's NIP (18 digits), or null (e.g. a signatory who is not ASN). */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^\d{18}$/, { message: 'NIP penanda tangan harus 18 digit angka' })
  signatoryNip?: string | null;

  /** e.g. `Kepala BKPSDM Kota Pematangsiantar`. */
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  signatoryPosition!: string;

  /** An uploaded image (POST /files, purpose `cover`) in PNG or JPEG; null for none. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  logoFileId?: string | null;

  /** The signatory's signature as an image (PNG with transparency works best) or null. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  signatureFileId?: string | null;
}

/** A template's fields as stored (every optional field present, null when unset). */
export interface CertificateTemplateFields {
  title: string;
  introText: string;
  issuerName: string;
  place: string;
  numberFormat: string;
  signatoryName: string;
  signatoryNip: string | null;
  signatoryPosition: string;
  logoFileId: string | null;
  signatureFileId: string | null;
}

/**
 * `own`: this unit's template; `inherited`: the nearest ancestor's; `default`: the built-in one
 * (no template on the way to the root). Certificates of courses owned by this unit use it.
 */
export type CertificateTemplateSource = 'own' | 'inherited' | 'default';

export interface CertificateTemplateView {
  orgUnitId: string;
  orgUnitName: string;
  source: CertificateTemplateSource;
  /** The unit whose template applies (and whose register it numbers in); null for `default`. */
  templateOrgUnitId: string | null;
  templateOrgUnitName: string | null;
  fields: CertificateTemplateFields;
  /** Signed short-lived URLs for previews. */
  logoUrl: string | null;
  signatureUrl: string | null;
  /** The next number this template would give now, e.g. `0001/SKP/BKPSDM/2026` (not reserved). */
  numberPreview: string;
  updatedAt: string | null;
}

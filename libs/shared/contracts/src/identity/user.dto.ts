import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../common/page';
import {
  EMPLOYMENT_TYPES,
  EmploymentType,
  LANGUAGES,
  Language,
  PNS_RANKS,
  PPPK_GRADES,
  ROLES,
  Role,
} from './enums';
import { lower, trim } from '../common/transforms';

export const RANKS: readonly string[] = [...PNS_RANKS, ...PPPK_GRADES];

export class CreateUserRequest {
  /** Required for PNS and PPPK; partner staff (NON_ASN) have none. */
  @ValidateIf((o: CreateUserRequest) => o.employmentType !== 'NON_ASN' || o.nip !== undefined)
  @Transform(trim)
  @Matches(/^\d{18}$/, { message: 'nip harus 18 digit angka' })
  nip?: string;

  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(150)
  name!: string;

  @Transform(lower)
  @IsEmail({}, { message: 'email tidak valid' })
  @MaxLength(254)
  email!: string;

  @IsOptional()
  @Transform(trim)
  @Matches(/^\+?[0-9 ()-]{6,20}$/, {
    message: 'telepon hanya boleh berisi angka, spasi, +, -, ( )',
  })
  phone?: string;

  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(150)
  position!: string;

  @IsOptional()
  @IsIn(RANKS, { message: 'golongan tidak dikenal (contoh: III/a untuk PNS, IX untuk PPPK)' })
  rank?: string;

  @IsIn(EMPLOYMENT_TYPES)
  employmentType!: EmploymentType;

  @IsUUID()
  orgUnitId!: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @IsOptional()
  @IsUUID()
  supervisorId?: string;

  @IsOptional()
  @IsUUID()
  adminScopeId?: string;

  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class UpdateUserRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(150)
  name?: string;

  @IsOptional()
  @Transform(lower)
  @IsEmail({}, { message: 'email tidak valid' })
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @Transform(trim)
  @Matches(/^\+?[0-9 ()-]{6,20}$/, {
    message: 'telepon hanya boleh berisi angka, spasi, +, -, ( )',
  })
  phone?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(150)
  position?: string;

  @IsOptional()
  @IsIn(RANKS, { message: 'golongan tidak dikenal (contoh: III/a untuk PNS, IX untuk PPPK)' })
  rank?: string;

  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @IsOptional()
  @IsUUID()
  supervisorId?: string;

  @IsOptional()
  @IsUUID()
  adminScopeId?: string;
}

/** What a signed-in user may change about themselves. */
export class UpdateMeRequest {
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @IsOptional()
  @Transform(trim)
  @Matches(/^\+?[0-9 ()-]{6,20}$/, {
    message: 'telepon hanya boleh berisi angka, spasi, +, -, ( )',
  })
  phone?: string;
}

export class ListUsersQuery extends PageQuery {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}

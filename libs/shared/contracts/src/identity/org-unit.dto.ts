import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ORG_UNIT_KINDS, OrgUnitKind } from './enums';
import { trim } from '../common/transforms';

export class CreateOrgUnitRequest {
  @Transform(trim)
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,39}$/, {
    message: 'kode unit: 2–40 huruf besar, angka atau tanda hubung (contoh: DISDUKCAPIL)',
  })
  code!: string;

  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @IsIn(ORG_UNIT_KINDS)
  kind!: OrgUnitKind;

  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class UpdateOrgUnitRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export interface OrgUnitResponse {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  /** Names from the root down to this unit, for breadcrumbs. */
  path: string[];
  userCount: number;
}

import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../common/page';
import { COMPETENCY_TYPES, type CompetencyType, DELIVERY_MODES, type DeliveryMode } from './enums';

export class CatalogQuery extends PageQuery {
  /** Searches title, code and summary (Indonesian text search). */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsIn(COMPETENCY_TYPES)
  competencyType?: CompetencyType;

  @IsOptional()
  @IsIn(DELIVERY_MODES)
  deliveryMode?: DeliveryMode;

  /** Courses targeted at this org unit (or at everyone). */
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  jpMin?: number;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  jpMax?: number;

  @IsOptional()
  @IsIn(['relevance', 'title', 'newest', 'jp'])
  sort?: 'relevance' | 'title' | 'newest' | 'jp';
}

/** Admin bulk enrolment: any mix of people, whole org units (with sub-units) and positions. */
export class BulkEnrolRequest {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  userIds?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  orgUnitIds?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(150, { each: true })
  positions?: string[];
}

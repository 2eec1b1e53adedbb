import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../common/page';
import { trim } from '../common/transforms';
import { QUESTION_TYPES, type QuestionType } from './question';

export class CreateBankRequest {
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name!: string;

  /** A course bank belongs to one course (its authors edit it); without it the bank is shared. */
  @IsOptional()
  @IsUUID()
  courseId?: string;
}

export class BankListQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  courseId?: string;
}

export class CreateCategoryRequest {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class QuestionListQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  tag?: string;

  @IsOptional()
  @IsIn(QUESTION_TYPES)
  type?: QuestionType;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;
}

/**
 * Creates or edits a question. `draft` is a `QuestionDraft`; the server checks
 * it type by type and answers 400 naming the field to fix.
 */
export class SaveQuestionRequest {
  @IsUUID()
  categoryId!: string;

  @IsObject()
  draft!: Record<string, unknown>;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];
}

export const IMPORT_FORMATS = ['gift', 'aiken'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** 2 MB of text is far more than any real GIFT file (Moodle's own exports of big banks are ~500 KB). */
export const MAX_IMPORT_CHARS = 2_000_000;

export class ImportPreviewRequest {
  @IsIn(IMPORT_FORMATS)
  format!: ImportFormat;

  @IsString()
  @MaxLength(MAX_IMPORT_CHARS)
  text!: string;
}

/** Confirms an import after the preview: the text is parsed again and the good questions saved. */
export class ImportConfirmRequest extends ImportPreviewRequest {
  /** Category for questions without `$CATEGORY:`; default: the bank's top category. */
  @IsOptional()
  @IsUUID()
  categoryId?: string;
}

export class RegradeRequest {
  /** Regrade attempts of this question only (its newest version's key is used). */
  @IsOptional()
  @IsUUID()
  questionId?: string;

  @Type(() => String)
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}

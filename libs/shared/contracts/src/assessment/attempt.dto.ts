import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/page';
import { trim } from '../common/transforms';

/**
 * Saves the answer of one slot. `seq` grows by one or more with every change the
 * browser makes; the server keeps the highest and answers 409 to an older one, so a
 * replay after reconnecting can never overwrite a newer answer.
 */
export class SaveAnswerRequest {
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  seq!: number;

  /** A `QuestionResponse` for the slot's question type; checked against the question as shown. */
  @IsObject()
  response!: Record<string, unknown>;
}

export class RubricScoreInput {
  @IsString()
  @MaxLength(100)
  criterionId!: string;

  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1000)
  points!: number;
}

/** A trainer marks an essay: either rubric scores (the mark follows from them) or a mark. */
export class ManualGradeRequest {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RubricScoreInput)
  rubric?: RubricScoreInput[];

  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1000)
  mark?: number;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

export class GradingQueueQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  quizId?: string;
}

import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type {
  EndingRating,
  PracticeDocument,
  PracticeMistake,
  SceneMedia,
  Speaker,
} from '@siantar/scenario';

/** One move of a player: a choice, a filled-in practice form, or a menu pick. */
export class SimulationActionBody {
  @IsIn(['choose', 'form', 'menu'], { message: 'type harus choose, form atau menu' })
  type!: 'choose' | 'form' | 'menu';

  /** type choose. */
  @IsOptional()
  @IsString()
  @MaxLength(80)
  choiceId?: string;

  /** type form: field key → the value typed. */
  @IsOptional()
  @IsObject()
  answers?: Record<string, string>;

  /** type menu. */
  @IsOptional()
  @IsString()
  @MaxLength(80)
  optionId?: string;
}

export class SimulationActionRequest {
  /**
   * The action's number in the run: the run's `seq` + 1. Sending the same number again (a
   * retry after a dropped connection) returns the first answer and changes nothing.
   */
  @IsInt()
  @Min(1)
  @Max(10_000)
  seq!: number;

  @ValidateNested()
  @Type(() => SimulationActionBody)
  action!: SimulationActionBody;
}

/** A practice task as the player sees it: no expected answers. */
export type PracticeView =
  | {
      kind: 'form';
      instructions: string;
      appName: string;
      screenTitle: string;
      documents: PracticeDocument[];
      fields: {
        key: string;
        label: string;
        type: 'text' | 'number' | 'date' | 'select';
        options?: string[];
        required: boolean;
      }[];
      done: boolean;
    }
  | {
      kind: 'menu-path';
      instructions: string;
      appName: string;
      /** The screen the learner is on (null once the path is done). */
      screen: { id: string; title: string; options: { id: string; label: string }[] } | null;
      step: number;
      steps: number;
      done: boolean;
    };

export interface SceneView {
  id: string;
  title: string;
  /** Sanitised HTML. */
  narrative: string;
  speaker: Speaker | null;
  /** With a URL the browser can load (an uploaded file's download URL). */
  media: (SceneMedia & { src: string }) | null;
  practice: PracticeView | null;
  /** The choices offered now (none until the practice is done). */
  choices: { id: string; label: string }[];
}

export interface SimulationRunView {
  id: string;
  /** Actions played so far; the next action's seq is this + 1. */
  seq: number;
  status: 'playing' | 'ended';
  startedAt: string;
  finishedAt: string | null;
  scene: SceneView;
  /** The state the learner may see (e.g. the citizen's patience). */
  variables: {
    key: string;
    label: string;
    value: number;
    min: number | null;
    max: number | null;
  }[];
  scores: { key: string; label: string; value: number }[];
  totalScore: number;
  mistakes: PracticeMistake[];
  ending: {
    rating: EndingRating;
    debrief: string;
    /** Whether this run completes the lesson under its settings. */
    completes: boolean;
  } | null;
}

export interface SimulationActionResponse {
  run: SimulationRunView;
  /** The chosen option's feedback. */
  feedback: string | null;
  /** Mistakes this action made, each explained. */
  mistakes: PracticeMistake[];
}

export interface SimulationRunSummary {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  rating: EndingRating | null;
  totalScore: number;
  completes: boolean;
}

/** A simulation lesson for its learner: the run in play (resumed) and the runs before. */
export interface SimulationLessonView {
  lessonId: string;
  title: string;
  completion: 'ending' | 'min-score';
  minScore: number | null;
  counts: 'best' | 'last';
  run: SimulationRunView | null;
  /** The run whose result counts (best or last, as the author chose). */
  counted: SimulationRunSummary | null;
  runs: SimulationRunSummary[];
}

import type {
  ChoiceAnswer,
  ImportFormat,
  ImportPreviewQuestion,
  ImportPreviewResponse,
  NumericalAnswer,
  QuestionBody,
  QuestionDraft,
  TextAnswer,
} from '@siantar/contracts';
import { readAiken } from './aiken-parser';
import { isAnyNumber } from './any-number';
import { readGift } from './gift-parser';
import type { ParsedFile } from './parsed-file';

export function parseGift(text: string): ImportPreviewResponse {
  return preview(readGift(text));
}

export function parseAiken(text: string): ImportPreviewResponse {
  return preview(readAiken(text));
}

/** The preview endpoint's entry point: never throws for a bad file, it reports lines instead. */
export function parseQuestions(format: ImportFormat, text: string): ImportPreviewResponse {
  return format === 'gift' ? parseGift(text) : parseAiken(text);
}

function preview(parsed: ParsedFile): ImportPreviewResponse {
  return {
    questions: parsed.items.map(({ draft, line }) => toPreview(draft, line)),
    errors: parsed.errors,
  };
}

type PreviewAnswer = NonNullable<ImportPreviewQuestion['answers']>[number];
type TypeFields = Pick<
  ImportPreviewQuestion,
  | 'answers'
  | 'correct'
  | 'feedbackTrue'
  | 'feedbackFalse'
  | 'pairs'
  | 'distractors'
  | 'caseSensitive'
  | 'scoring'
>;

/**
 * The one place that flattens a draft for the preview, so the table the author checks
 * and the draft a confirmed import stores cannot disagree.
 */
export function toPreview(draft: QuestionDraft, line: number): ImportPreviewQuestion {
  return {
    line,
    type: draft.body.type,
    name: draft.name,
    text: draft.text,
    format: draft.format,
    ...(draft.generalFeedback === undefined ? {} : { generalFeedback: draft.generalFeedback }),
    defaultMark: draft.defaultMark,
    ...(draft.category === undefined ? {} : { category: draft.category }),
    ...typeFields(draft.body),
    draft,
  };
}

function typeFields(body: QuestionBody): TypeFields {
  switch (body.type) {
    case 'single-choice':
      return { answers: body.answers.map(choiceRow) };
    case 'multiple-response':
      return { answers: body.answers.map(choiceRow), scoring: body.scoring };
    case 'true-false':
      return {
        correct: body.correct,
        ...(body.feedbackTrue === undefined ? {} : { feedbackTrue: body.feedbackTrue }),
        ...(body.feedbackFalse === undefined ? {} : { feedbackFalse: body.feedbackFalse }),
      };
    case 'short-answer':
      return { answers: body.answers.map(choiceRow), caseSensitive: body.caseSensitive };
    case 'numerical':
      return { answers: body.answers.map(numericalRow) };
    case 'matching':
      return {
        pairs: body.pairs.map(({ prompt, answer }) => ({ prompt, answer })),
        distractors: [...body.distractors],
      };
    case 'ordering':
    case 'cloze':
    case 'essay':
    case 'description':
      // Nothing flat to show beside the text; the draft carries items, gaps and rubric.
      return {};
  }
}

function withFeedback(feedback: string | undefined): { feedback?: string } {
  return feedback === undefined ? {} : { feedback };
}

function choiceRow(answer: ChoiceAnswer | TextAnswer): PreviewAnswer {
  return { text: answer.text, fraction: answer.fraction, ...withFeedback(answer.feedback) };
}

function numericalRow(answer: NumericalAnswer): PreviewAnswer {
  const common = { fraction: answer.fraction, ...withFeedback(answer.feedback) };
  if (answer.kind === 'exact') {
    return {
      text: `${answer.value}:${answer.tolerance}`,
      value: answer.value,
      tolerance: answer.tolerance,
      ...common,
    };
  }
  return {
    text: isAnyNumber(answer) ? '*' : `${answer.min}..${answer.max}`,
    min: answer.min,
    max: answer.max,
    ...common,
  };
}

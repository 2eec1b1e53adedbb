import type { NumericalAnswer, QuestionBody } from '@siantar/contracts';

const numeric = (a: NumericalAnswer) =>
  a.kind === 'range'
    ? `${a.min}–${a.max}`
    : a.tolerance > 0
      ? `${a.value} ± ${a.tolerance}`
      : `${a.value}`;

/** The right answer in words, for review screens that may show it. */
export function rightAnswerText(body: QuestionBody): string | undefined {
  switch (body.type) {
    case 'single-choice':
      return body.answers.find((a) => a.fraction === 1)?.text;
    case 'multiple-response':
      return body.answers
        .filter((a) => a.fraction > 0)
        .map((a) => a.text)
        .join('; ');
    case 'true-false':
      return body.correct ? 'Benar' : 'Salah';
    case 'short-answer':
      return body.answers.find((a) => a.fraction === 1)?.text;
    case 'numerical': {
      const full = body.answers.find((a) => a.fraction === 1);
      return full ? numeric(full) : undefined;
    }
    case 'matching':
      return body.pairs.map((p) => `${p.prompt} → ${p.answer}`).join('; ');
    case 'ordering':
      return body.items.map((i) => i.text).join(' → ');
    case 'cloze':
      return body.gaps
        .map((g) => {
          if (g.type === 'numerical') {
            const full = g.answers.find((a) => a.fraction === 1);
            return full ? numeric(full) : '';
          }
          return g.answers.find((a) => a.fraction === 1)?.text ?? '';
        })
        .join('; ');
    case 'essay':
    case 'description':
      return undefined;
  }
}

import type { CompletionRules } from '@siantar/contracts';

export interface RulesProblem {
  path: string;
  message: string;
}

/**
 * What is wrong with a version's completion rules given its lessons and deadline:
 * checked when an author saves them and again when the draft goes to review
 * (a selected lesson may have been deleted since).
 */
export function completionRulesProblems(
  rules: CompletionRules,
  lessonKeys: string[],
  hasDeadline: boolean,
): RulesProblem[] {
  const problems: RulesProblem[] = [];
  if (rules.lessons === 'selected') {
    if (rules.lessonKeys.length === 0)
      problems.push({
        path: 'completionRules.lessonKeys',
        message: 'pilih minimal satu materi wajib, atau pilih "semua materi"',
      });
    rules.lessonKeys.forEach((k, i) => {
      if (!lessonKeys.includes(k))
        problems.push({
          path: `completionRules.lessonKeys[${i}]`,
          message: 'materi ini tidak ada di draf kursus',
        });
    });
  }
  if (rules.deadline && !hasDeadline)
    problems.push({
      path: 'completionRules.deadline',
      message: 'isi dulu batas waktu penyelesaian kursus (completionDeadline)',
    });
  if (rules.lessons === 'none' && !rules.quizzes && !rules.attendance && !rules.survey)
    problems.push({
      path: 'completionRules',
      message: 'aktifkan minimal satu syarat kelulusan',
    });
  return problems;
}

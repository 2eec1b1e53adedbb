import type { CompletionChecklistItem, CompletionRules, LessonType } from '@siantar/contracts';

export interface CompletionLessonFact {
  key: string;
  title: string;
  type: LessonType;
  completedAt: Date | null;
}

export interface CompletionFacts {
  rules: CompletionRules;
  deadline: Date | null;
  enrolledAt: Date;
  lessons: CompletionLessonFact[];
  surveyAt: Date | null;
}

export interface CompletionEvaluation {
  items: CompletionChecklistItem[];
  /** When the last criterion was met; null while one is unmet. */
  completedAt: Date | null;
  /**
   * When the enrolment counts as passed: once completed, and every quiz lesson
   * passed (at completion, or later when the rules did not require quizzes).
   */
  passedAt: Date | null;
  /** The deadline rule applies, it has passed and not everything was met by then. */
  expired: boolean;
}

const MAX_REMAINING = 20;

interface Part {
  item: CompletionChecklistItem;
  metAt: Date | null;
}

function latest(dates: (Date | null)[], floor: Date): Date | null {
  if (dates.some((d) => d === null)) return null;
  return new Date(Math.max(floor.getTime(), ...(dates as Date[]).map((d) => d.getTime())));
}

function lessonPart(
  criterion: 'lessons' | 'quizzes' | 'attendance',
  lessons: CompletionLessonFact[],
  enrolledAt: Date,
  label: (done: number, total: number) => string,
): Part {
  const done = lessons.filter((l) => l.completedAt !== null);
  return {
    item: {
      criterion,
      label: label(done.length, lessons.length),
      met: done.length === lessons.length,
      done: done.length,
      total: lessons.length,
      remaining: lessons
        .filter((l) => l.completedAt === null)
        .slice(0, MAX_REMAINING)
        .map((l) => l.title),
    },
    metAt: latest(
      lessons.map((l) => l.completedAt),
      enrolledAt,
    ),
  };
}

/** The lessons the "lessons" criterion asks for. */
export function requiredLessons(facts: CompletionFacts): CompletionLessonFact[] {
  const { rules, lessons } = facts;
  if (rules.lessons === 'none') return [];
  if (rules.lessons === 'selected') return lessons.filter((l) => rules.lessonKeys.includes(l.key));
  return lessons.filter((l) => l.type !== 'quiz' && l.type !== 'live-session');
}

/**
 * Evaluates an enrolment against its course version's rules. Pure: the result
 * depends only on the facts (and on `now` for a deadline that has not been met),
 * so evaluating again, or after events that arrived out of order, gives the same
 * completion and the same completion time.
 */
export function evaluateCompletion(facts: CompletionFacts, now: Date): CompletionEvaluation {
  const { rules, lessons, enrolledAt } = facts;
  const parts: Part[] = [];
  if (rules.lessons !== 'none') {
    parts.push(
      lessonPart('lessons', requiredLessons(facts), enrolledAt, (d, t) =>
        rules.lessons === 'all'
          ? `Selesaikan semua materi (${d} dari ${t})`
          : `Selesaikan materi wajib (${d} dari ${t})`,
      ),
    );
  }
  const quizzes = lessons.filter((l) => l.type === 'quiz');
  if (rules.quizzes && quizzes.length > 0) {
    parts.push(lessonPart('quizzes', quizzes, enrolledAt, (d, t) => `Lulus kuis (${d} dari ${t})`));
  }
  const sessions = lessons.filter((l) => l.type === 'live-session');
  if (rules.attendance && sessions.length > 0) {
    parts.push(
      lessonPart(
        'attendance',
        sessions,
        enrolledAt,
        (d, t) => `Hadiri sesi tatap maya sesuai aturan kehadiran (${d} dari ${t})`,
      ),
    );
  }
  if (rules.survey) {
    const met = facts.surveyAt !== null;
    parts.push({
      item: {
        criterion: 'survey',
        label: met ? 'Survei umpan balik sudah diisi' : 'Isi survei umpan balik kursus',
        met,
        done: met ? 1 : 0,
        total: 1,
        remaining: met ? [] : ['Survei umpan balik'],
      },
      metAt: facts.surveyAt,
    });
  }

  const allMetAt = latest(
    parts.map((p) => p.metAt),
    enrolledAt,
  );
  let completedAt = allMetAt;
  let expired = false;
  if (rules.deadline && facts.deadline) {
    const deadline = facts.deadline;
    const inTime = allMetAt !== null ? allMetAt <= deadline : now <= deadline;
    expired = !inTime;
    if (!inTime) completedAt = null;
    parts.push({
      item: {
        criterion: 'deadline',
        label: inTime
          ? 'Selesaikan sebelum batas waktu kursus'
          : 'Batas waktu kursus sudah lewat sebelum semua syarat terpenuhi',
        met: allMetAt !== null && inTime,
        done: allMetAt !== null && inTime ? 1 : 0,
        total: 1,
        remaining: [],
      },
      metAt: allMetAt,
    });
  }

  const quizzesAt = latest(
    quizzes.map((q) => q.completedAt),
    enrolledAt,
  );
  const passedAt =
    completedAt && quizzesAt
      ? new Date(Math.max(completedAt.getTime(), quizzesAt.getTime()))
      : null;
  return { items: parts.map((p) => p.item), completedAt, passedAt, expired };
}

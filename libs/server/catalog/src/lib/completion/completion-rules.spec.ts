import { DEFAULT_COMPLETION_RULES, type CompletionRules } from '@siantar/contracts';
import {
  type CompletionFacts,
  type CompletionLessonFact,
  evaluateCompletion,
} from './completion-rules';

const T0 = new Date('2026-03-01T00:00:00Z');
const at = (day: number) => new Date(T0.getTime() + day * 86_400_000);

function lesson(
  key: string,
  type: CompletionLessonFact['type'],
  completedDay: number | null,
): CompletionLessonFact {
  return {
    key,
    title: `Materi ${key}`,
    type,
    completedAt: completedDay === null ? null : at(completedDay),
  };
}

function facts(
  rules: Partial<CompletionRules>,
  lessons: CompletionLessonFact[],
  extra: Partial<CompletionFacts> = {},
): CompletionFacts {
  return {
    rules: { ...DEFAULT_COMPLETION_RULES, ...rules },
    deadline: null,
    enrolledAt: T0,
    lessons,
    surveyAt: null,
    ...extra,
  };
}

describe('evaluateCompletion', () => {
  const course = [
    lesson('a', 'text', 1),
    lesson('b', 'video', 3),
    lesson('q', 'quiz', 5),
    lesson('l', 'live-session', null),
  ];

  it('needs every lesson, quiz and live session by default; the checklist names what remains', () => {
    const r = evaluateCompletion(facts({}, course), at(10));
    expect(r.completedAt).toBeNull();
    expect(r.items.map((i) => [i.criterion, i.met, i.done, i.total])).toEqual([
      ['lessons', true, 2, 2],
      ['quizzes', true, 1, 1],
      ['attendance', false, 0, 1],
    ]);
    expect(r.items[2].remaining).toEqual(['Materi l']);
  });

  it('completes at the moment the last criterion was met, not when evaluated', () => {
    const done = course.map((l) => (l.key === 'l' ? { ...l, completedAt: at(4) } : l));
    const r = evaluateCompletion(facts({}, done), at(30));
    expect(r.completedAt).toEqual(at(5));
    expect(r.passedAt).toEqual(at(5));
    expect(evaluateCompletion(facts({}, done), at(99))).toEqual(r);
  });

  it('leaves switched-off criteria out: attendance off completes without the session', () => {
    const r = evaluateCompletion(facts({ attendance: false }, course), at(10));
    expect(r.completedAt).toEqual(at(5));
    expect(r.items.map((i) => i.criterion)).toEqual(['lessons', 'quizzes']);
  });

  it('with quizzes not required, completes before the quiz and counts as passed only once it is passed', () => {
    const open = course.map((l) => (l.key === 'q' ? { ...l, completedAt: null } : l));
    const r = evaluateCompletion(facts({ quizzes: false, attendance: false }, open), at(10));
    expect(r.completedAt).toEqual(at(3));
    expect(r.passedAt).toBeNull();
    const passed = open.map((l) => (l.key === 'q' ? { ...l, completedAt: at(8) } : l));
    expect(
      evaluateCompletion(facts({ quizzes: false, attendance: false }, passed), at(10)).passedAt,
    ).toEqual(at(8));
  });

  it('requires only the selected lessons when the author picks them', () => {
    const r = evaluateCompletion(
      facts({ lessons: 'selected', lessonKeys: ['a'], quizzes: false, attendance: false }, [
        lesson('a', 'text', 2),
        lesson('b', 'video', null),
      ]),
      at(10),
    );
    expect(r.completedAt).toEqual(at(2));
    expect(r.items[0]).toMatchObject({ criterion: 'lessons', done: 1, total: 1 });
  });

  it('waits for the feedback survey when required', () => {
    const lessons = [lesson('a', 'text', 2)];
    const rules = { survey: true };
    expect(evaluateCompletion(facts(rules, lessons), at(5)).completedAt).toBeNull();
    expect(
      evaluateCompletion(facts(rules, lessons, { surveyAt: at(6) }), at(7)).completedAt,
    ).toEqual(at(6));
  });

  it('with the deadline rule, completes only when everything was met by the deadline', () => {
    const lessons = [lesson('a', 'text', 4)];
    const rules = { deadline: true };
    const inTime = evaluateCompletion(facts(rules, lessons, { deadline: at(5) }), at(20));
    expect(inTime.completedAt).toEqual(at(4));
    expect(inTime.expired).toBe(false);
    const late = evaluateCompletion(facts(rules, lessons, { deadline: at(3) }), at(20));
    expect(late.completedAt).toBeNull();
    expect(late.expired).toBe(true);
    expect(late.items.at(-1)).toMatchObject({ criterion: 'deadline', met: false });
    const pending = evaluateCompletion(
      facts(rules, [lesson('a', 'text', null)], { deadline: at(5) }),
      at(2),
    );
    expect(pending.expired).toBe(false);
    const missed = evaluateCompletion(
      facts(rules, [lesson('a', 'text', null)], { deadline: at(5) }),
      at(6),
    );
    expect(missed.expired).toBe(true);
  });

  it('ignores the deadline rule when the course has no deadline', () => {
    const r = evaluateCompletion(facts({ deadline: true }, [lesson('a', 'text', 4)]), at(20));
    expect(r.completedAt).toEqual(at(4));
    expect(r.items.map((i) => i.criterion)).toEqual(['lessons']);
  });
});

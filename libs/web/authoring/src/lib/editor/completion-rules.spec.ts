import type { CourseVersionResponse } from '@siantar/contracts';
import {
  completionRulesOf,
  completionRulesToSave,
  requirableLessons,
} from './completion-rules.component';

const lesson = (key: string, type: string, title = key) => ({
  id: `id-${key}`,
  key,
  moduleId: 'm',
  position: 0,
  type,
  title,
  durationMinutes: 5,
  content: {},
});

describe('completion rules', () => {
  it('falls back to the defaults for a version without rules', () => {
    expect(completionRulesOf({} as CourseVersionResponse)).toMatchObject({
      lessons: 'all',
      quizzes: true,
      survey: false,
      deadline: false,
    });
  });

  it('sends lesson keys only when lessons are selected, and only keys of the draft', () => {
    const value = {
      lessons: 'selected' as const,
      lessonKeys: ['a', 'gone'],
      quizzes: true,
      attendance: false,
      survey: true,
      deadline: true,
    };
    expect(completionRulesToSave(value, ['a', 'b'], true)).toEqual({ ...value, lessonKeys: ['a'] });
    expect(completionRulesToSave({ ...value, lessons: 'all' }, ['a'], true).lessonKeys).toEqual([]);
  });

  it('drops the deadline rule when the course has no completion deadline', () => {
    const value = {
      lessons: 'all' as const,
      lessonKeys: [],
      quizzes: true,
      attendance: true,
      survey: false,
      deadline: true,
    };
    expect(completionRulesToSave(value, [], false).deadline).toBe(false);
  });

  it('offers every lesson but quizzes and live sessions, by module', () => {
    const modules = [
      { id: 'm1', position: 0, title: 'Satu', lessons: [lesson('a', 'text'), lesson('q', 'quiz')] },
      { id: 'm2', position: 1, title: 'Dua', lessons: [lesson('l', 'live-session')] },
    ] as unknown as CourseVersionResponse['modules'];
    expect(requirableLessons(modules)).toEqual([
      { module: 'Satu', lessons: [{ key: 'a', title: 'a' }] },
    ]);
  });
});

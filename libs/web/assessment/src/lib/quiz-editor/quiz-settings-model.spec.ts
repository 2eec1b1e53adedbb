import type { QuizView } from '@siantar/contracts';
import { isoToWibInput, wibInputToIso } from './jakarta-time';
import {
  buildSettingsRequest,
  defaultSettings,
  settingsFromQuiz,
  slotKey,
  validateSettings,
} from './quiz-settings-model';

describe('WIB date-times', () => {
  it('reads the input as Asia/Jakarta (UTC+7) whatever the browser zone', () => {
    expect(wibInputToIso('2026-12-01T08:00')).toBe('2026-12-01T01:00:00.000Z');
    expect(wibInputToIso('2026-12-01T03:30')).toBe('2026-11-30T20:30:00.000Z');
    expect(wibInputToIso('')).toBeNull();
    expect(wibInputToIso('2026-12-01')).toBeNull();
  });

  it('shows stored times in WIB', () => {
    expect(isoToWibInput('2026-12-01T01:00:00.000Z')).toBe('2026-12-01T08:00');
    expect(isoToWibInput(null)).toBe('');
  });
});

describe('quiz settings', () => {
  it('builds the request from the form', () => {
    const m = defaultSettings('  Pre-test Pelayanan  ');
    m.role = 'pre-test';
    m.timeLimitMinutes = 30;
    m.opensAt = '2026-12-01T08:00';
    m.closesAt = '2026-12-01T16:00';
    m.attemptsAllowed = 1;
    m.slots = [
      {
        key: slotKey(),
        kind: 'question',
        questionId: 'q1',
        count: null,
        includeSubcategories: false,
        mark: null,
        label: 'Soal 1',
      },
      {
        key: slotKey(),
        kind: 'random',
        categoryId: 'c1',
        count: 5,
        includeSubcategories: true,
        mark: 2,
        label: 'Pelayanan',
      },
    ];
    expect(validateSettings(m)).toEqual([]);
    expect(buildSettingsRequest(m)).toEqual({
      title: 'Pre-test Pelayanan',
      slots: [
        { kind: 'question', questionId: 'q1' },
        { kind: 'random', categoryId: 'c1', count: 5, includeSubcategories: true, mark: 2 },
      ],
      shuffleQuestions: false,
      shuffleAnswers: true,
      timeLimitMinutes: 30,
      opensAt: '2026-12-01T01:00:00.000Z',
      closesAt: '2026-12-01T09:00:00.000Z',
      attemptsAllowed: 1,
      gradingMethod: 'highest',
      passPercent: 60,
      review: { when: 'immediately', score: true, rightAnswers: false, feedback: true },
      role: 'pre-test',
      navigation: 'free',
      anonymousGrading: false,
    });
  });

  it('checks title, slots, limits and the window', () => {
    const m = defaultSettings('Ku');
    m.timeLimitMinutes = 0;
    m.opensAt = '2026-12-02T08:00';
    m.closesAt = '2026-12-01T08:00';
    expect(validateSettings(m).map((i) => i.key)).toEqual([
      'assessment.quiz.errors.title',
      'assessment.quiz.errors.noSlots',
      'assessment.quiz.errors.timeLimit',
      'assessment.quiz.errors.window',
    ]);
  });

  it('reads a stored quiz back into the form', () => {
    const quiz = {
      id: 'z1',
      courseId: 'c1',
      title: 'Post-test',
      slots: [{ kind: 'random', categoryId: 'k1', count: 3 }],
      shuffleQuestions: true,
      shuffleAnswers: false,
      timeLimitMinutes: null,
      opensAt: '2026-12-01T01:00:00.000Z',
      closesAt: null,
      attemptsAllowed: 0,
      gradingMethod: 'last',
      passPercent: 70,
      review: { when: 'after-close', score: true, rightAnswers: true, feedback: false },
      role: 'post-test',
      navigation: 'sequential',
      anonymousGrading: true,
      maxMark: 3,
      questionCount: 3,
      updatedAt: '',
    } as QuizView;
    const m = settingsFromQuiz(quiz);
    expect(m).toMatchObject({
      opensAt: '2026-12-01T08:00',
      closesAt: '',
      reviewWhen: 'after-close',
    });
    const {
      id: _id,
      courseId: _c,
      maxMark: _m,
      questionCount: _q,
      updatedAt: _u,
      ...settings
    } = quiz;
    expect(buildSettingsRequest(m)).toEqual({
      ...settings,
      slots: [{ kind: 'random', categoryId: 'k1', count: 3, includeSubcategories: false }],
    });
  });
});

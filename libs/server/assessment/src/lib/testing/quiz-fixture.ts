import type {
  AuthoringCourseResponse,
  BankDetail,
  QuestionDetail,
  QuestionDraft,
  QuizSettingsRequest,
  QuizView,
} from '@siantar/contracts';
import type { TestApp } from '@siantar/server-testing';
import type { DataSource } from 'typeorm';
import request from 'supertest';

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export const QUIZ_DEFAULTS: Omit<QuizSettingsRequest, 'slots'> = {
  title: 'Kuis Pelayanan',
  shuffleQuestions: false,
  shuffleAnswers: false,
  timeLimitMinutes: null,
  opensAt: null,
  closesAt: null,
  attemptsAllowed: 0,
  gradingMethod: 'highest',
  passPercent: 60,
  review: { when: 'immediately', score: true, rightAnswers: true, feedback: true },
  role: 'none',
  navigation: 'free',
  anonymousGrading: false,
};

export const SAMPLE_QUESTIONS: QuestionDraft[] = [
  {
    name: 'Dokumen KTP',
    text: 'Dokumen apa yang wajib dibawa untuk membuat KTP-el baru?',
    format: 'plain',
    defaultMark: 1,
    body: {
      type: 'single-choice',
      answers: [
        { id: 'a1', text: 'Kartu Keluarga', fraction: 1, feedback: 'Benar.' },
        { id: 'a2', text: 'SIM', fraction: 0, feedback: 'SIM tidak diperlukan.' },
        { id: 'a3', text: 'Paspor', fraction: 0 },
      ],
    },
  },
  {
    name: 'Jam layanan',
    text: 'Berapa menit waktu tunggu maksimal sesuai standar pelayanan?',
    format: 'plain',
    defaultMark: 1,
    body: { type: 'numerical', answers: [{ kind: 'exact', value: 15, tolerance: 0, fraction: 1 }] },
  },
  {
    name: 'Salam',
    text: 'Petugas menyapa warga lebih dulu.',
    format: 'plain',
    defaultMark: 1,
    body: { type: 'true-false', correct: true },
  },
];

export const ESSAY: QuestionDraft = {
  name: 'Refleksi',
  text: 'Jelaskan cara Anda menenangkan warga yang marah di loket.',
  format: 'plain',
  defaultMark: 4,
  body: {
    type: 'essay',
    rubric: [
      {
        id: 'empati',
        name: 'Empati',
        levels: [
          { points: 0, description: 'Tidak ada' },
          { points: 2, description: 'Cukup' },
          { points: 4, description: 'Baik' },
        ],
      },
    ],
  },
};

export interface QuizCourse {
  courseId: string;
  bankId: string;
  quizId: string;
  /** With `preTest`: a pre-test over the same questions, the lesson before the quiz. */
  preQuizId: string | null;
  questionIds: string[];
}

/**
 * Drives the real APIs to a published course with one quiz lesson: course,
 * bank with questions, quiz over them, then review and approval.
 */
export async function publishQuizCourse(
  t: TestApp,
  trainer: string,
  admin: string,
  opts: {
    code: string;
    questions?: QuestionDraft[];
    settings?: Partial<QuizSettingsRequest>;
    preTest?: boolean;
    /** Draw this many questions at random from the bank's category instead of fixing them all. */
    randomCount?: number;
  },
): Promise<QuizCourse> {
  const created = await request(t.http)
    .post('/api/v1/authoring/courses')
    .set(auth(trainer))
    .send({ code: opts.code, title: `Kursus ${opts.code}`, summary: 'Kursus dengan kuis.', jp: 2 })
    .expect(201);
  const courseId = (created.body as AuthoringCourseResponse).courseId;
  const withModule = await request(t.http)
    .post(`/api/v1/authoring/courses/${courseId}/draft/modules`)
    .set(auth(trainer))
    .send({ title: 'Modul 1' })
    .expect(201);
  const moduleId = (withModule.body as AuthoringCourseResponse).working.modules[0].id;
  const bank = (
    await request(t.http)
      .post('/api/v1/question-banks')
      .set(auth(trainer))
      .send({ name: `Bank ${opts.code}`, courseId })
      .expect(201)
  ).body as BankDetail;
  const questionIds: string[] = [];
  for (const draft of opts.questions ?? SAMPLE_QUESTIONS) {
    const q = await request(t.http)
      .post(`/api/v1/question-banks/${bank.id}/questions`)
      .set(auth(trainer))
      .send({ categoryId: bank.categories[0].id, draft })
      .expect(201);
    questionIds.push((q.body as QuestionDetail).id);
  }
  const addQuiz = async (title: string, settings: Partial<QuizSettingsRequest>) => {
    const quiz = (
      await request(t.http)
        .post('/api/v1/quizzes')
        .set(auth(trainer))
        .send({
          ...QUIZ_DEFAULTS,
          slots: opts.randomCount
            ? [{ kind: 'random', categoryId: bank.categories[0].id, count: opts.randomCount }]
            : questionIds.map((questionId) => ({ kind: 'question', questionId })),
          ...settings,
          courseId,
        })
        .expect(201)
    ).body as QuizView;
    await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/draft/modules/${moduleId}/lessons`)
      .set(auth(trainer))
      .send({ type: 'quiz', title, durationMinutes: 20, content: { quizId: quiz.id } })
      .expect(201);
    return quiz.id;
  };
  const preQuizId = opts.preTest
    ? await addQuiz('Pre-test', { title: 'Pre-test', role: 'pre-test' })
    : null;
  const quizId = await addQuiz('Kuis akhir', opts.settings ?? {});
  await request(t.http)
    .post(`/api/v1/authoring/courses/${courseId}/draft/submit`)
    .set(auth(trainer))
    .send({ changelog: 'Versi pertama.' })
    .expect(200);
  await request(t.http)
    .post(`/api/v1/authoring/courses/${courseId}/review/approve`)
    .set(auth(admin))
    .send({})
    .expect(200);
  return { courseId, bankId: bank.id, quizId, preQuizId, questionIds };
}

export async function enrol(t: TestApp, courseId: string, token: string): Promise<void> {
  await request(t.http).post(`/api/v1/catalog/${courseId}/enrol`).set(auth(token)).expect(201);
}

/** n auto-graded questions (the sample ones, renamed), for load tests and benchmarks. */
export const manyQuestions = (n: number): QuestionDraft[] =>
  Array.from({ length: n }, (_, i) => ({
    ...SAMPLE_QUESTIONS[i % SAMPLE_QUESTIONS.length],
    name: `Soal ${i + 1}`,
  }));

/** Answers every question of an attempt view: the right choice, 15, true. */
export function rightResponses(view: {
  questions: { slot: number; body: { type: string; choices?: { id: string; text: string }[] } }[];
}): { slot: number; response: Record<string, unknown> }[] {
  return view.questions.map((q) => {
    switch (q.body.type) {
      case 'single-choice':
        return {
          slot: q.slot,
          response: {
            type: 'single-choice',
            choiceId: q.body.choices?.find((c) => c.text === 'Kartu Keluarga')?.id,
          },
        };
      case 'numerical':
        return { slot: q.slot, response: { type: 'numerical', text: '15' } };
      default:
        return { slot: q.slot, response: { type: 'true-false', value: true } };
    }
  });
}

/**
 * Clones a started attempt into `count` submitted ones of the same learner (numbers
 * 2…count+1) with the same answers, straight in SQL: load tests need volume, not the API.
 */
export async function cloneSubmittedAttempts(
  db: DataSource,
  attemptId: string,
  count: number,
): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO quiz_attempt (quiz_id, user_id, enrolment_id, number, status, settings, max_mark, submitted_at, submitted_by)
     SELECT a.quiz_id, a.user_id, a.enrolment_id, a.number + g, 'submitted', a.settings, a.max_mark, now(), 'learner'
       FROM quiz_attempt a, generate_series(1, $2) g WHERE a.id = $1 RETURNING id`,
    [attemptId, count],
  );
  await db.query(
    `INSERT INTO attempt_slot (attempt_id, slot, question_id, question_version_id, max_mark, view, response, seq, saved_at)
     SELECT n.id, s.slot, s.question_id, s.question_version_id, s.max_mark, s.view, s.response, s.seq, s.saved_at
       FROM attempt_slot s CROSS JOIN unnest($2::uuid[]) AS n(id) WHERE s.attempt_id = $1`,
    [attemptId, rows.map((r) => r.id)],
  );
  return rows.map((r) => r.id);
}

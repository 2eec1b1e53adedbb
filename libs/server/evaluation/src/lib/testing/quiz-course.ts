import type {
  AttemptView,
  AuthoringCourseResponse,
  BankDetail,
  QuestionDetail,
  QuizView,
} from '@siantar/contracts';
import request from 'supertest';
import { auth, type EvaluationWorld, type Person } from './evaluation-world';

/** Four true/false questions (every answer "benar"): k right answers score 25·k percent. */
const QUESTIONS = [
  'Warga dapat mengajukan akta kelahiran secara daring.',
  'Nomor antrean daring berlaku di semua loket.',
  'Petugas menyapa warga lebih dulu.',
  'Berkas yang diunggah diperiksa sebelum dicetak.',
].map((text, i) => ({
  name: `Soal ${i + 1}`,
  text,
  format: 'plain',
  defaultMark: 1,
  body: { type: 'true-false', correct: true },
}));

const QUIZ = {
  shuffleQuestions: false,
  shuffleAnswers: false,
  timeLimitMinutes: null,
  opensAt: null,
  closesAt: null,
  attemptsAllowed: 0,
  gradingMethod: 'highest',
  passPercent: 50,
  review: { when: 'immediately', score: true, rightAnswers: true, feedback: true },
  navigation: 'free',
  anonymousGrading: false,
};

/**
 * Drives the real authoring and assessment APIs to a published course (by `trainer`, approved
 * by BKPSDM's admin) with a pre-test and a post-test quiz over the same four questions.
 */
export async function publishQuizCourse(
  w: EvaluationWorld,
  opts: { code: string; title: string; preTest?: boolean },
): Promise<{ courseId: string; preQuizId: string | null; postQuizId: string }> {
  const { t, users } = w;
  const as = auth(users.trainer.token);
  const created = await request(t.http)
    .post('/api/v1/authoring/courses')
    .set(as)
    .send({ code: opts.code, title: opts.title, summary: 'Kursus dengan pre/post-test.', jp: 6 })
    .expect(201);
  const courseId = (created.body as AuthoringCourseResponse).courseId;
  const mod = await request(t.http)
    .post(`/api/v1/authoring/courses/${courseId}/draft/modules`)
    .set(as)
    .send({ title: 'Modul 1' })
    .expect(201);
  const moduleId = (mod.body as AuthoringCourseResponse).working.modules[0].id;
  const bank = (
    await request(t.http)
      .post('/api/v1/question-banks')
      .set(as)
      .send({ name: `Bank ${opts.code}`, courseId })
      .expect(201)
  ).body as BankDetail;
  const questionIds: string[] = [];
  for (const draft of QUESTIONS)
    questionIds.push(
      (
        (
          await request(t.http)
            .post(`/api/v1/question-banks/${bank.id}/questions`)
            .set(as)
            .send({ categoryId: bank.categories[0].id, draft })
            .expect(201)
        ).body as QuestionDetail
      ).id,
    );
  const addQuiz = async (title: string, role: 'pre-test' | 'post-test') => {
    const quiz = (
      await request(t.http)
        .post('/api/v1/quizzes')
        .set(as)
        .send({
          ...QUIZ,
          title,
          role,
          courseId,
          slots: questionIds.map((questionId) => ({ kind: 'question', questionId })),
        })
        .expect(201)
    ).body as QuizView;
    await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/draft/modules/${moduleId}/lessons`)
      .set(as)
      .send({ type: 'quiz', title, durationMinutes: 15, content: { quizId: quiz.id } })
      .expect(201);
    return quiz.id;
  };
  const preQuizId = opts.preTest === false ? null : await addQuiz('Pre-test', 'pre-test');
  const postQuizId = await addQuiz('Post-test', 'post-test');
  await request(t.http)
    .post(`/api/v1/authoring/courses/${courseId}/draft/submit`)
    .set(as)
    .send({ changelog: 'Versi pertama.' })
    .expect(200);
  await request(t.http)
    .post(`/api/v1/authoring/courses/${courseId}/review/approve`)
    .set(auth(users.adminBkpsdm.token))
    .send({})
    .expect(200);
  return { courseId, preQuizId, postQuizId };
}

/**
 * One attempt through the API with `right` of the four answered correctly, submitted; the
 * assessment worker grades it (waited for here).
 */
export async function takeQuiz(
  w: EvaluationWorld,
  quizId: string,
  who: Person,
  right: number,
): Promise<void> {
  const { t } = w;
  const a = (
    await request(t.http)
      .post(`/api/v1/quizzes/${quizId}/attempts`)
      .set(auth(who.token))
      .expect(201)
  ).body as AttemptView;
  for (const [i, q] of a.questions.entries())
    await request(t.http)
      .put(`/api/v1/attempts/${a.id}/answers/${q.slot}`)
      .set(auth(who.token))
      .send({ seq: 1, response: { type: 'true-false', value: i < right } })
      .expect(200);
  await request(t.http).post(`/api/v1/attempts/${a.id}/submit`).set(auth(who.token)).expect(200);
  for (let i = 0; i < 100; i++) {
    const [row] = await t.db.query<{ status: string }[]>(
      `SELECT status FROM quiz_attempt WHERE id = $1`,
      [a.id],
    );
    if (row.status === 'graded') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`attempt ${a.id} was not graded`);
}

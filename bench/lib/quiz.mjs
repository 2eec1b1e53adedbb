// The quiz benchmarks' own course, built once through the real api (like the test fixture
// libs/server/assessment/src/lib/testing/quiz-fixture.ts publishQuizCourse): a bench trainer
// creates course KUIS-BENCH with one quiz lesson over 20 auto-graded questions, a bench admin
// approves it. Then simulated learners `kuis-NNNN@bench.siantar.test` (own users, not the
// progress benchmark's) are enrolled in it, and their attempts started through the api.
import { createSecretKey } from 'node:crypto';
import { join } from 'node:path';
import { freePort, startNode, stop, waitReady } from './proc.mjs';
import { signAccessToken, withDb } from './setup.mjs';

export const QUIZ_COURSE = 'KUIS-BENCH';
export const QUESTIONS = 20;
export const PASS_PERCENT = 60;
const LEARNER_PATTERN = 'kuis-%@bench.siantar.test';
const TRAINER_EMAIL = 'kuis-pelatih@bench.siantar.test';
const ADMIN_EMAIL = 'kuis-admin@bench.siantar.test';

/** The three sample question types of the test fixture, each worth 1 mark. */
const SAMPLES = [
  {
    text: 'Dokumen apa yang wajib dibawa untuk membuat KTP-el baru?',
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
    text: 'Berapa menit waktu tunggu maksimal sesuai standar pelayanan?',
    body: { type: 'numerical', answers: [{ kind: 'exact', value: 15, tolerance: 0, fraction: 1 }] },
  },
  { text: 'Petugas menyapa warga lebih dulu.', body: { type: 'true-false', correct: true } },
];

/** 20 auto-graded questions: single choice, numerical, true/false in turn (manyQuestions(20)). */
const questionDrafts = () =>
  Array.from({ length: QUESTIONS }, (_, i) => ({
    name: `Soal ${i + 1}`,
    text: SAMPLES[i % SAMPLES.length].text,
    format: 'plain',
    defaultMark: 1,
    body: SAMPLES[i % SAMPLES.length].body,
  }));

const QUIZ_SETTINGS = {
  title: 'Kuis Bench',
  shuffleQuestions: false,
  shuffleAnswers: false,
  timeLimitMinutes: null,
  opensAt: null,
  closesAt: null,
  attemptsAllowed: 0,
  gradingMethod: 'highest',
  passPercent: PASS_PERCENT,
  review: { when: 'immediately', score: true, rightAnswers: true, feedback: true },
  role: 'none',
  navigation: 'free',
  anonymousGrading: false,
};

/**
 * One HTTP call to the api; throws unless it answers `expect`.
 * @param {string} base  @param {string} method  @param {string} path  @param {string} token
 * @param {unknown} [body]  @param {number} [expect]
 */
export async function call(base, method, path, token, body, expect = 200) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== expect)
    throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * Starts the api alone for setup work through its routes, runs `fn`, stops it.
 * @template T
 * @param {string} root  @param {NodeJS.ProcessEnv} env
 * @param {(base: string) => Promise<T>} fn
 */
export async function withApi(root, env, fn) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = startNode('api (setup)', join(root, 'dist/apps/api/main.js'), [], {
    ...env,
    PORT: String(port),
  });
  try {
    await waitReady(api, `${base}/api/health/ready`);
    return await fn(base);
  } finally {
    await stop(api);
  }
}

/**
 * Makes sure course KUIS-BENCH exists and is published (built through the api the first time,
 * reused afterwards), with `count` bench learners enrolled in its current version.
 * @param {{ root: string, env: NodeJS.ProcessEnv, count: number, log: (line: string) => void }} o
 * @returns {Promise<{ courseId: string, quizId: string, learners: { userId: string, enrolmentId: string, token: string }[] }>}
 */
export async function ensureQuizCourse({ root, env, count, log }) {
  const url = /** @type {string} */ (env.DATABASE_URL);
  const key = createSecretKey(Buffer.from(/** @type {string} */ (env.JWT_SECRET), 'utf8'));
  let found = await findQuiz(url);
  if (!found) {
    const staff = await withDb(url, async (c) => {
      // NON_ASN: no NIP needed. The admin's scope holds the trainer's unit, the course's owner.
      await c.query(
        `INSERT INTO app_user (name, email, position, employment_type, org_unit_id, roles, admin_scope_id)
         SELECT x.name, x.email, 'Pelaksana', 'NON_ASN', o.id, x.roles, CASE WHEN x.admin THEN o.id END
           FROM org_unit o,
                (VALUES ('Pelatih Kuis Bench', $1, ARRAY['trainer'], false),
                        ('Admin Kuis Bench', $2, ARRAY['admin'], true)) AS x(name, email, roles, admin)
          WHERE o.code = 'BKPSDM'
         ON CONFLICT DO NOTHING`,
        [TRAINER_EMAIL, ADMIN_EMAIL],
      );
      const { rows } = await c.query(`SELECT id, email FROM app_user WHERE email = ANY($1)`, [
        [TRAINER_EMAIL, ADMIN_EMAIL],
      ]);
      const id = (/** @type {string} */ e) => rows.find((r) => r.email === e).id;
      return {
        trainer: signAccessToken(key, id(TRAINER_EMAIL)),
        admin: signAccessToken(key, id(ADMIN_EMAIL)),
      };
    });
    const t = Date.now();
    await withApi(root, env, (base) => publishQuizCourse(base, staff.trainer, staff.admin));
    found = await findQuiz(url);
    if (!found) throw new Error(`${QUIZ_COURSE} was created but no published quiz lesson found`);
    log(
      `course ${QUIZ_COURSE} published through the api (${QUESTIONS} questions, one quiz) in ${Date.now() - t} ms`,
    );
  }
  const { courseId, quizId } = found;
  const rows = await withDb(url, async (c) => {
    await c.query(
      `INSERT INTO app_user (nip, name, email, position, employment_type, org_unit_id, roles)
       SELECT to_char(date '1985-01-01' + g / 2, 'YYYYMMDD') || '201001' || (1 + g % 2)::text || '779',
              'Peserta Kuis ' || g, 'kuis-' || lpad(g::text, 4, '0') || '@bench.siantar.test',
              'Pelaksana', 'PNS', (SELECT id FROM org_unit WHERE code = 'BKPSDM'), ARRAY['learner']
         FROM generate_series(1, $1::int) g
       ON CONFLICT DO NOTHING`,
      [count],
    );
    await c.query(
      `INSERT INTO enrolment (course_id, version_id, user_id, source)
       SELECT c.id, c.current_version_id, u.id, 'admin' FROM course c, app_user u
        WHERE c.id = $1 AND u.email LIKE $2 AND u.active
          AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = c.id AND e.user_id = u.id AND e.status <> 'withdrawn')`,
      [courseId, LEARNER_PATTERN],
    );
    const { rows } = await c.query(
      `SELECT u.id AS user_id, e.id AS enrolment_id
         FROM app_user u JOIN enrolment e ON e.user_id = u.id AND e.course_id = $1 AND e.status <> 'withdrawn'
        WHERE u.email LIKE $2 AND u.active
        ORDER BY u.email LIMIT $3`,
      [courseId, LEARNER_PATTERN, count],
    );
    return rows;
  });
  if (rows.length < count)
    throw new Error(`only ${rows.length} of ${count} quiz bench learners could be enrolled`);
  return {
    courseId,
    quizId,
    learners: rows.map((/** @type {any} */ r) => ({
      userId: r.user_id,
      enrolmentId: r.enrolment_id,
      token: signAccessToken(key, r.user_id),
    })),
  };
}

/** @returns {Promise<{ courseId: string, quizId: string } | undefined>} */
async function findQuiz(/** @type {string} */ url) {
  return withDb(url, async (c) => {
    const { rows } = await c.query(
      `SELECT c.id AS course_id, c.current_version_id, l.content->>'quizId' AS quiz_id
         FROM course c LEFT JOIN lesson l ON l.version_id = c.current_version_id AND l.type = 'quiz'
        WHERE c.code = $1`,
      [QUIZ_COURSE],
    );
    if (rows.length === 0) return undefined;
    if (!rows[0].quiz_id)
      throw new Error(
        `course ${QUIZ_COURSE} exists in ${new URL(url).pathname.slice(1)} but has no published quiz ` +
          '(an earlier setup was interrupted): drop the bench database and run again',
      );
    return { courseId: rows[0].course_id, quizId: rows[0].quiz_id };
  });
}

/** publishQuizCourse of the test fixture, over HTTP: course, module, bank, questions, quiz, lesson, review. */
async function publishQuizCourse(
  /** @type {string} */ base,
  /** @type {string} */ trainer,
  /** @type {string} */ admin,
) {
  const created = await call(
    base,
    'POST',
    '/api/v1/authoring/courses',
    trainer,
    { code: QUIZ_COURSE, title: 'Kuis Bench', summary: 'Kursus uji beban kuis.', jp: 2 },
    201,
  );
  const courseId = created.courseId;
  const withModule = await call(
    base,
    'POST',
    `/api/v1/authoring/courses/${courseId}/draft/modules`,
    trainer,
    { title: 'Modul 1' },
    201,
  );
  const moduleId = withModule.working.modules[0].id;
  const bank = await call(
    base,
    'POST',
    '/api/v1/question-banks',
    trainer,
    { name: `Bank ${QUIZ_COURSE}`, courseId },
    201,
  );
  const questionIds = [];
  for (const draft of questionDrafts()) {
    const q = await call(
      base,
      'POST',
      `/api/v1/question-banks/${bank.id}/questions`,
      trainer,
      { categoryId: bank.categories[0].id, draft },
      201,
    );
    questionIds.push(q.id);
  }
  const quiz = await call(
    base,
    'POST',
    '/api/v1/quizzes',
    trainer,
    {
      ...QUIZ_SETTINGS,
      slots: questionIds.map((questionId) => ({ kind: 'question', questionId })),
      courseId,
    },
    201,
  );
  await call(
    base,
    'POST',
    `/api/v1/authoring/courses/${courseId}/draft/modules/${moduleId}/lessons`,
    trainer,
    { type: 'quiz', title: 'Kuis akhir', durationMinutes: 20, content: { quizId: quiz.id } },
    201,
  );
  await call(
    base,
    'POST',
    `/api/v1/authoring/courses/${courseId}/draft/submit`,
    trainer,
    { changelog: 'Versi pertama.' },
    200,
  );
  await call(base, 'POST', `/api/v1/authoring/courses/${courseId}/review/approve`, admin, {}, 200);
}

/**
 * Deletes every attempt of the quiz (slots and grade events go with them) and the quiz lesson's
 * progress of the bench learners, so that each benchmark starts from the same state; then vacuums.
 */
export async function deleteAttempts(
  /** @type {string} */ url,
  /** @type {string} */ quizId,
  /** @type {string} */ courseId,
) {
  await withDb(url, async (c) => {
    await c.query(`DELETE FROM quiz_attempt WHERE quiz_id = $1`, [quizId]);
    await c.query(
      `DELETE FROM lesson_progress lp USING enrolment e, lesson l
        WHERE lp.enrolment_id = e.id AND e.course_id = $1 AND lp.lesson_id = l.id AND l.type = 'quiz'`,
      [courseId],
    );
  });
  await vacuumQuizTables(url);
}

/**
 * VACUUM (ANALYZE) of the tables the quiz benchmarks churn. Each run deletes and rewrites
 * thousands of attempts and slots; without this (and with autovacuum off or lagging) dead rows
 * pile up and the planner's statistics go stale, so that later runs measure table bloat.
 */
export async function vacuumQuizTables(/** @type {string} */ url) {
  await withDb(url, (c) =>
    c.query(`VACUUM (ANALYZE) quiz_attempt, attempt_slot, grade_event, lesson_progress`),
  );
}

/**
 * Starts one attempt per learner through the api (POST /quizzes/:id/attempts), `parallel` at a time.
 * @param {string} base  @param {string} quizId  @param {{ token: string }[]} learners
 * @returns {Promise<any[]>} the AttemptViews, in the learners' order
 */
export async function startAttempts(base, quizId, learners, parallel = 20) {
  /** @type {any[]} */
  const views = new Array(learners.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, learners.length) }, async () => {
      while (next < learners.length) {
        const i = next++;
        views[i] = await call(
          base,
          'POST',
          `/api/v1/quizzes/${quizId}/attempts`,
          learners[i].token,
          undefined,
          201,
        );
      }
    }),
  );
  return views;
}

/**
 * The right and a wrong response for a question as shown in an AttemptView (the questions are
 * this file's: the right choice is "Kartu Keluarga", the right number 15, the statement true).
 * @param {{ type: string, choices?: { id: string, text: string }[] }} body
 */
export function responsesFor(body) {
  const choice = (/** @type {string} */ text) => {
    const c = body.choices?.find((x) => x.text === text);
    if (!c) throw new Error(`no choice "${text}" in ${JSON.stringify(body)}`);
    return c.id;
  };
  switch (body.type) {
    case 'single-choice':
      return {
        right: { type: 'single-choice', choiceId: choice('Kartu Keluarga') },
        wrong: { type: 'single-choice', choiceId: choice('SIM') },
      };
    case 'numerical':
      return { right: { type: 'numerical', text: '15' }, wrong: { type: 'numerical', text: '14' } };
    case 'true-false':
      return {
        right: { type: 'true-false', value: true },
        wrong: { type: 'true-false', value: false },
      };
    default:
      throw new Error(`unexpected question type ${body.type}`);
  }
}

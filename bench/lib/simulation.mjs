// The simulation benchmark's own course, scenario and players. Course SIM-BENCH has one
// simulation lesson whose scenario loops, so that a player can step for as long as the load
// lasts: a counter clerk fills in a form (scene `loket`), serves the citizen, finds the menu of
// the application in two picks (scene `aplikasi`), calls the next citizen (back to `loket`), and
// so on; either scene can also end the story (`selesai`), so the graph validator accepts it.
// One cycle is five steps of all three action types: form, choose, menu, menu, choose.
// The course is published through the real authoring api the first time (a bench trainer and
// admin, like lib/quiz.mjs), the bench learners `sim-NNNN@bench.siantar.test` are enrolled in
// it, and each starts a run through the api.
import { createSecretKey } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { call, withApi } from './quiz.mjs';
import { signAccessToken, withDb } from './setup.mjs';

export const SIM_COURSE = 'SIM-BENCH';
/** Changing the scenario below: change this title too, the bench then refuses an old course. */
const SCENARIO_TITLE = 'Loket bench (siklus 5 langkah, v1)';
const LEARNER_PATTERN = 'sim-%@bench.siantar.test';
const TRAINER_EMAIL = 'sim-pelatih@bench.siantar.test';
const ADMIN_EMAIL = 'sim-admin@bench.siantar.test';

const FORM_ANSWERS = { nik: '1273015208900001', jenis: 'Akta Kelahiran' };

/** The scenario: the sample scenario's form and menu practice, joined into a loop. */
export const SCENARIO = {
  schemaVersion: 1,
  title: SCENARIO_TITLE,
  competencies: [
    { key: 'empati', label: 'Empati' },
    { key: 'prosedur', label: 'Ketepatan prosedur' },
  ],
  variables: [{ key: 'sabar', label: 'Kesabaran antrean', initial: 5, min: 0, max: 10 }],
  startSceneId: 'loket',
  scenes: [
    {
      id: 'loket',
      title: 'Warga di loket',
      narrative: '<p>Seorang warga datang membawa KTP dan ingin mengurus akta kelahiran.</p>',
      speaker: { name: 'Pak Sinaga', mood: 'bingung', line: 'Saya mau urus akta anak saya.' },
      practice: {
        kind: 'form',
        instructions: 'Isi formulir permohonan dari dokumen warga.',
        appName: 'SIAK Daring',
        screenTitle: 'Permohonan',
        documents: [{ title: 'KTP', lines: [{ label: 'NIK', value: FORM_ANSWERS.nik }] }],
        fields: [
          {
            key: 'nik',
            label: 'NIK',
            type: 'text',
            required: true,
            pattern: '\\d{16}',
            patternMessage: 'NIK harus 16 angka',
            expected: FORM_ANSWERS.nik,
            match: 'digits',
            explain: 'NIK ada di KTP.',
          },
          {
            key: 'jenis',
            label: 'Jenis dokumen',
            type: 'select',
            options: ['Akta Kelahiran', 'KK'],
            required: true,
            expected: FORM_ANSWERS.jenis,
            explain: 'Warga mengurus akta.',
          },
        ],
        competency: 'prosedur',
        penaltyPerMistake: 2,
      },
      choices: [
        {
          id: 'layani',
          label: 'Layani dengan ramah',
          targetSceneId: 'aplikasi',
          feedback: 'Bagus: warga merasa dihargai.',
          effects: [{ competency: 'empati', delta: 1 }],
          updates: [{ variable: 'sabar', op: 'add', value: 1 }],
        },
        { id: 'tutup', label: 'Tutup loket', targetSceneId: 'selesai' },
      ],
    },
    {
      id: 'aplikasi',
      title: 'Cari menu',
      narrative: '<p>Buka aplikasi dan temukan menu akta kelahiran.</p>',
      practice: {
        kind: 'menu-path',
        instructions: 'Temukan menu akta.',
        appName: 'SIAK Daring',
        startScreenId: 'beranda',
        screens: [
          {
            id: 'beranda',
            title: 'Beranda',
            options: [
              { id: 'capil', label: 'Pencatatan Sipil', nextScreenId: 'capil' },
              { id: 'dafduk', label: 'Pendaftaran Penduduk', nextScreenId: null },
            ],
          },
          {
            id: 'capil',
            title: 'Pencatatan Sipil',
            options: [{ id: 'akta', label: 'Akta Kelahiran', nextScreenId: null }],
          },
        ],
        expectedPath: ['capil', 'akta'],
        explain: 'Akta ada di Pencatatan Sipil.',
        competency: 'prosedur',
        penaltyPerMistake: 1,
      },
      choices: [
        {
          id: 'berikutnya',
          label: 'Panggil warga berikutnya',
          targetSceneId: 'loket',
          feedback: 'Nomor antrean berikutnya dipanggil.',
          effects: [{ competency: 'prosedur', delta: 1 }],
          condition: { variable: 'sabar', op: 'gte', value: 0 },
        },
        { id: 'pulang', label: 'Akhiri layanan hari ini', targetSceneId: 'selesai' },
      ],
    },
    {
      id: 'selesai',
      title: 'Loket tutup',
      narrative: '<p>Layanan hari ini selesai.</p>',
      choices: [],
      ending: { rating: 'best', debrief: 'Setiap warga dilayani dengan prosedur yang tepat.' },
    },
  ],
};

export const SETTINGS = { completion: 'ending', counts: 'best' };

/**
 * @typedef {{ type: 'choose', choiceId: string } | { type: 'form', answers: Record<string, string> } | { type: 'menu', optionId: string }} Action
 * @typedef {{ sceneId: string, variables: Record<string, number>, scores: Record<string, number>, path: string[], practice: { done: boolean, screenId: string | null, step: number } | null, mistakes: unknown[], ending: null }} State
 * @typedef {object} Step  one step of the cycle, written out from the scenario above
 * @property {string} from  the scene the step is taken in (simulation_action.scene_id)
 * @property {Action} action
 * @property {string | null} choiceId  simulation_action.choice_id
 * @property {string | null} toSceneId  simulation_action.to_scene_id
 * @property {string | null} feedback  the chosen option's feedback
 * @property {boolean} enter  a new scene is entered (appended to the path, its clock restarts)
 * @property {string} sceneId  the scene after the step
 * @property {State['practice']} practice  the practice state after the step
 * @property {Record<string, number>} scores  competency deltas
 * @property {Record<string, number>} variables  variable deltas (clamped to the variable's bounds)
 */

/** The five steps of the cycle: step k is the action with seq ≡ k + 1 (mod 5). */
/** @type {Step[]} */
export const STEPS = [
  {
    from: 'loket',
    action: { type: 'form', answers: FORM_ANSWERS },
    choiceId: null,
    toSceneId: null,
    feedback: null,
    enter: false,
    sceneId: 'loket',
    practice: { done: true, screenId: null, step: 0 },
    scores: {},
    variables: {},
  },
  {
    from: 'loket',
    action: { type: 'choose', choiceId: 'layani' },
    choiceId: 'layani',
    toSceneId: 'aplikasi',
    feedback: 'Bagus: warga merasa dihargai.',
    enter: true,
    sceneId: 'aplikasi',
    practice: { done: false, screenId: 'beranda', step: 0 },
    scores: { empati: 1 },
    variables: { sabar: 1 },
  },
  {
    from: 'aplikasi',
    action: { type: 'menu', optionId: 'capil' },
    choiceId: null,
    toSceneId: null,
    feedback: null,
    enter: false,
    sceneId: 'aplikasi',
    practice: { done: false, screenId: 'capil', step: 1 },
    scores: {},
    variables: {},
  },
  {
    from: 'aplikasi',
    action: { type: 'menu', optionId: 'akta' },
    choiceId: null,
    toSceneId: null,
    feedback: null,
    enter: false,
    sceneId: 'aplikasi',
    practice: { done: true, screenId: null, step: 2 },
    scores: {},
    variables: {},
  },
  {
    from: 'aplikasi',
    action: { type: 'choose', choiceId: 'berikutnya' },
    choiceId: 'berikutnya',
    toSceneId: 'loket',
    feedback: 'Nomor antrean berikutnya dipanggil.',
    enter: true,
    sceneId: 'loket',
    practice: { done: false, screenId: null, step: 0 },
    scores: { prosedur: 1 },
    variables: {},
  },
];

/** What the engine's startRun() gives for the scenario (checked against the api's runs). */
/** @type {State} */
export const INITIAL_STATE = {
  sceneId: 'loket',
  variables: { sabar: 5 },
  scores: { empati: 0, prosedur: 0 },
  path: ['loket'],
  practice: { done: false, screenId: null, step: 0 },
  mistakes: [],
  ending: null,
};

const bounds = new Map(SCENARIO.variables.map((v) => [v.key, v]));

/** The state after step k of the cycle, looked up in the table (no engine). */
export function applyStep(/** @type {State} */ state, /** @type {number} */ k) {
  const s = STEPS[k];
  const scores = { ...state.scores };
  for (const [key, d] of Object.entries(s.scores)) scores[key] = (scores[key] ?? 0) + d;
  const variables = { ...state.variables };
  for (const [key, d] of Object.entries(s.variables)) {
    const b = bounds.get(key);
    variables[key] = Math.min(
      b?.max ?? Infinity,
      Math.max(b?.min ?? -Infinity, variables[key] + d),
    );
  }
  return {
    ...state,
    sceneId: s.sceneId,
    variables,
    scores,
    path: s.enter ? [...state.path, s.sceneId] : state.path,
    practice: s.practice,
  };
}

/** The state of a run after `seq` steps from the start. */
export function expectedState(/** @type {number} */ seq) {
  let state = INITIAL_STATE;
  for (let n = 0; n < seq; n++) state = applyStep(state, n % STEPS.length);
  return state;
}

/** Whether a request's action is the step's (form answers compared by content, as the api does). */
export function sameAction(/** @type {any} */ a, /** @type {Action} */ b) {
  if (typeof a !== 'object' || a === null || a.type !== b.type) return false;
  if (b.type === 'choose') return a.choiceId === b.choiceId;
  if (b.type === 'menu') return a.optionId === b.optionId;
  return isDeepStrictEqual({ ...a.answers }, b.answers);
}

/**
 * Makes sure course SIM-BENCH exists and is published (through the api the first time), with
 * `count` bench learners enrolled in its current version.
 * @param {{ root: string, env: NodeJS.ProcessEnv, count: number, log: (line: string) => void }} o
 * @returns {Promise<{ courseId: string, lessonId: string, learners: { userId: string, enrolmentId: string, token: string }[] }>}
 */
export async function ensureSimulationCourse({ root, env, count, log }) {
  const url = /** @type {string} */ (env.DATABASE_URL);
  const key = createSecretKey(Buffer.from(/** @type {string} */ (env.JWT_SECRET), 'utf8'));
  let found = await findLesson(url);
  if (!found) {
    const staff = await withDb(url, async (c) => {
      // NON_ASN: no NIP needed. The admin's scope holds the trainer's unit, the course's owner.
      await c.query(
        `INSERT INTO app_user (name, email, position, employment_type, org_unit_id, roles, admin_scope_id)
         SELECT x.name, x.email, 'Pelaksana', 'NON_ASN', o.id, x.roles, CASE WHEN x.admin THEN o.id END
           FROM org_unit o,
                (VALUES ('Pelatih Simulasi Bench', $1, ARRAY['trainer'], false),
                        ('Admin Simulasi Bench', $2, ARRAY['admin'], true)) AS x(name, email, roles, admin)
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
    await withApi(root, env, (base) => publishSimulationCourse(base, staff.trainer, staff.admin));
    found = await findLesson(url);
    if (!found)
      throw new Error(`${SIM_COURSE} was created but no published simulation lesson found`);
    log(
      `course ${SIM_COURSE} published through the api (one simulation lesson) in ${Date.now() - t} ms`,
    );
  }
  const { courseId, lessonId } = found;
  const rows = await withDb(url, async (c) => {
    await c.query(
      `INSERT INTO app_user (name, email, position, employment_type, org_unit_id, roles)
       SELECT 'Peserta Simulasi ' || g, 'sim-' || lpad(g::text, 4, '0') || '@bench.siantar.test',
              'Pelaksana', 'NON_ASN', (SELECT id FROM org_unit WHERE code = 'BKPSDM'), ARRAY['learner']
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
         FROM app_user u JOIN enrolment e ON e.user_id = u.id AND e.course_id = $1 AND e.status = 'active'
        WHERE u.email LIKE $2 AND u.active
        ORDER BY u.email LIMIT $3`,
      [courseId, LEARNER_PATTERN, count],
    );
    return rows;
  });
  if (rows.length < count)
    throw new Error(
      `only ${rows.length} of ${count} simulation bench learners are enrolled (active)`,
    );
  return {
    courseId,
    lessonId,
    learners: rows.map((/** @type {any} */ r) => ({
      userId: r.user_id,
      enrolmentId: r.enrolment_id,
      token: signAccessToken(key, r.user_id),
    })),
  };
}

/** @returns {Promise<{ courseId: string, lessonId: string } | undefined>} */
async function findLesson(/** @type {string} */ url) {
  return withDb(url, async (c) => {
    const { rows } = await c.query(
      `SELECT c.id AS course_id, l.id AS lesson_id, l.content #>> '{scenario,title}' AS scenario_title
         FROM course c LEFT JOIN lesson l ON l.version_id = c.current_version_id AND l.type = 'simulation'
        WHERE c.code = $1`,
      [SIM_COURSE],
    );
    if (rows.length === 0) return undefined;
    const drop = 'drop the bench database (or its SIM-BENCH course) and run again';
    if (!rows[0].lesson_id)
      throw new Error(
        `course ${SIM_COURSE} exists but has no published simulation lesson (an earlier setup was interrupted): ${drop}`,
      );
    if (rows[0].scenario_title !== SCENARIO_TITLE)
      throw new Error(
        `course ${SIM_COURSE} holds scenario "${rows[0].scenario_title}", not "${SCENARIO_TITLE}": ${drop}`,
      );
    return { courseId: rows[0].course_id, lessonId: rows[0].lesson_id };
  });
}

/** publishCourse of the catalogue's test fixture, over HTTP, with one simulation lesson. */
async function publishSimulationCourse(
  /** @type {string} */ base,
  /** @type {string} */ trainer,
  /** @type {string} */ admin,
) {
  const created = await call(
    base,
    'POST',
    '/api/v1/authoring/courses',
    trainer,
    { code: SIM_COURSE, title: 'Simulasi Bench', summary: 'Kursus uji beban simulasi.', jp: 2 },
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
  await call(
    base,
    'POST',
    `/api/v1/authoring/courses/${courseId}/draft/modules/${moduleId}/lessons`,
    trainer,
    {
      type: 'simulation',
      title: 'Loket akta',
      durationMinutes: 15,
      content: { scenario: SCENARIO, settings: SETTINGS },
    },
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

/** Deletes every run of the lesson (their actions cascade) and the learners' progress on it. */
export async function deleteRuns(/** @type {string} */ url, /** @type {string} */ lessonId) {
  await withDb(url, async (c) => {
    await c.query(`DELETE FROM simulation_run WHERE lesson_id = $1`, [lessonId]);
    await c.query(`DELETE FROM lesson_progress WHERE lesson_id = $1`, [lessonId]);
    await c.query(`VACUUM (ANALYZE) simulation_run, simulation_action`);
  });
}

/**
 * Starts one run per learner through the api (POST …/simulation-runs), `parallel` at a time.
 * @param {string} base  @param {string} lessonId
 * @param {{ enrolmentId: string, token: string }[]} learners
 * @returns {Promise<any[]>} the SimulationRunViews, in the learners' order
 */
export async function startRuns(base, lessonId, learners, parallel = 20) {
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
          `/api/v1/enrolments/${learners[i].enrolmentId}/lessons/${lessonId}/simulation-runs`,
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
 * Puts the runs back where the api started them (its first state, seq 0, the scene's clock now)
 * and deletes their actions, so that each round starts alike; then vacuums both tables.
 */
export async function resetRuns(/** @type {string} */ url, /** @type {string[]} */ runIds) {
  await withDb(url, async (c) => {
    await c.query(`DELETE FROM simulation_action WHERE run_id = ANY($1::uuid[])`, [runIds]);
    await c.query(
      `UPDATE simulation_run SET seq = 0, state = $2, status = 'playing', scene_entered_at = now(),
              finished_at = NULL, rating = NULL, total_score = NULL, completes = false
        WHERE id = ANY($1::uuid[])`,
      [runIds, JSON.stringify(INITIAL_STATE)],
    );
    await c.query(`VACUUM (ANALYZE) simulation_run, simulation_action`);
  });
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type {
  SimulationActionResponse,
  SimulationAnalytics,
  SimulationLessonView,
  SimulationRunView,
} from '@siantar/contracts';
import type { RunAction } from '@siantar/scenario';
import { sampleScenario } from '@siantar/scenario/testing';
import { CatalogJobsModule, CatalogModule } from '@siantar/server-catalog';
import { publishCourse } from '@siantar/server-catalog/testing';
import { IdentityModule } from '@siantar/server-identity';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createTestWorker,
  createUser,
  jobStubsExcept,
  type TestApp,
  type TestContext,
  until,
} from '@siantar/server-testing';
import request from 'supertest';
import { SimulationModule } from '../simulation.module';

const FORM_OK = { nik: '1273015208900001', jenis: 'Akta Kelahiran' };
const BEST: RunAction[] = [
  { type: 'form', answers: FORM_OK },
  { type: 'choose', choiceId: 'sapa' },
  { type: 'menu', optionId: 'capil' },
  { type: 'menu', optionId: 'akta' },
  { type: 'choose', choiceId: 'selesai' },
];

describe('simulation runs: publish, play, refuse, resume, complete, analyse (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let worker: INestApplicationContext;
  const tok = { admin: '', author: '', otherTrainer: '', learner: '', other: '' };
  let courseId = '';
  let lessonId = '';
  let enrolmentId = '';

  beforeAll(async () => {
    ctx = await createTestContext({ STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-store-')) });
    t = await createTestApp(ctx.config, [IdentityModule, CatalogModule, SimulationModule]);
    worker = await createTestWorker(ctx.config, [
      CatalogJobsModule,
      jobStubsExcept('catalog.evaluate-completion', 'catalog.scorm-import', 'catalog.bulk-enrol'),
    ]);
    const city = await createOrgUnit(t.db, { code: 'PEMKO' });
    const opd = await createOrgUnit(t.db, {
      code: 'DISDUKCAPIL',
      name: 'Disdukcapil',
      parent: city,
    });
    tok.admin = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['admin'], adminScope: city })).id,
    );
    tok.author = await t.tokenFor((await createUser(t.db, { unit: city, roles: ['trainer'] })).id);
    tok.otherTrainer = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['trainer'] })).id,
    );
    tok.learner = await t.tokenFor((await createUser(t.db, { unit: opd })).id);
    tok.other = await t.tokenFor((await createUser(t.db, { unit: opd })).id);

    const course = await publishCourse(t, tok.author, tok.admin, {
      code: 'SIM-1',
      lessons: [
        {
          type: 'simulation',
          title: 'Loket akta',
          content: {
            scenario: sampleScenario(),
            settings: { completion: 'min-score', minScore: 15, counts: 'best' },
          },
        },
      ],
    });
    courseId = course.courseId;
    lessonId = course.working.modules[0].lessons[0].id;
    const enrolled = await request(t.http)
      .post(`/api/v1/catalog/${courseId}/enrol`)
      .set(auth(tok.learner))
      .expect(201);
    enrolmentId = (enrolled.body as { id: string }).id;
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await ctx?.cleanup();
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const lessonPath = () => `/api/v1/enrolments/${enrolmentId}/lessons/${lessonId}`;
  const start = async (token = tok.learner) =>
    (await request(t.http).post(`${lessonPath()}/simulation-runs`).set(auth(token)).expect(201))
      .body as SimulationRunView;
  const send = (runId: string, seq: number, action: RunAction, token = tok.learner) =>
    request(t.http)
      .post(`/api/v1/simulation-runs/${runId}/actions`)
      .set(auth(token))
      .send({ seq, action });
  const play = async (run: SimulationRunView, actions: RunAction[]) => {
    let last: SimulationActionResponse | undefined;
    for (const a of actions)
      last = (await send(run.id, (last?.run.seq ?? run.seq) + 1, a).expect(200))
        .body as SimulationActionResponse;
    return last as SimulationActionResponse;
  };
  const progress = async () =>
    (
      await t.db.query<{ status: string }[]>(
        `SELECT status FROM lesson_progress WHERE enrolment_id = $1 AND lesson_id = $2`,
        [enrolmentId, lessonId],
      )
    )[0]?.status;

  it('shows the scene without the answers and refuses what the scenario does not offer', async () => {
    const view = (
      await request(t.http).get(`${lessonPath()}/simulation`).set(auth(tok.learner)).expect(200)
    ).body as SimulationLessonView;
    expect(view).toMatchObject({
      title: 'Loket akta',
      run: null,
      runs: [],
      completion: 'min-score',
      minScore: 15,
    });
    const run = await start();
    expect(run.scene).toMatchObject({ id: 'awal', title: 'Warga datang', choices: [] });
    expect(run.scene.practice).toMatchObject({ kind: 'form', done: false });
    const text = JSON.stringify(run);
    for (const secret of [
      '"expected"',
      'NIK ada di KTP',
      '"effects"',
      '"targetSceneId"',
      'Selesai juga',
    ])
      expect(text).not.toContain(secret);
    await expect(progress()).resolves.toBe('in-progress');

    const pending = await send(run.id, 1, { type: 'choose', choiceId: 'sapa' }).expect(400);
    expect(pending.body).toMatchObject({
      code: 'simulation.practice-pending',
      detail: 'Selesaikan dulu latihan di adegan ini sebelum memilih.',
    });
    const wrong = (
      await send(run.id, 1, { type: 'form', answers: { nik: '123', jenis: 'KK' } }).expect(200)
    ).body as SimulationActionResponse;
    expect(wrong.mistakes.map((m) => [m.target, m.explain])).toEqual([
      ['nik', 'NIK harus 16 angka. NIK ada di KTP.'],
      ['jenis', 'Warga mengurus akta.'],
    ]);
    // A retry of the same numbered action: the same answer, nothing played twice.
    const again = (
      await send(run.id, 1, { type: 'form', answers: { jenis: 'KK', nik: '123' } }).expect(200)
    ).body as SimulationActionResponse;
    expect(again.mistakes).toEqual(wrong.mistakes);
    expect(again.run.seq).toBe(1);
    expect(again.run.mistakes).toHaveLength(2);
    // Out of step, or another action under a used number: 409.
    await send(run.id, 3, { type: 'form', answers: FORM_OK }).expect(409);
    expect(
      (await send(run.id, 1, { type: 'form', answers: FORM_OK }).expect(409)).body,
    ).toMatchObject({
      code: 'simulation.out-of-step',
    });
    const ok = (await send(run.id, 2, { type: 'form', answers: FORM_OK }).expect(200))
      .body as SimulationActionResponse;
    expect(ok.run.scene.choices.map((c) => c.id)).toEqual(['sapa', 'ketus']);
    // A choice of another scene (a jump ahead) or an unknown one.
    for (const choiceId of ['selesai', 'usir', 'x'])
      expect((await send(run.id, 3, { type: 'choose', choiceId }).expect(400)).body).toMatchObject({
        code: 'simulation.not-offered',
      });
    await send(run.id, 3, { type: 'menu', optionId: 'capil' }).expect(400);
    const bad = await request(t.http)
      .post(`/api/v1/simulation-runs/${run.id}/actions`)
      .set(auth(tok.learner))
      .send({ seq: 3, action: { type: 'teleport', sceneId: 'terbaik' } })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('type harus choose, form atau menu');
    // Someone else's run is not found.
    await request(t.http).get(`/api/v1/simulation-runs/${run.id}`).set(auth(tok.other)).expect(404);
    await send(run.id, 3, { type: 'choose', choiceId: 'sapa' }, tok.other).expect(404);
    await request(t.http).get(`${lessonPath()}/simulation`).set(auth(tok.other)).expect(404);
  });

  it('resumes the run in play after a reload, and a poor ending does not complete', async () => {
    const view = (
      await request(t.http).get(`${lessonPath()}/simulation`).set(auth(tok.learner)).expect(200)
    ).body as SimulationLessonView;
    expect(view.run).toMatchObject({ seq: 2, scene: { id: 'awal' } });
    const run = view.run as SimulationRunView;
    const end = await play(run, [
      { type: 'choose', choiceId: 'ketus' },
      { type: 'choose', choiceId: 'ulang' },
      { type: 'choose', choiceId: 'usir' },
    ]);
    expect(end.run).toMatchObject({
      status: 'ended',
      scene: { id: 'buruk' },
      ending: { rating: 'poor', debrief: 'Jangan mengusir warga.', completes: false },
    });
    expect(end.run.variables).toEqual([
      { key: 'sabar', label: 'Kesabaran warga', value: 0, min: 0, max: 10 },
    ]);
    expect(await progress()).toBe('in-progress');
    await send(run.id, end.run.seq + 1, { type: 'choose', choiceId: 'x' }).expect(409);
  });

  it('completes the lesson (and the course) on a replay that reaches the score, and counts the best run', async () => {
    const end = await play(await start(), BEST);
    expect(end.run.ending).toMatchObject({ rating: 'best', completes: true });
    expect(end.run.totalScore).toBe(20);
    expect(end.run.scores).toEqual([
      { key: 'empati', label: 'Empati', value: 10 },
      { key: 'prosedur', label: 'Ketepatan prosedur', value: 10 },
    ]);
    expect(await progress()).toBe('completed');
    await until(async () => {
      const [e] = await t.db.query<{ status: string }[]>(
        `SELECT status FROM enrolment WHERE id = $1`,
        [enrolmentId],
      );
      return e.status === 'completed';
    });
    // A later, worse run: the best still counts, and the lesson stays completed.
    const worse = await start();
    await play(worse, [
      { type: 'form', answers: FORM_OK },
      { type: 'choose', choiceId: 'ketus' },
      { type: 'choose', choiceId: 'minta-maaf' },
    ]);
    const view = (
      await request(t.http).get(`${lessonPath()}/simulation`).set(auth(tok.learner)).expect(200)
    ).body as SimulationLessonView;
    expect(view.runs.map((r) => r.rating)).toEqual(['acceptable', 'best', 'poor']);
    expect(view.counted).toMatchObject({
      id: end.run.id,
      rating: 'best',
      totalScore: 20,
      completes: true,
    });
    expect(await progress()).toBe('completed');
  });

  it('gives the authors the endings, paths, costly choices, mistakes and scores by OPD', async () => {
    const url = `/api/v1/authoring/courses/${courseId}/lessons/${lessonId}/simulation-analytics`;
    await request(t.http).get(url).set(auth(tok.learner)).expect(403);
    await request(t.http).get(url).set(auth(tok.otherTrainer)).expect(404);
    const a = (await request(t.http).get(url).set(auth(tok.author)).expect(200))
      .body as SimulationAnalytics;
    expect(a).toMatchObject({ title: 'Loket akta', runs: 3, finished: 3, learners: 1 });
    expect(a.endings.map((e) => [e.rating, e.title, e.count]).sort()).toEqual([
      ['acceptable', 'Selesai juga', 1],
      ['best', 'Selesai', 1],
      ['poor', 'Gagal', 1],
    ]);
    expect(a.transitions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          fromSceneId: 'awal',
          toSceneId: 'marah',
          label: 'Suruh antre lagi',
          count: 2,
        }),
        expect.objectContaining({
          fromSceneId: 'marah',
          toSceneId: 'marah',
          choiceId: 'ulang',
          count: 1,
        }),
      ]),
    );
    expect(a.wrongChoices[0]).toMatchObject({ choiceId: 'ketus', count: 2 });
    expect(a.practiceMistakes.map((m) => [m.target, m.count])).toEqual(
      expect.arrayContaining([
        ['nik', 1],
        ['jenis', 1],
      ]),
    );
    expect(a.competencyByOpd).toEqual([
      {
        orgUnitId: expect.any(String),
        name: 'Disdukcapil',
        runs: 3,
        averages: [
          { key: 'empati', label: 'Empati', value: -1.67 },
          { key: 'prosedur', label: 'Ketepatan prosedur', value: 2 },
        ],
      },
    ]);
    expect(a.secondsPerScene.map((s) => s.sceneId)).toEqual(['awal', 'marah', 'menu']);
    // The admin who reviews the course sees them too.
    await request(t.http).get(url).set(auth(tok.admin)).expect(200);
  });

  it('keeps a draft with a broken scenario from review, each problem with its scene', async () => {
    const broken = sampleScenario();
    broken.scenes[1].choices[0].targetSceneId = null;
    broken.scenes.push({ id: 'pulau', title: 'Pulau', narrative: '<p>x</p>', choices: [] });
    const created = await request(t.http)
      .post('/api/v1/authoring/courses')
      .set(auth(tok.author))
      .send({ code: 'SIM-2', title: 'Simulasi rusak', summary: 'Uji.', jp: 1 })
      .expect(201);
    const id = (created.body as { courseId: string }).courseId;
    const withModule = await request(t.http)
      .post(`/api/v1/authoring/courses/${id}/draft/modules`)
      .set(auth(tok.author))
      .send({ title: 'Modul' })
      .expect(201);
    const moduleId = (withModule.body as { working: { modules: { id: string }[] } }).working
      .modules[0].id;
    const lessonUrl = `/api/v1/authoring/courses/${id}/draft/modules/${moduleId}/lessons`;
    // Malformed content is refused at once, with the path of each fault.
    const malformed = await request(t.http)
      .post(lessonUrl)
      .set(auth(tok.author))
      .send({
        type: 'simulation',
        title: 'Rusak',
        durationMinutes: 10,
        content: {
          scenario: { ...broken, scenes: [{ id: 1 }] },
          settings: { completion: 'ending', counts: 'best' },
        },
      })
      .expect(400);
    expect((malformed.body as { detail: string }).detail).toContain(
      'content.scenario.scenes[0].id: harus teks, bukan angka',
    );
    // An unfinished story is kept as a draft, but not sent for review.
    await request(t.http)
      .post(lessonUrl)
      .set(auth(tok.author))
      .send({
        type: 'simulation',
        title: 'Belum selesai',
        durationMinutes: 10,
        content: { scenario: broken, settings: { completion: 'ending', counts: 'last' } },
      })
      .expect(201);
    const refused = await request(t.http)
      .post(`/api/v1/authoring/courses/${id}/draft/submit`)
      .set(auth(tok.author))
      .send({ changelog: 'Pertama' })
      .expect(400);
    const body = refused.body as {
      detail: string;
      scenarioProblems: { sceneId: string; code: string }[];
    };
    expect(body.detail).toContain('simulasi "Belum selesai"');
    expect(body.detail).toContain(
      'pilihan "Serahkan nomor pelacakan" belum diarahkan ke adegan mana pun',
    );
    expect(body.scenarioProblems.map((p) => [p.code, p.sceneId])).toEqual(
      expect.arrayContaining([
        ['choice-without-target', 'menu'],
        ['unreachable', 'pulau'],
        ['dead-end', 'pulau'],
      ]),
    );
  });
});

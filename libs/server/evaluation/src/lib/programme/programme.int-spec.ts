import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { IndicatorView, ProgrammeEvaluation, SurveyForm } from '@siantar/contracts';
import { AssessmentJobsModule, AssessmentModule } from '@siantar/server-assessment';
import { CatalogJobsModule } from '@siantar/server-catalog';
import { createTestWorker, jobStubsExcept } from '@siantar/server-testing';
import request from 'supertest';
import {
  answerCourseSurvey,
  answersFor,
  auth,
  createEvaluationWorld,
  createSession,
  enrol,
  type EvaluationWorld,
  markPresent,
  type Person,
} from '../testing/evaluation-world';
import { publishQuizCourse, takeQuiz } from '../testing/quiz-course';

const TITLE = 'Pelatihan Layanan Akta Kelahiran Daring';

describe('the programme evaluation page and its printable report (real PostgreSQL + Redis)', () => {
  let w: EvaluationWorld;
  let worker: INestApplicationContext;
  let courseId = '';

  beforeAll(async () => {
    w = await createEvaluationWorld([AssessmentModule]);
    worker = await createTestWorker(w.ctx.config, [
      AssessmentJobsModule,
      CatalogJobsModule,
      jobStubsExcept(
        'assessment.grade-attempt',
        'assessment.deadline-submit',
        'assessment.regrade-attempt',
        'catalog.evaluate-completion',
        'catalog.scorm-import',
        'catalog.bulk-enrol',
      ),
    ]);
    const course = await publishQuizCourse(w, { code: 'AKTA-DARING', title: TITLE });
    courseId = course.courseId;

    // L1: five respondents (4, 4, 4, 5, 3 on every item); L2: pre/post for two of them.
    const scores = [4, 4, 4, 5, 3];
    const learners: Person[] = [];
    for (const [i, s] of scores.entries()) {
      const l = await w.learner(w.units.dukcapil, `Peserta ${String.fromCharCode(65 + i)}`);
      const e = await enrol(w, courseId, l);
      await answerCourseSurvey(w, l, e, s, i === 0 ? 'Contoh kasus sangat membantu' : undefined);
      learners.push(l);
    }
    await takeQuiz(w, course.preQuizId as string, learners[0], 1);
    await takeQuiz(w, course.postQuizId, learners[0], 3);
    await takeQuiz(w, course.preQuizId as string, learners[1], 2);
    await takeQuiz(w, course.postQuizId, learners[1], 4);

    // A live session of the course with one survey response (held back: 1 of 5).
    const sessionId = await createSession(w, {
      courseId,
      title: 'Klinik tanya jawab',
      trainers: [w.users.otherTrainer],
      createdBy: w.users.trainer,
    });
    await markPresent(w, sessionId, learners[0]);
    const form = (
      await request(w.t.http)
        .get(`/api/v1/live-sessions/${sessionId}/survey`)
        .set(auth(learners[0].token))
        .expect(200)
    ).body as SurveyForm;
    await request(w.t.http)
      .post(`/api/v1/live-sessions/${sessionId}/survey`)
      .set(auth(learners[0].token))
      .send({ answers: answersFor(form, 5) })
      .expect(201);

    // L4: queue time at Disdukcapil before and after, recorded by its admin.
    const indicator = (
      await request(w.t.http)
        .post(`/api/v1/evaluation/courses/${courseId}/indicators`)
        .set(auth(w.users.adminBkpsdm.token))
        .send({ name: 'Waktu antre di loket', unit: 'menit', direction: 'lower-is-better' })
        .expect(201)
    ).body as IndicatorView;
    await request(w.t.http)
      .put(`/api/v1/evaluation/indicators/${indicator.id}/values`)
      .set(auth(w.users.adminDukcapil.token))
      .send({
        orgUnitId: w.units.dukcapil.id,
        before: 42,
        after: 18.5,
        measuredBefore: '2026-01-15',
        measuredAfter: '2026-04-15',
      })
      .expect(200);
  });
  afterAll(async () => {
    await worker.close();
    await w.close();
  });

  it('shows L1, L2, L3 and L4 side by side for the admins who review the course', async () => {
    const page = (
      await request(w.t.http)
        .get(`/api/v1/evaluation/courses/${courseId}`)
        .set(auth(w.users.adminBkpsdm.token))
        .expect(200)
    ).body as ProgrammeEvaluation;
    expect(page.course).toMatchObject({
      id: courseId,
      code: 'AKTA-DARING',
      title: TITLE,
      ownerOrgUnitName: 'Badan Kepegawaian dan Pengembangan SDM',
      jp: 6,
      enrolled: 5,
      // The two who passed the post-test completed (the course's lessons are its quizzes).
      completed: 2,
    });
    // L1: aggregates only, never per response, on the programme page.
    expect(page.l1.course).toMatchObject({ responses: 5, suppressed: false, individual: null });
    expect(page.l1.course.overall).toEqual({
      answers: 40,
      average: 4,
      distribution: [0, 0, 8, 24, 8],
    });
    expect(page.l1.course.dimensions).toHaveLength(5);
    expect(page.l1.sessions).toEqual([
      expect.objectContaining({
        title: 'Klinik tanya jawab',
        responses: 1,
        suppressed: true,
        needed: 4,
        overall: null,
      }),
    ]);
    // L2: (25 → 75) and (50 → 100).
    expect(page.l2).toMatchObject({
      available: true,
      paired: 2,
      averagePre: 37.5,
      averagePost: 87.5,
      averageGain: 50,
      classNormalisedGain: 0.8,
    });
    // L3: the follow-up part's figures (the two who completed, no action plan written yet).
    expect(page.l3).toMatchObject({ courseId, completed: 2, actionPlansSubmitted: 0 });
    // L4: every OPD, with the change.
    expect(page.l4.scope).toBe('all');
    expect(page.l4.indicators[0].values[0]).toMatchObject({
      orgUnitName: 'Dinas Kependudukan dan Pencatatan Sipil',
      before: 42,
      after: 18.5,
      change: -23.5,
      improved: true,
    });
    // A period without responses holds L1 back, the rest stays.
    const later = (
      await request(w.t.http)
        .get(`/api/v1/evaluation/courses/${courseId}?from=2099-01-01&to=2099-12-31`)
        .set(auth(w.users.cityAdmin.token))
        .expect(200)
    ).body as ProgrammeEvaluation;
    expect(later).toMatchObject({ from: '2099-01-01', to: '2099-12-31' });
    expect(later.l1.course).toMatchObject({ responses: 0, suppressed: true });
    expect(later.l2.paired).toBe(2);
  });

  it('is refused to trainers and to admins who do not review the course', async () => {
    await request(w.t.http)
      .get(`/api/v1/evaluation/courses/${courseId}`)
      .set(auth(w.users.trainer.token))
      .expect(403);
    await request(w.t.http)
      .get(`/api/v1/evaluation/courses/${courseId}`)
      .set(auth(w.users.adminDukcapil.token))
      .expect(404);
    await request(w.t.http)
      .get(`/api/v1/evaluation/courses/${courseId}/report.pdf`)
      .set(auth(w.users.adminDukcapil.token))
      .expect(404);
  });

  it('prints the same figures in an A4 PDF report in Indonesian', async () => {
    const res = await request(w.t.http)
      .get(`/api/v1/evaluation/courses/${courseId}/report.pdf`)
      .set(auth(w.users.adminBkpsdm.token))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('evaluasi-akta-daring.pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'sb-eval-pdf-')), 'laporan.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    // Rows read across (label and value) in layout mode; wrapped table cells read in order.
    const read = (...args: string[]) =>
      execFileSync('pdftotext', [...args, file, '-'])
        .toString()
        .replace(/\s+/g, ' ');
    const flat = `${read('-layout')} | ${read()}`;
    for (const expected of [
      'Laporan Evaluasi Program Pelatihan',
      TITLE,
      'AKTA-DARING',
      'Badan Kepegawaian dan Pengembangan SDM',
      // L1
      'Level 1 - Reaksi peserta',
      'rata-rata 4 dari 5, 5 responden',
      'Relevansi dengan pekerjaan',
      'Contoh kasus sangat membantu',
      'Klinik tanya jawab',
      'belum (min. 5)',
      // L2
      'Rata-rata pre-test 37,5',
      'Rata-rata post-test 87,5',
      '+50 poin',
      'Gain ternormalisasi kelas 0,8',
      'Peserta A',
      // L3 and L4
      'Level 3 - Perilaku',
      'Alumni (selesai) 2',
      'Menyusun RTL 0',
      'Waktu antre di loket',
      'makin rendah makin baik',
      'Dinas Kependudukan dan Pencatatan Sipil',
      '18,5',
      '-23,5',
      '-55,95%',
      'Membaik',
      'Halaman 1 dari',
    ])
      expect(flat).toContain(expected);
  });
});

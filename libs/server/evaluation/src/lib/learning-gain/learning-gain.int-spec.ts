import type { INestApplicationContext } from '@nestjs/common';
import type { LearningGainResult, QuizReport } from '@siantar/contracts';
import { AssessmentJobsModule, AssessmentModule } from '@siantar/server-assessment';
import { CatalogJobsModule } from '@siantar/server-catalog';
import { createTestWorker, jobStubsExcept } from '@siantar/server-testing';
import request from 'supertest';
import {
  auth,
  createEvaluationWorld,
  enrol,
  type EvaluationWorld,
  type Person,
} from '../testing/evaluation-world';
import { publishQuizCourse, takeQuiz } from '../testing/quiz-course';

describe('learning gain (L2) from real pre-test and post-test attempts (real PostgreSQL + Redis)', () => {
  let w: EvaluationWorld;
  let worker: INestApplicationContext;
  let course: Awaited<ReturnType<typeof publishQuizCourse>>;

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
    course = await publishQuizCourse(w, { code: 'GAIN-1', title: 'Layanan Akta Daring' });
    const people: [string, number | null, number | null][] = [
      // name, right answers on the pre-test and on the post-test (of 4)
      ['Ani', 1, 4],
      ['Budi', 2, 3],
      ['Citra', 2, null],
    ];
    for (const [name, pre, post] of people) {
      const l = await w.learner(w.units.dukcapil, name);
      await enrol(w, course.courseId, l);
      if (pre !== null) await takeQuiz(w, course.preQuizId as string, l, pre);
      if (post !== null) await takeQuiz(w, course.postQuizId, l, post);
    }
  });
  afterAll(async () => {
    await worker.close();
    await w.close();
  });

  const gain = (courseId: string, who: Person) =>
    request(w.t.http)
      .get(`/api/v1/evaluation/courses/${courseId}/learning-gain`)
      .set(auth(who.token));

  it('gives each learner pre, post, gain and normalised gain, and the course averages over the pairs', async () => {
    const r = (await gain(course.courseId, w.users.trainer).expect(200)).body as LearningGainResult;
    expect(r).toMatchObject({
      courseId: course.courseId,
      available: true,
      reason: null,
      preQuizId: course.preQuizId,
      postQuizId: course.postQuizId,
      paired: 2,
      averagePre: 37.5,
      averagePost: 87.5,
      averageGain: 50,
      averageNormalisedGain: 0.75,
      // (87.5 − 37.5) / (100 − 37.5)
      classNormalisedGain: 0.8,
    });
    expect(r.learners.map((l) => [l.name, l.pre, l.post, l.gain, l.normalisedGain])).toEqual([
      ['Ani', 25, 100, 75, 1],
      ['Budi', 50, 75, 25, 0.5],
      ['Citra', 50, null, null, null],
    ]);
  });

  it('agrees with the assessment domain’s quiz report (one computation)', async () => {
    const report = (
      await request(w.t.http)
        .get(`/api/v1/quizzes/${course.postQuizId}/report`)
        .set(auth(w.users.trainer.token))
        .expect(200)
    ).body as QuizReport;
    const r = (await gain(course.courseId, w.users.trainer).expect(200)).body as LearningGainResult;
    expect(report.gain?.learners).toEqual(r.learners);
    expect(report.gain?.averageGain).toBe(r.averageGain);
  });

  it('says why there is nothing to compare without a pre-test', async () => {
    const solo = await publishQuizCourse(w, {
      code: 'GAIN-2',
      title: 'Tanpa pre-test',
      preTest: false,
    });
    const r = (await gain(solo.courseId, w.users.adminBkpsdm).expect(200))
      .body as LearningGainResult;
    expect(r).toMatchObject({ available: false, preQuizId: null, learners: [], paired: 0 });
    expect(r.reason).toContain('pre-test');
  });

  it('is for the course’s authors and reviewers only', async () => {
    await gain(course.courseId, w.users.adminBkpsdm).expect(200);
    await gain(course.courseId, w.users.cityAdmin).expect(200);
    await gain(course.courseId, w.users.otherTrainer).expect(404);
    await gain(course.courseId, w.users.adminDukcapil).expect(404);
    const learner = await w.learner();
    await gain(course.courseId, learner).expect(403);
  });
});

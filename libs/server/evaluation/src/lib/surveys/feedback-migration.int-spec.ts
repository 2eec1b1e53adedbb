import type { MigrationInterface } from 'typeorm';
import {
  answerCourseSurvey,
  createEvaluationWorld,
  enrol,
  type EvaluationWorld,
  publishCourse,
} from '../testing/evaluation-world';

/**
 * Migration 1765300000000 replaces the placeholder `course_feedback`: its rows move onto the
 * built-in template, and going down puts the course responses back as the placeholder kept them.
 */
describe('the evaluation migration and the placeholder feedback (real PostgreSQL)', () => {
  let w: EvaluationWorld;
  let migration: MigrationInterface;

  beforeAll(async () => {
    w = await createEvaluationWorld();
    const found = w.t.db.migrations.find((m) => m.name === 'Evaluation1765300000000');
    if (!found) throw new Error('migration Evaluation1765300000000 is not registered');
    migration = found;
  });
  afterAll(() => w.close());

  it('goes down to the placeholder and up again, moving the responses both ways', async () => {
    const { courseId } = await publishCourse(w, { code: 'MIG-1' });
    const a = await w.learner();
    const ea = await enrol(w, courseId, a);
    // 5 on content, 4 on trainer, 3 on method, 2 on relevance, 1 on organisation (item order).
    await answerCourseSurvey(w, a, ea, [5, 5, 4, 4, 3, 2, 2, 1], 'Bagus sekali');
    const b = await w.learner();
    const eb = await enrol(w, courseId, b);

    const q = w.t.db.createQueryRunner();
    try {
      await migration.down(q);
      const back = await q.query(
        `SELECT enrolment_id, ratings, comment FROM course_feedback ORDER BY enrolment_id`,
      );
      expect(back).toEqual([
        {
          enrolment_id: ea,
          ratings: { content: 5, trainer: 4, method: 3, relevance: 2, organisation: 1 },
          comment: 'Bagus sekali\n\nBagus sekali',
        },
      ]);
      // A response given to the placeholder while it was there.
      await q.query(
        `INSERT INTO course_feedback (enrolment_id, ratings, comment) VALUES ($1, $2, 'Lebih banyak latihan')`,
        [eb, JSON.stringify({ content: 4, trainer: 5, method: 3, relevance: 4 })],
      );
      await migration.up(q);
    } finally {
      await q.release();
    }

    const rows = await w.t.db.query<
      { enrolment_id: string; user_id: string; course_id: string; built_in: boolean }[]
    >(
      `SELECT r.enrolment_id, r.user_id, r.course_id, t.built_in
         FROM survey_response r JOIN survey_template t ON t.id = r.template_id ORDER BY r.submitted_at`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { enrolment_id: ea, user_id: a.id, course_id: courseId, built_in: true },
        { enrolment_id: eb, user_id: b.id, course_id: courseId, built_in: true },
      ]),
    );
    const answers = await w.t.db.query<
      { dimension: string | null; score: number | null; text: string | null }[]
    >(
      `SELECT i.dimension, a.score, a.text FROM survey_answer a JOIN survey_item i ON i.id = a.item_id
         JOIN survey_response r ON r.id = a.response_id WHERE r.enrolment_id = $1 ORDER BY i.position`,
      [eb],
    );
    // Each rating answers the first item of its dimension; the comment the last open question.
    expect(answers).toEqual([
      { dimension: 'content', score: 4, text: null },
      { dimension: 'trainer', score: 5, text: null },
      { dimension: 'method', score: 3, text: null },
      { dimension: 'relevance', score: 4, text: null },
      { dimension: null, score: null, text: 'Lebih banyak latihan' },
    ]);
    const [{ exists }] = await w.t.db.query<{ exists: boolean }[]>(
      `SELECT to_regclass('course_feedback') IS NOT NULL AS exists`,
    );
    expect(exists).toBe(false);
  });
});

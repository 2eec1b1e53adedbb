import { appendLedgerCredit, wibDate } from '@siantar/server-ledger';
import type { EntityManager } from 'typeorm';
import { DEMO_STAFF } from './demo-data';

const COURSE = 'ETIKA-01';

/** Answers of the demo staff to the built-in survey: mostly agree, some strongly. */
const score = (person: number, item: number) => ((person + item) % 3 === 0 ? 5 : 4);
const COMMENTS = [
  'Contoh kasus di loket sangat membantu.',
  'Perlu lebih banyak latihan menghadapi warga yang kesal.',
  'Materi maklumat pelayanan langsung bisa dipakai di kantor.',
];

/**
 * The evaluation demo on the short ethics course: its feedback survey is required for
 * completion (anonymity threshold 3), six demo staff completed it and answered the survey
 * six weeks ago, and a results indicator with its baseline at Disdukcapil, so the programme
 * evaluation page has reactions (L1) and a target (L4) to show. Written once.
 */
export async function seedEvaluationDemo(em: EntityManager, now = new Date()): Promise<number> {
  const [course]: {
    id: string;
    version_id: string;
    title: string;
    jp: string;
    provider: string;
  }[] = await em.query(
    `SELECT c.id, v.id AS version_id, v.title, v.jp, o.name AS provider
         FROM course c JOIN course_version v ON v.id = c.current_version_id
         JOIN org_unit o ON o.id = c.owner_org_unit_id WHERE c.code = $1`,
    [COURSE],
  );
  if (!course) return 0;
  const done: unknown[] = await em.query(`SELECT 1 FROM course_survey WHERE course_id = $1`, [
    course.id,
  ]);
  if (done.length > 0) return 0;
  const [template]: { id: string }[] = await em.query(
    `SELECT id FROM survey_template WHERE built_in`,
  );
  await em.query(
    `INSERT INTO course_survey (course_id, template_id, required, anonymity_threshold) VALUES ($1, $2, true, 3)`,
    [course.id, template.id],
  );
  const items: { id: string; kind: 'likert' | 'text' }[] = await em.query(
    `SELECT id, kind FROM survey_item WHERE template_id = $1 AND retired_at IS NULL ORDER BY position`,
    [template.id],
  );
  const people: { id: string; org_unit_id: string }[] = await em.query(
    `SELECT id, org_unit_id FROM app_user WHERE lower(email) = ANY($1) ORDER BY email LIMIT 6`,
    [DEMO_STAFF.map((s) => s.email.toLowerCase())],
  );
  const completedAt = new Date(now.getTime() - 42 * 86_400_000);
  for (const [i, person] of people.entries()) {
    const enrolledAt = new Date(completedAt.getTime() - 3 * 86_400_000);
    const [e]: { id: string }[] = await em.query(
      `INSERT INTO enrolment (course_id, version_id, user_id, source, status, enrolled_at, started_at, completed_at, passed_at)
       VALUES ($1, $2, $3, 'admin', 'completed', $4, $4, $5, $5) RETURNING id`,
      [course.id, course.version_id, person.id, enrolledAt, completedAt],
    );
    // Completed courses are credited, as the completion job would.
    await appendLedgerCredit(em, {
      userId: person.id,
      entryDate: wibDate(completedAt),
      source: 'course',
      sourceRef: e.id,
      title: course.title,
      provider: course.provider,
      trainingType: 'e-learning',
      route: 'nonklasikal',
      competencyType: 'sosial-kultural',
      jp: Number(course.jp),
      startDate: wibDate(enrolledAt),
      endDate: wibDate(completedAt),
    });
    const [r]: { id: string }[] = await em.query(
      `INSERT INTO survey_response (template_id, course_id, enrolment_id, user_id, org_unit_id, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [template.id, course.id, e.id, person.id, person.org_unit_id, completedAt],
    );
    for (const [k, item] of items.entries())
      if (item.kind === 'likert')
        await em.query(
          `INSERT INTO survey_answer (response_id, item_id, score) VALUES ($1, $2, $3)`,
          [r.id, item.id, score(i, k)],
        );
      else if (i < COMMENTS.length && k === items.length - 1)
        await em.query(
          `INSERT INTO survey_answer (response_id, item_id, text) VALUES ($1, $2, $3)`,
          [r.id, item.id, COMMENTS[i]],
        );
  }
  const [indicator]: { id: string }[] = await em.query(
    `INSERT INTO evaluation_indicator (course_id, name, unit, direction, description)
     VALUES ($1, 'Rata-rata waktu tunggu di loket', 'menit', 'lower-is-better',
             'Dari nomor antrean diambil sampai dilayani, rata-rata sebulan.') RETURNING id`,
    [course.id],
  );
  const [unit]: { id: string }[] = await em.query(
    `SELECT id FROM org_unit WHERE code = 'DISDUKCAPIL'`,
  );
  if (unit)
    await em.query(
      `INSERT INTO evaluation_indicator_value (indicator_id, org_unit_id, before_value, measured_before, note)
       VALUES ($1, $2, 47, $3, 'Sebelum pelatihan; nilai sesudah diisi setelah tiga bulan.')`,
      [indicator.id, unit.id, completedAt.toISOString().slice(0, 10)],
    );
  return people.length;
}

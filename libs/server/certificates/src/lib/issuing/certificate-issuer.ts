import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CertificateLearner, CompetencyType, EmploymentType } from '@siantar/contracts';
import { AppError, EnvSchema } from '@siantar/server-core';
import { wibDate } from '@siantar/server-ledger';
import type { DataSource, EntityManager } from 'typeorm';
import { rankLabel } from '../rendering/indonesian';
import { TemplateStore } from '../templates/template-store';
import type { ResolvedTemplate } from '../templates/template-resolution';
import { formatRegisterNumber } from './register-number';
import { type CertificateSnapshot, verificationUrl } from './snapshot';
import { newVerificationCode } from './verification-code';

export interface IssueOutcome {
  certificateId: string;
  /** False when the certificate existed already (a retried or repeated issue). */
  created: boolean;
}

/** What a certificate is about, read (and checked) inside the issuing transaction. */
export interface CertificateSource {
  kind: 'course' | 'webinar';
  userId: string;
  enrolmentId: string | null;
  courseId: string | null;
  versionId: string | null;
  liveSessionId: string | null;
  attendanceId: string | null;
  /** The unit whose template applies (course owner; webinar creator's unit). */
  ownerOrgUnitId: string;
  programme: CertificateSnapshot['programme'];
}

export const notCompleted = (detail: string) =>
  new AppError(409, 'certificates.not-completed', detail);

const STATUS_LABEL: Record<string, string> = {
  active: 'masih berjalan',
  withdrawn: 'dibatalkan',
  completed: 'selesai',
};

/** Thrown inside the transaction when another issue won the race: rolls the number back. */
class AlreadyIssued extends Error {}

/**
 * Issues certificates: at most one per learner and course version (or webinar), numbered
 * without gaps per issuer and year.
 *
 * The number comes from `certificate_counter`, incremented with an upsert (`… DO UPDATE SET
 * last_seq = last_seq + 1 RETURNING last_seq`) inside the issuing transaction: the row lock
 * makes concurrent issues of one issuer take turns, and a transaction that fails after taking
 * a number (including one that loses the race for the same learner, which meets the unique
 * index and rolls back on purpose) gives the number back with its rollback. Rendering the PDF
 * happens after the commit (`CertificateRenderer`), from the stored snapshot.
 */
@Injectable()
export class CertificateIssuer {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly templates: TemplateStore,
    private readonly config: EnvSchema,
  ) {}

  /** Refuses (409 certificates.not-completed) an enrolment that is not completed; 404 unknown. */
  issueForEnrolment(enrolmentId: string, now = new Date()): Promise<IssueOutcome> {
    return this.issue(now, (em) => this.enrolmentSource(em, enrolmentId));
  }

  /** Refuses an attendance that did not meet the rule, or one of a course's session. */
  issueForAttendance(attendanceId: string, now = new Date()): Promise<IssueOutcome> {
    return this.issue(now, (em) => this.attendanceSource(em, attendanceId));
  }

  private async issue(
    now: Date,
    load: (em: EntityManager) => Promise<CertificateSource>,
  ): Promise<IssueOutcome> {
    let source: CertificateSource | undefined;
    try {
      return await this.db.transaction(async (em) => {
        source = await load(em);
        const existing = await this.existing(em, source);
        if (existing) return { certificateId: existing, created: false };
        const template = await this.templates.resolve(em, source.ownerOrgUnitId);
        const learner = await loadLearner(em, source.userId);
        const issuedOn = wibDate(now);
        const year = Number(issuedOn.slice(0, 4));
        const seq = await nextSeq(em, template.issuer.id, year);
        const registerNumber = formatRegisterNumber(template.fields.numberFormat, {
          seq,
          year,
          month: Number(issuedOn.slice(5, 7)),
          issuerCode: template.issuer.code,
        });
        const code = newVerificationCode();
        const snapshot = buildSnapshot({
          registerNumber,
          code,
          publicUrl: this.config.PUBLIC_URL,
          issuedOn,
          learner,
          programme: source.programme,
          template,
        });
        const onConflict =
          source.kind === 'course'
            ? `(user_id, version_id) WHERE kind = 'course'`
            : `(user_id, live_session_id) WHERE kind = 'webinar'`;
        const rows: { id: string }[] = await em.query(
          `INSERT INTO certificate (code, kind, user_id, enrolment_id, course_id, version_id, live_session_id,
                                    attendance_id, issuer_org_unit_id, year, seq, register_number, snapshot, issued_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
           ON CONFLICT ${onConflict} DO NOTHING
           RETURNING id`,
          [
            code,
            source.kind,
            source.userId,
            source.enrolmentId,
            source.courseId,
            source.versionId,
            source.liveSessionId,
            source.attendanceId,
            template.issuer.id,
            year,
            seq,
            registerNumber,
            JSON.stringify(snapshot),
            now,
          ],
        );
        if (!rows[0]) throw new AlreadyIssued();
        return { certificateId: rows[0].id, created: true };
      });
    } catch (e) {
      if (!(e instanceof AlreadyIssued) || !source) throw e;
      const id = await this.existing(this.db.manager, source);
      if (!id) throw new Error('certificate vanished after a concurrent issue');
      return { certificateId: id, created: false };
    }
  }

  /**
   * What a re-issue states: the same number and code, the learner as they are now, and the
   * current template of the unit whose register holds the number (its own template, else
   * its nearest ancestor's, else the default).
   */
  async currentSnapshot(
    em: EntityManager,
    c: {
      kind: 'course' | 'webinar';
      enrolment_id: string | null;
      attendance_id: string | null;
      issuer_org_unit_id: string;
      snapshot: CertificateSnapshot;
    },
    now: Date,
  ): Promise<CertificateSnapshot> {
    const source =
      c.kind === 'course'
        ? await this.enrolmentSource(em, c.enrolment_id as string)
        : await this.attendanceSource(em, c.attendance_id as string);
    const template = await this.templates.resolve(em, c.issuer_org_unit_id);
    const snapshot = buildSnapshot({
      registerNumber: c.snapshot.registerNumber,
      code: c.snapshot.code,
      publicUrl: this.config.PUBLIC_URL,
      issuedOn: wibDate(now),
      learner: await loadLearner(em, source.userId),
      programme: source.programme,
      template,
    });
    return {
      ...snapshot,
      issuer: { ...c.snapshot.issuer, templateOrgUnitId: template.templateUnit?.id ?? null },
    };
  }

  private async existing(em: EntityManager, s: CertificateSource): Promise<string | null> {
    const rows: { id: string }[] =
      s.kind === 'course'
        ? await em.query(
            `SELECT id FROM certificate WHERE kind = 'course' AND user_id = $1 AND version_id = $2`,
            [s.userId, s.versionId],
          )
        : await em.query(
            `SELECT id FROM certificate WHERE kind = 'webinar' AND user_id = $1 AND live_session_id = $2`,
            [s.userId, s.liveSessionId],
          );
    return rows[0]?.id ?? null;
  }

  /**
   * The enrolment, share-locked: a completion still being committed (the job is enqueued
   * inside that transaction) is waited for, and a withdrawal cannot slip in meanwhile.
   */
  async enrolmentSource(em: EntityManager, enrolmentId: string): Promise<CertificateSource> {
    const [e]: {
      id: string;
      user_id: string;
      status: string;
      course_id: string;
      version_id: string;
      enrolled_at: Date;
      completed_at: Date | null;
      title: string;
      version_number: number;
      competency_type: CompetencyType;
      jp: string;
      owner_org_unit_id: string;
    }[] = await em.query(
      `SELECT e.id, e.user_id, e.status, e.course_id, e.version_id, e.enrolled_at, e.completed_at,
              cv.title, cv.number AS version_number, cv.competency_type, cv.jp, c.owner_org_unit_id
         FROM enrolment e
         JOIN course c ON c.id = e.course_id
         JOIN course_version cv ON cv.id = e.version_id
        WHERE e.id = $1
          FOR SHARE OF e`,
      [enrolmentId],
    );
    if (!e)
      throw new AppError(404, 'certificates.no-enrolment', 'Pendaftaran kursus tidak ditemukan.');
    if (e.status !== 'completed' || !e.completed_at)
      throw notCompleted(
        `Sertifikat belum dapat diterbitkan: kursus "${e.title}" belum diselesaikan oleh peserta (status pendaftaran: ${STATUS_LABEL[e.status] ?? e.status}). Sertifikat terbit otomatis setelah semua syarat kelulusan terpenuhi.`,
      );
    return {
      kind: 'course',
      userId: e.user_id,
      enrolmentId: e.id,
      courseId: e.course_id,
      versionId: e.version_id,
      liveSessionId: null,
      attendanceId: null,
      ownerOrgUnitId: e.owner_org_unit_id,
      programme: {
        kind: 'course',
        title: e.title,
        versionNumber: e.version_number,
        competencyType: e.competency_type,
        jp: Number(e.jp),
        startDate: wibDate(e.enrolled_at),
        endDate: wibDate(e.completed_at),
      },
    };
  }

  async attendanceSource(em: EntityManager, attendanceId: string): Promise<CertificateSource> {
    const [a]: {
      id: string;
      user_id: string;
      met_rule: boolean;
      session_id: string;
      course_id: string | null;
      title: string;
      jp: string;
      starts_at: Date;
      ends_at: Date;
      ended_at: Date | null;
      owner_org_unit_id: string | null;
    }[] = await em.query(
      `SELECT a.id, a.user_id, a.met_rule, a.session_id, s.course_id, s.title, s.jp, s.starts_at, s.ends_at,
              s.ended_at,
              coalesce((SELECT u.org_unit_id FROM app_user u WHERE u.id = s.created_by),
                       (SELECT o.id FROM org_unit o WHERE o.parent_id IS NULL AND o.kind = 'pemda'
                         ORDER BY o.created_at, o.id LIMIT 1)) AS owner_org_unit_id
         FROM live_attendance a
         JOIN live_session s ON s.id = a.session_id
        WHERE a.id = $1`,
      [attendanceId],
    );
    if (!a)
      throw new AppError(
        404,
        'certificates.no-attendance',
        'Catatan kehadiran webinar tidak ditemukan.',
      );
    if (a.course_id)
      throw notCompleted(
        `Sesi "${a.title}" adalah bagian dari kursus: sertifikatnya terbit ketika kursus diselesaikan.`,
      );
    if (!a.met_rule)
      throw notCompleted(
        `Sertifikat webinar "${a.title}" tidak dapat diterbitkan: kehadiran peserta tidak memenuhi syarat.`,
      );
    if (!a.owner_org_unit_id) throw new Error(`no issuing unit for live session ${a.session_id}`);
    return {
      kind: 'webinar',
      userId: a.user_id,
      enrolmentId: null,
      courseId: null,
      versionId: null,
      liveSessionId: a.session_id,
      attendanceId: a.id,
      ownerOrgUnitId: a.owner_org_unit_id,
      programme: {
        kind: 'webinar',
        title: a.title,
        versionNumber: null,
        competencyType: 'teknis',
        jp: Number(a.jp),
        startDate: wibDate(a.starts_at),
        endDate: wibDate(a.ended_at ?? a.ends_at),
      },
    };
  }
}

/**
 * The next number of an issuer's register for a year. The row stays locked until the
 * caller's transaction ends: the number is used by that transaction or given back.
 */
export async function nextSeq(em: EntityManager, issuerId: string, year: number): Promise<number> {
  const [row]: { last_seq: number }[] = await em.query(
    `INSERT INTO certificate_counter AS c (issuer_org_unit_id, year, last_seq) VALUES ($1, $2, 1)
     ON CONFLICT (issuer_org_unit_id, year) DO UPDATE SET last_seq = c.last_seq + 1
     RETURNING last_seq`,
    [issuerId, year],
  );
  return row.last_seq;
}

/** The learner as they are now (a certificate freezes this at issue and re-issue). */
export async function loadLearner(em: EntityManager, userId: string): Promise<CertificateLearner> {
  const [u]: {
    id: string;
    name: string;
    nip: string | null;
    employment_type: EmploymentType;
    rank: string | null;
    position: string;
    unit_name: string;
    opd_name: string;
  }[] = await em.query(
    `SELECT u.id, u.name, u.nip, u.employment_type, u.rank, u.position, ou.name AS unit_name,
            coalesce((SELECT a.name FROM org_unit a
                       WHERE a.kind = 'opd'
                         AND a.id = ANY(string_to_array(trim(both '/' from ou.path), '/')::uuid[])
                       ORDER BY length(a.path) DESC LIMIT 1), ou.name) AS opd_name
       FROM app_user u JOIN org_unit ou ON ou.id = u.org_unit_id
      WHERE u.id = $1`,
    [userId],
  );
  if (!u) throw new Error(`user ${userId} does not exist`);
  return {
    userId: u.id,
    name: u.name,
    nip: u.nip,
    employmentType: u.employment_type,
    rank: u.rank,
    rankLabel: rankLabel(u.rank),
    position: u.position,
    orgUnitName: u.unit_name,
    opdName: u.opd_name,
  };
}

export function buildSnapshot(input: {
  registerNumber: string;
  code: string;
  publicUrl: string;
  issuedOn: string;
  learner: CertificateLearner;
  programme: CertificateSnapshot['programme'];
  template: ResolvedTemplate;
}): CertificateSnapshot {
  return {
    v: 1,
    registerNumber: input.registerNumber,
    code: input.code,
    verificationUrl: verificationUrl(input.publicUrl, input.code),
    issuedOn: input.issuedOn,
    learner: input.learner,
    programme: input.programme,
    issuer: {
      orgUnitId: input.template.issuer.id,
      code: input.template.issuer.code,
      templateOrgUnitId: input.template.templateUnit?.id ?? null,
    },
    template: input.template.fields,
  };
}

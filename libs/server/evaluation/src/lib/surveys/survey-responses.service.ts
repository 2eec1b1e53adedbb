import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  SurveyAnswerView,
  SurveyForm,
  SurveyItemView,
  SurveySubmitRequest,
  SurveyTargetKind,
} from '@siantar/contracts';
import { CompletionSignals } from '@siantar/server-catalog';
import { AppError, notFound, type Principal } from '@siantar/server-core';
import { mayJoin } from '@siantar/server-live';
import type { DataSource, EntityManager } from 'typeorm';
import { attended, isSessionTrainer, loadSession } from './session-access';
import { checkAnswers } from './survey-answers';
import { activeItems, coursePolicy, type SurveyPolicy, sessionPolicy } from './survey-policy';

interface EnrolmentRow {
  id: string;
  user_id: string;
  course_id: string;
  status: string;
  title: string;
  survey_rule: boolean | null;
}

interface Target {
  kind: SurveyTargetKind;
  id: string;
  title: string;
  enrolmentId: string | null;
  requiredForCompletion: boolean;
  policy: SurveyPolicy;
}

/**
 * The respondent's side of the feedback surveys: the course survey through the learner's own
 * enrolment, a session's survey for those who attended it. One response each; a course
 * response raises the completion signal in the same transaction.
 */
@Injectable()
export class SurveyResponsesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly signals: CompletionSignals,
  ) {}

  async courseForm(enrolmentId: string, p: Principal): Promise<SurveyForm> {
    const target = await this.courseTarget(this.db.manager, enrolmentId, p);
    return this.form(this.db.manager, target, p);
  }

  submitCourse(enrolmentId: string, dto: SurveySubmitRequest, p: Principal): Promise<SurveyForm> {
    return this.db.transaction(async (em) => {
      const target = await this.courseTarget(em, enrolmentId, p, true);
      const responseId = await this.insert(em, target, dto, p);
      await this.signals.raise(em, enrolmentId, 'survey', responseId);
      return this.form(em, target, p);
    });
  }

  async sessionForm(sessionId: string, p: Principal): Promise<SurveyForm> {
    const target = await this.sessionTarget(this.db.manager, sessionId, p);
    return this.form(this.db.manager, target, p);
  }

  submitSession(sessionId: string, dto: SurveySubmitRequest, p: Principal): Promise<SurveyForm> {
    return this.db.transaction(async (em) => {
      const target = await this.sessionTarget(em, sessionId, p);
      await this.insert(em, target, dto, p);
      return this.form(em, target, p);
    });
  }

  /** The caller's own enrolment (404 otherwise, so ids reveal nothing), not withdrawn. */
  private async courseTarget(
    em: EntityManager,
    enrolmentId: string,
    p: Principal,
    lock = false,
  ): Promise<Target> {
    const rows: EnrolmentRow[] = await em.query(
      `SELECT e.id, e.user_id, e.course_id, e.status, v.title,
              (v.completion_rules->>'survey')::boolean AS survey_rule
         FROM enrolment e JOIN course_version v ON v.id = e.version_id
        WHERE e.id = $1 ${lock ? 'FOR UPDATE OF e' : ''}`,
      [enrolmentId],
    );
    const e = rows[0];
    if (!e || e.user_id !== p.id) throw notFound('Pendaftaran');
    if (e.status === 'withdrawn')
      throw new AppError(
        403,
        'survey.not-participant',
        `Pendaftaran Anda di kursus "${e.title}" sudah dibatalkan; survei hanya untuk peserta kursus.`,
      );
    const policy = await coursePolicy(em, e.course_id);
    return {
      kind: 'course',
      id: e.course_id,
      title: e.title,
      enrolmentId: e.id,
      requiredForCompletion: Boolean(e.survey_rule) || policy.required,
      policy,
    };
  }

  /**
   * Attendees only: someone the session is not for gets 404; its trainers and the invited
   * who did not attend get 403 saying why.
   */
  private async sessionTarget(em: EntityManager, sessionId: string, p: Principal): Promise<Target> {
    const s = await loadSession(em, sessionId);
    if (await isSessionTrainer(em, sessionId, p.id))
      throw new AppError(
        403,
        'survey.trainer',
        `Anda pengajar sesi "${s.title}"; survei sesi diisi oleh peserta.`,
      );
    if (!(await attended(em, sessionId, p.id))) {
      // Trainers are turned away above, so the live domain's join rule is the invitation.
      if (!(await mayJoin(em, s.id, p.id))) throw notFound('Sesi');
      throw new AppError(
        403,
        'survey.not-attendee',
        `Survei sesi "${s.title}" hanya untuk peserta yang hadir di sesi tersebut.`,
      );
    }
    return {
      kind: 'live-session',
      id: s.id,
      title: s.title,
      enrolmentId: null,
      requiredForCompletion: false,
      policy: await sessionPolicy(em, sessionId),
    };
  }

  /** One response: 409 if there is one already, 400 listing every bad answer. */
  private async insert(
    em: EntityManager,
    target: Target,
    dto: SurveySubmitRequest,
    p: Principal,
  ): Promise<string> {
    if (await this.existing(em, target, p)) throw alreadySent(target);
    // Share-locks the template: an edit of it waits until this response is in.
    await em.query(`SELECT 1 FROM survey_template WHERE id = $1 FOR SHARE`, [
      target.policy.templateId,
    ]);
    const items = await activeItems(em, target.policy.templateId);
    const { errors, answers } = checkAnswers(items, dto.answers);
    if (errors.length)
      throw new AppError(
        400,
        'survey.invalid-answers',
        `Jawaban survei belum benar — ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
        errors,
      );
    const rows: { id: string }[] = await em.query(
      `INSERT INTO survey_response (template_id, course_id, enrolment_id, session_id, user_id,
                                    org_unit_id, admins_may_see)
       SELECT $1, $2, $3, $4, u.id, u.org_unit_id, $6 FROM app_user u WHERE u.id = $5
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        target.policy.templateId,
        target.kind === 'course' ? target.id : null,
        target.enrolmentId,
        target.kind === 'live-session' ? target.id : null,
        p.id,
        target.policy.individualVisibleToAdmins,
      ],
    );
    if (!rows[0]) throw alreadySent(target);
    await em.query(
      `INSERT INTO survey_answer (response_id, item_id, score, text)
       SELECT $1, a.item_id, a.score, a.text
         FROM unnest($2::uuid[], $3::smallint[], $4::text[]) AS a(item_id, score, text)`,
      [
        rows[0].id,
        answers.map((a) => a.itemId),
        answers.map((a) => a.score),
        answers.map((a) => a.text),
      ],
    );
    return rows[0].id;
  }

  private async existing(
    em: EntityManager,
    target: Target,
    p: Principal,
  ): Promise<{ id: string; submitted_at: Date } | null> {
    const rows: { id: string; submitted_at: Date }[] =
      target.kind === 'course'
        ? await em.query(`SELECT id, submitted_at FROM survey_response WHERE enrolment_id = $1`, [
            target.enrolmentId,
          ])
        : await em.query(
            `SELECT id, submitted_at FROM survey_response WHERE session_id = $1 AND user_id = $2`,
            [target.id, p.id],
          );
    return rows[0] ?? null;
  }

  private async form(em: EntityManager, target: Target, p: Principal): Promise<SurveyForm> {
    const response = await this.existing(em, target, p);
    let items: SurveyItemView[];
    let answers: SurveyAnswerView[] | null = null;
    if (response) {
      // The items as answered: the response's template, answered items first in their order.
      const rows: (SurveyItemView & { score: number | null; answer: string | null })[] =
        await em.query(
          `SELECT i.id, i.kind, i.dimension, i.text, i.required, a.score, a.text AS answer
             FROM survey_response r JOIN survey_item i ON i.template_id = r.template_id
             LEFT JOIN survey_answer a ON a.response_id = r.id AND a.item_id = i.id
            WHERE r.id = $1 AND (i.retired_at IS NULL OR a.item_id IS NOT NULL)
            ORDER BY i.position`,
          [response.id],
        );
      items = rows.map(({ id, kind, dimension, text, required }) => ({
        id,
        kind,
        dimension,
        text,
        required,
      }));
      answers = rows
        .filter((r) => r.score !== null || r.answer !== null)
        .map((r) => ({ itemId: r.id, score: r.score, text: r.answer }));
    } else items = await activeItems(em, target.policy.templateId);
    const { policy } = target;
    return {
      target: { kind: target.kind, id: target.id, title: target.title },
      enrolmentId: target.enrolmentId,
      templateName: policy.templateName,
      description: policy.templateDescription,
      items,
      requiredForCompletion: target.requiredForCompletion,
      submitted: response !== null,
      submittedAt: response?.submitted_at.toISOString() ?? null,
      answers,
      anonymityNote: policy.individualVisibleToAdmins
        ? `Pengajar hanya melihat rekap tanpa nama, setelah sedikitnya ${policy.threshold} peserta mengisi. Admin pelatihan dapat membaca jawaban Anda per orang untuk evaluasi program.`
        : `Jawaban Anda anonim: pengajar dan admin hanya melihat rekap tanpa nama, setelah sedikitnya ${policy.threshold} peserta mengisi.`,
    };
  }
}

const alreadySent = (target: Target) =>
  new AppError(
    409,
    'survey.already-submitted',
    target.kind === 'course'
      ? `Survei kursus "${target.title}" sudah Anda isi; jawaban hanya dapat dikirim sekali.`
      : `Survei sesi "${target.title}" sudah Anda isi; jawaban hanya dapat dikirim sekali.`,
  );

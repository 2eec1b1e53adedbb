import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  EvaluationPeriodQuery,
  SessionSurveySummary,
  SurveyIndividualResponse,
  SurveyResults,
  SurveyTargetKind,
  TrainerSurveyResults,
  TrainerSurveyRow,
} from '@siantar/contracts';
import { adminReaches, courseForAuthoring } from '@siantar/server-catalog';
import { notFound, type Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { inPeriod, type Period, periodOf } from './period';
import { loadSession, sessionAccess } from './session-access';
import {
  aggregate,
  anonymityGate,
  type CommentRow,
  type ItemMeta,
  type ScoreCount,
} from './survey-aggregate';
import { coursePolicy, type SurveyPolicy, sessionPolicy } from './survey-policy';

/** The responses of one survey: the course's (`course_id`) or a session's (`session_id`). */
interface Scope {
  kind: SurveyTargetKind;
  id: string;
  title: string;
}

const column = (kind: SurveyTargetKind) => (kind === 'course' ? 'course_id' : 'session_id');

/**
 * Survey results. Trainers (a course's authors, a session's trainers) and anyone else without
 * the right to individual responses get aggregates only, and only once the survey has at least
 * its threshold of responses in the period; below it, nothing but the count. Admins who review
 * the course (or run the webinar) read each response with the respondent's name where the
 * survey's policy allows it, and only the responses given while it did.
 */
@Injectable()
export class SurveyResultsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async course(courseId: string, q: EvaluationPeriodQuery, p: Principal): Promise<SurveyResults> {
    const em = this.db.manager;
    const period = periodOf(q);
    const access = await courseForAuthoring(em, courseId, p);
    const policy = await coursePolicy(em, courseId);
    const title = await courseTitle(em, courseId);
    return this.results(
      em,
      { kind: 'course', id: courseId, title },
      policy,
      period,
      access.isReviewer,
    );
  }

  /** The programme page: the course survey's aggregates, under the trainers' rules. */
  async courseAggregates(
    em: EntityManager,
    courseId: string,
    period: Period,
  ): Promise<SurveyResults> {
    const policy = await coursePolicy(em, courseId);
    const title = await courseTitle(em, courseId);
    return this.results(em, { kind: 'course', id: courseId, title }, policy, period, false);
  }

  async session(sessionId: string, q: EvaluationPeriodQuery, p: Principal): Promise<SurveyResults> {
    const em = this.db.manager;
    const period = periodOf(q);
    const s = await loadSession(em, sessionId);
    const access = await sessionAccess(em, s, p);
    if (!access.manages && !access.trainer) throw notFound('Sesi');
    const policy = await sessionPolicy(em, sessionId);
    return this.results(
      em,
      { kind: 'live-session', id: sessionId, title: s.title },
      policy,
      period,
      access.adminInReach,
    );
  }

  /** The course's sessions that have a survey (settings or responses), aggregates only. */
  async courseSessions(
    em: EntityManager,
    courseId: string,
    period: Period,
  ): Promise<SessionSurveySummary[]> {
    const sessions: { id: string; title: string; starts_at: Date }[] = await em.query(
      `SELECT s.id, s.title, s.starts_at FROM live_session s
        WHERE s.course_id = $1 AND (EXISTS (SELECT 1 FROM live_session_survey x WHERE x.session_id = s.id)
                                  OR EXISTS (SELECT 1 FROM survey_response r WHERE r.session_id = s.id))
        ORDER BY s.starts_at, s.id`,
      [courseId],
    );
    const out: SessionSurveySummary[] = [];
    for (const s of sessions) {
      const r = await this.results(
        em,
        { kind: 'live-session', id: s.id, title: s.title },
        await sessionPolicy(em, s.id),
        period,
        false,
      );
      out.push({
        sessionId: s.id,
        title: s.title,
        startsAt: s.starts_at.toISOString(),
        responses: r.responses,
        threshold: r.threshold,
        suppressed: r.suppressed,
        needed: r.needed,
        overall: r.overall,
        dimensions: r.dimensions,
      });
    }
    return out;
  }

  /**
   * A trainer's surveys in the period (courses they author, sessions they train) and totals
   * over those that reach their own threshold; for the trainer and admins whose reach holds
   * the trainer's unit. Aggregates only, for everyone.
   */
  async trainer(
    userId: string,
    q: EvaluationPeriodQuery,
    p: Principal,
  ): Promise<TrainerSurveyResults> {
    const em = this.db.manager;
    const period = periodOf(q);
    const users: { name: string; org_unit_id: string }[] = await em.query(
      `SELECT name, org_unit_id FROM app_user WHERE id = $1`,
      [userId],
    );
    const user = users[0];
    if (!user || (userId !== p.id && !(await adminReaches(em, user.org_unit_id, p))))
      throw notFound('Pengajar');
    const targets: { kind: SurveyTargetKind; id: string; title: string }[] = await em.query(
      `SELECT 'course' AS kind, c.id, v.title FROM course_author a JOIN course c ON c.id = a.course_id
         JOIN course_version v ON v.id = coalesce(c.current_version_id,
           (SELECT id FROM course_version WHERE course_id = c.id ORDER BY number DESC LIMIT 1))
        WHERE a.user_id = $1
       UNION ALL
       SELECT 'live-session', s.id, s.title FROM live_session_trainer t JOIN live_session s ON s.id = t.session_id
        WHERE t.user_id = $1
       ORDER BY 1, 3, 2`,
      [userId],
    );
    const surveys: TrainerSurveyRow[] = [];
    const items: ItemMeta[] = [];
    let counts: ScoreCount[] = [];
    const comments: TrainerSurveyResults['comments'] = [];
    const excluded = { surveys: 0, responses: 0 };
    for (const t of targets) {
      const policy =
        t.kind === 'course' ? await coursePolicy(em, t.id) : await sessionPolicy(em, t.id);
      const responses = await countResponses(em, t, period);
      if (responses === 0) continue;
      const gate = anonymityGate(responses, policy.threshold, false);
      let average: number | null = null;
      if (gate.suppressed) {
        excluded.surveys += 1;
        excluded.responses += responses;
      } else {
        const c = await scoreCounts(em, t, period);
        const own = await commentRows(em, t, period);
        const its = await itemsFor(em, policy.templateId, c, own);
        const agg = aggregate(its, c, own);
        average = agg.overall.average;
        counts = counts.concat(c);
        items.push(...its.filter((i) => !items.some((x) => x.id === i.id)));
        for (const g of agg.comments)
          if (g.comments.length) comments.push({ ...g, targetTitle: t.title });
      }
      surveys.push({
        kind: t.kind,
        id: t.id,
        title: t.title,
        responses,
        threshold: policy.threshold,
        suppressed: gate.suppressed,
        needed: gate.needed,
        average,
      });
    }
    const totals = aggregate(items, counts, []);
    const responses = surveys.filter((s) => !s.suppressed).reduce((n, s) => n + s.responses, 0);
    return {
      trainer: { userId, name: user.name },
      from: period.from,
      to: period.to,
      surveys,
      responses,
      overall: responses ? totals.overall : null,
      dimensions: responses ? totals.dimensions : [],
      comments,
      excluded,
    };
  }

  private async results(
    em: EntityManager,
    scope: Scope,
    policy: SurveyPolicy,
    period: Period,
    adminInReach: boolean,
  ): Promise<SurveyResults> {
    const responses = await countResponses(em, scope, period);
    const individualVisible = adminInReach && policy.individualVisibleToAdmins;
    let individual: SurveyIndividualResponse[] | null = null;
    if (individualVisible) individual = await individualResponses(em, scope, period);
    // Unheld only when every response in the period may be read one by one anyway.
    const gate = anonymityGate(
      responses,
      policy.threshold,
      individual !== null && individual.length === responses,
    );
    const base: SurveyResults = {
      target: { kind: scope.kind, id: scope.id, title: scope.title },
      from: period.from,
      to: period.to,
      templateName: policy.templateName,
      threshold: policy.threshold,
      responses,
      suppressed: gate.suppressed,
      needed: gate.needed,
      overall: null,
      dimensions: [],
      items: [],
      comments: [],
      individual,
      individualVisible,
    };
    if (gate.suppressed) return base;
    const counts = await scoreCounts(em, scope, period);
    const comments = await commentRows(em, scope, period);
    const agg = aggregate(
      await itemsFor(em, policy.templateId, counts, comments),
      counts,
      comments,
    );
    return { ...base, ...agg };
  }
}

async function courseTitle(em: EntityManager, courseId: string): Promise<string> {
  const rows: { title: string }[] = await em.query(
    `SELECT v.title FROM course c JOIN course_version v ON v.id = coalesce(c.current_version_id,
       (SELECT id FROM course_version WHERE course_id = c.id ORDER BY number DESC LIMIT 1))
      WHERE c.id = $1`,
    [courseId],
  );
  return rows[0]?.title ?? '';
}

async function countResponses(em: EntityManager, s: Scope, period: Period): Promise<number> {
  const [{ n }]: { n: number }[] = await em.query(
    `SELECT count(*)::int AS n FROM survey_response r
      WHERE r.${column(s.kind)} = $1 AND ${inPeriod('r.submitted_at', 2)}`,
    [s.id, period.from, period.to],
  );
  return n;
}

function scoreCounts(em: EntityManager, s: Scope, period: Period): Promise<ScoreCount[]> {
  return em.query(
    `SELECT a.item_id AS "itemId", a.score, count(*)::int AS count
       FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
      WHERE r.${column(s.kind)} = $1 AND ${inPeriod('r.submitted_at', 2)} AND a.score IS NOT NULL
      GROUP BY 1, 2`,
    [s.id, period.from, period.to],
  );
}

function commentRows(em: EntityManager, s: Scope, period: Period): Promise<CommentRow[]> {
  return em.query(
    `SELECT a.item_id AS "itemId", a.text
       FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
      WHERE r.${column(s.kind)} = $1 AND ${inPeriod('r.submitted_at', 2)} AND a.text IS NOT NULL`,
    [s.id, period.from, period.to],
  );
}

/**
 * The items to report: the current template's, in order, then any other item that was
 * answered (removed from the template, or of a template used before), marked retired.
 */
async function itemsFor(
  em: EntityManager,
  templateId: string,
  counts: ScoreCount[],
  comments: CommentRow[],
): Promise<ItemMeta[]> {
  const answered = [...new Set([...counts, ...comments].map((c) => c.itemId))];
  return em.query(
    `SELECT id, kind, dimension, text, (retired_at IS NOT NULL OR template_id <> $1) AS retired
       FROM survey_item
      WHERE (template_id = $1 AND retired_at IS NULL) OR id = ANY ($2::uuid[])
      ORDER BY (template_id = $1 AND retired_at IS NULL) DESC, template_id, position`,
    [templateId, answered],
  );
}

/** The responses admins may read one by one: given while the policy allowed it. */
async function individualResponses(
  em: EntityManager,
  s: Scope,
  period: Period,
): Promise<SurveyIndividualResponse[]> {
  const rows: {
    id: string;
    user_id: string;
    name: string;
    nip: string | null;
    org_unit_name: string;
    submitted_at: Date;
    answers: { itemId: string; score: number | null; text: string | null }[];
  }[] = await em.query(
    `SELECT r.id, r.user_id, u.name, u.nip, o.name AS org_unit_name, r.submitted_at,
            coalesce(json_agg(json_build_object('itemId', a.item_id, 'score', a.score, 'text', a.text)
                              ORDER BY i.position) FILTER (WHERE a.item_id IS NOT NULL), '[]') AS answers
       FROM survey_response r JOIN app_user u ON u.id = r.user_id JOIN org_unit o ON o.id = r.org_unit_id
       LEFT JOIN survey_answer a ON a.response_id = r.id LEFT JOIN survey_item i ON i.id = a.item_id
      WHERE r.${column(s.kind)} = $1 AND ${inPeriod('r.submitted_at', 2)} AND r.admins_may_see
      GROUP BY r.id, u.name, u.nip, o.name ORDER BY r.submitted_at, r.id`,
    [s.id, period.from, period.to],
  );
  return rows.map((r) => ({
    responseId: r.id,
    userId: r.user_id,
    name: r.name,
    nip: r.nip,
    orgUnitName: r.org_unit_name,
    submittedAt: r.submitted_at.toISOString(),
    answers: r.answers,
  }));
}

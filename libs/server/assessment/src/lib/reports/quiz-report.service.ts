import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { QuizReport } from '@siantar/contracts';
import { fileSlug, type Principal, toCsv } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { quizForAuthoring } from '../quizzes/quizzes.service';
import { coursePrePostGain } from './course-gain';
import { discriminationIndex, facilityIndex, scoreHistogram } from './quiz-statistics';

interface AttemptStat {
  id: string;
  user_id: string;
  name: string;
  nip: string | null;
  number: number;
  status: string;
  percent: string | null;
  mark: string | null;
  max_mark: string;
  passed: boolean | null;
  started_at: Date;
  submitted_at: Date | null;
}

/** Per-quiz statistics for trainers, computed from graded attempts. */
@Injectable()
export class QuizReportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async report(quizId: string, p: Principal): Promise<QuizReport> {
    const em = this.db.manager;
    const quiz = await quizForAuthoring(em, quizId, p);
    const attempts = await this.attempts(em, quizId);
    const graded = attempts.filter((a) => a.status === 'graded');
    const percents = graded.map((a) => Number(a.percent));
    const slots: {
      question_id: string;
      name: string;
      type: string;
      fraction: string | null;
      max_mark: string;
      attempt_mark: string;
    }[] = await em.query(
      `SELECT s.question_id, cur.name, cur.type, s.fraction, s.max_mark, a.mark AS attempt_mark
           FROM attempt_slot s JOIN quiz_attempt a ON a.id = s.attempt_id
           JOIN question q ON q.id = s.question_id JOIN question_version cur ON cur.id = q.current_version_id
          WHERE a.quiz_id = $1 AND a.status = 'graded' AND cur.type <> 'description'
          ORDER BY cur.name`,
      [quizId],
    );
    const byQuestion = new Map<string, typeof slots>();
    for (const s of slots)
      byQuestion.set(s.question_id, [...(byQuestion.get(s.question_id) ?? []), s]);
    return {
      quizId,
      title: quiz.settings.title,
      attempts: attempts.filter((a) => a.status !== 'in-progress').length,
      learners: new Set(attempts.map((a) => a.user_id)).size,
      graded: graded.length,
      awaitingGrading: attempts.filter((a) => a.status === 'awaiting-grading').length,
      averagePercent: percents.length
        ? round(percents.reduce((s, x) => s + x, 0) / percents.length)
        : null,
      passRate: graded.length
        ? round((graded.filter((a) => a.passed).length / graded.length) * 100)
        : null,
      histogram: scoreHistogram(percents),
      questions: [...byQuestion.entries()].map(([questionId, rows]) => {
        const fractions = rows.map((r) => Number(r.fraction ?? 0));
        const d = discriminationIndex(
          rows.map((r) => ({
            total: Number(r.attempt_mark),
            fraction: Number(r.fraction ?? 0),
            itemMark: Number(r.max_mark),
          })),
        );
        const f = facilityIndex(fractions);
        return {
          questionId,
          name: rows[0].name,
          type: rows[0].type,
          attempts: rows.length,
          facility: f === null ? null : round(f, 4),
          discrimination: d === null ? null : round(d, 4),
        };
      }),
      gain: await this.gain(em, quiz.course_id),
    };
  }

  async csv(quizId: string, p: Principal): Promise<{ filename: string; text: string }> {
    const quiz = await quizForAuthoring(this.db.manager, quizId, p);
    const attempts = await this.attempts(this.db.manager, quizId);
    const text = toCsv(
      [
        'nama',
        'nip',
        'percobaan',
        'status',
        'mulai',
        'dikumpulkan',
        'nilai',
        'nilai_maks',
        'persen',
        'lulus',
      ],
      attempts.map((a) => [
        a.name,
        a.nip,
        a.number,
        a.status,
        new Date(a.started_at).toISOString(),
        a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
        a.mark === null ? null : Number(a.mark),
        Number(a.max_mark),
        a.percent === null ? null : Number(a.percent),
        a.passed === null ? null : a.passed ? 'ya' : 'tidak',
      ]),
      { bom: true },
    );
    return { filename: `laporan-${fileSlug(quiz.settings.title, 'kuis')}.csv`, text };
  }

  private attempts(em: EntityManager, quizId: string): Promise<AttemptStat[]> {
    return em.query(
      `SELECT a.id, a.user_id, u.name, u.nip, a.number, a.status, a.percent, a.mark, a.max_mark, a.passed,
              a.started_at, a.submitted_at
         FROM quiz_attempt a JOIN app_user u ON u.id = a.user_id
        WHERE a.quiz_id = $1 ORDER BY u.name, a.number`,
      [quizId],
    );
  }

  /** Pre-test → post-test of the course, each learner's grade that counts on both. */
  private async gain(em: EntityManager, courseId: string): Promise<QuizReport['gain']> {
    const g = await coursePrePostGain(em, courseId);
    if (!g.preQuizId || !g.postQuizId) return null;
    return {
      preQuizId: g.preQuizId,
      postQuizId: g.postQuizId,
      learners: g.learners,
      averageGain: g.averageGain,
      averageNormalisedGain: g.averageNormalisedGain,
    };
  }
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

import { Injectable } from '@nestjs/common';
import { QueueService } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';

export type SignalKind = 'lesson' | 'attempt' | 'attendance' | 'survey' | 'manual';

/**
 * Tells the completion job that an enrolment must be looked at again. Called
 * inside the transaction of the change: the signal row commits with it (or not
 * at all), and the job waits for that row before it evaluates. A signal raised
 * twice (a resent event, a retried transaction) enqueues nothing new.
 */
@Injectable()
export class CompletionSignals {
  constructor(private readonly queue: QueueService) {}

  async raise(
    em: EntityManager,
    enrolmentId: string,
    kind: SignalKind,
    ref: string,
  ): Promise<void> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO completion_signal (enrolment_id, kind, ref) VALUES ($1, $2, $3)
       ON CONFLICT (enrolment_id, kind, ref) DO NOTHING RETURNING id`,
      [enrolmentId, kind, ref],
    );
    const id = rows[0]?.id;
    if (id)
      await this.queue.enqueue(
        'catalog.evaluate-completion',
        { signalId: id },
        { jobId: `completion-${id}` },
      );
  }

  /** Marks lessons of an enrolment completed (sticky) and signals each one that changed. */
  async completeLessons(
    em: EntityManager,
    enrolmentId: string,
    lessonFilter: { type: 'quiz'; quizId: string } | { lessonId: string },
  ): Promise<void> {
    const byQuiz = 'quizId' in lessonFilter;
    const rows: { lesson_id: string }[] = await em.query(
      `INSERT INTO lesson_progress (enrolment_id, lesson_id, status, percent, completed_at)
       SELECT e.id, l.id, 'completed', 100, now()
         FROM enrolment e JOIN lesson l ON l.version_id = e.version_id
        WHERE e.id = $1 AND ${byQuiz ? `l.type = 'quiz' AND l.content->>'quizId' = $2` : `l.id = $2::uuid`}
       ON CONFLICT (enrolment_id, lesson_id) DO UPDATE
          SET status = 'completed', percent = 100,
              completed_at = coalesce(lesson_progress.completed_at, now()), updated_at = now()
       RETURNING lesson_id`,
      [enrolmentId, byQuiz ? lessonFilter.quizId : lessonFilter.lessonId],
    );
    for (const r of rows) await this.raise(em, enrolmentId, 'lesson', r.lesson_id);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RegradeRequest } from '@siantar/contracts';
import { AppError, jobKey, type Principal, QueueService } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { quizForAuthoring } from '../quizzes/quizzes.service';

/**
 * A regrade is explicit: an author asks for it after changing a key, with a reason.
 * The request is recorded, and each affected attempt gets its own job (business key
 * regrade + attempt), which moves the attempt's slots to the question's current
 * version and writes a `regrade` grade event with the before/after marks.
 */
@Injectable()
export class RegradeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: QueueService,
  ) {}

  request(
    quizId: string,
    dto: RegradeRequest,
    p: Principal,
  ): Promise<{ enqueued: number; regradeId: string }> {
    return this.db.transaction(async (em) => {
      await quizForAuthoring(em, quizId, p);
      const attempts: { id: string }[] = await em.query(
        `SELECT a.id FROM quiz_attempt a
          WHERE a.quiz_id = $1 AND a.status IN ('graded', 'awaiting-grading')
            AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM attempt_slot s WHERE s.attempt_id = a.id AND s.question_id = $2))
          ORDER BY a.submitted_at`,
        [quizId, dto.questionId ?? null],
      );
      if (attempts.length === 0)
        throw new AppError(
          409,
          'regrade.nothing',
          'Belum ada percobaan yang sudah dinilai untuk dinilai ulang.',
        );
      const [{ id }] = await em.query<{ id: string }[]>(
        `INSERT INTO regrade (quiz_id, question_id, reason, requested_by, attempts) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [quizId, dto.questionId ?? null, dto.reason, p.id, attempts.length],
      );
      for (const a of attempts)
        await this.queue.enqueue(
          'assessment.regrade-attempt',
          { attemptId: a.id, regradeId: id },
          { jobId: jobKey('regrade', id, a.id) },
        );
      return { enqueued: attempts.length, regradeId: id };
    });
  }
}

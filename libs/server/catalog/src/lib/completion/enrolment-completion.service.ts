import { Injectable } from '@nestjs/common';
import type { CompletionChecklist } from '@siantar/contracts';
import { appendLedgerCredit, wibDate } from '@siantar/server-ledger';
import type { EntityManager } from 'typeorm';
import { CompletionListeners } from './completion-listeners';
import { type EnrolmentForCompletion, loadEnrolment, loadFacts } from './completion-facts';
import { evaluateCompletion } from './completion-rules';

export interface CompletionOutcome {
  userId: string;
  /** True when this evaluation completed the enrolment or marked it passed. */
  changed: boolean;
  status: EnrolmentForCompletion['status'];
}

/**
 * Evaluates an enrolment and completes it at most once. The enrolment row is
 * locked, completion is sticky and the ledger credit is unique per enrolment, so
 * running this again, concurrently, or after events in another order changes
 * nothing more.
 */
@Injectable()
export class EnrolmentCompletion {
  constructor(private readonly listeners: CompletionListeners) {}

  async evaluate(
    em: EntityManager,
    enrolmentId: string,
    now = new Date(),
  ): Promise<CompletionOutcome | null> {
    const e = await loadEnrolment(em, enrolmentId, true);
    if (!e) return null;
    if (e.status === 'withdrawn') return { userId: e.user_id, changed: false, status: e.status };
    const result = evaluateCompletion(await loadFacts(em, e), now);
    let changed = false;
    if (e.status === 'active' && result.completedAt) {
      await em.query(
        `UPDATE enrolment SET status = 'completed', completed_at = $2, passed_at = $3 WHERE id = $1`,
        [e.id, result.completedAt, result.passedAt],
      );
      await appendLedgerCredit(em, {
        userId: e.user_id,
        entryDate: wibDate(result.completedAt),
        source: 'course',
        sourceRef: e.id,
        title: e.title,
        provider: e.provider,
        trainingType: e.delivery_mode === 'self-paced' ? 'e-learning' : 'pelatihan jarak jauh',
        route: 'nonklasikal',
        competencyType: e.competency_type,
        jp: Number(e.jp),
        startDate: wibDate(e.enrolled_at),
        endDate: wibDate(result.completedAt),
      });
      await this.listeners.completed(em, {
        enrolmentId: e.id,
        userId: e.user_id,
        courseId: e.course_id,
        completedAt: result.completedAt,
      });
      changed = true;
    } else if (e.status === 'completed' && !e.passed_at && result.passedAt) {
      await em.query(`UPDATE enrolment SET passed_at = $2 WHERE id = $1`, [e.id, result.passedAt]);
      changed = true;
    }
    return { userId: e.user_id, changed, status: changed ? 'completed' : e.status };
  }

  /** What the learner sees: each criterion, met or not, and what remains. */
  async checklist(
    em: EntityManager,
    enrolmentId: string,
    now = new Date(),
  ): Promise<CompletionChecklist | null> {
    const e = await loadEnrolment(em, enrolmentId, false);
    if (!e) return null;
    const result = evaluateCompletion(await loadFacts(em, e), now);
    return {
      enrolmentId: e.id,
      status: e.status,
      completedAt: e.completed_at?.toISOString() ?? null,
      deadline: e.completion_deadline?.toISOString() ?? null,
      expired: e.status === 'active' && result.expired,
      items: result.items,
    };
  }
}

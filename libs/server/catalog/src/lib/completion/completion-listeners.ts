import { Injectable, SetMetadata } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';

/** An enrolment that has just been completed (the course end is `completedAt`). */
export interface EnrolmentCompleted {
  enrolmentId: string;
  userId: string;
  courseId: string;
  /** When the last criterion was met (not when the job ran). */
  completedAt: Date;
}

/**
 * A domain that acts when an enrolment completes (e.g. the evaluation domain plans its
 * post-training follow-ups). It runs inside the transaction that completes the enrolment,
 * with the enrolment row locked: what it writes commits with the completion or not at all,
 * and a job it enqueues is the last step of that write (a Redis failure rolls it back and
 * the completion job retries). It must be idempotent: a retried job may call it again.
 */
export interface EnrolmentCompletedListener {
  enrolmentCompleted(em: EntityManager, e: EnrolmentCompleted): Promise<void>;
}

const LISTENER = 'siantar:enrolment-completed-listener';

/** Marks a provider (implementing EnrolmentCompletedListener) to be called on every completion. */
export const OnEnrolmentCompleted = (): ClassDecorator => SetMetadata(LISTENER, true);

/**
 * The catalog's one domain event: other domains plug in with @OnEnrolmentCompleted()
 * providers of their own modules (found when first needed), so the catalog never imports them.
 */
@Injectable()
export class CompletionListeners {
  private found?: EnrolmentCompletedListener[];

  constructor(private readonly discovery: DiscoveryService) {}

  private listeners(): EnrolmentCompletedListener[] {
    if (!this.found) {
      const byClass = new Map<unknown, EnrolmentCompletedListener>();
      for (const { instance, metatype } of this.discovery.getProviders()) {
        if (!instance || !metatype || !Reflect.getMetadata(LISTENER, metatype)) continue;
        if (!byClass.has(metatype)) byClass.set(metatype, instance as EnrolmentCompletedListener);
      }
      this.found = [...byClass.values()];
    }
    return this.found;
  }

  async completed(em: EntityManager, e: EnrolmentCompleted): Promise<void> {
    for (const l of this.listeners()) await l.enrolmentCompleted(em, e);
  }
}

import {
  FOLLOW_UP_ANSWER_DAYS,
  FOLLOW_UP_DEFAULT_DAYS,
  type FollowUpStatus,
} from '@siantar/contracts';
import { jobKey } from '@siantar/server-core';
import { wibDate } from '@siantar/server-ledger';

const DAY_MS = 86_400_000;

/**
 * When a follow-up is asked: 08:00 WIB (01:00 UTC), `offsetDays` calendar days after the
 * Asia/Jakarta date of the course end. Derived from the course end alone, so planning it
 * again gives the same moment, and people are asked in the morning, not at the minute the
 * course happened to end.
 */
export function followUpDueAt(courseEnd: Date, offsetDays: number): Date {
  const [y, m, d] = wibDate(courseEnd).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + offsetDays, 1, 0, 0));
}

/** The answer time: after it a follow-up that is not done is overdue (and reminded once). */
export const answerByOf = (dueAt: Date): Date =>
  new Date(dueAt.getTime() + FOLLOW_UP_ANSWER_DAYS * DAY_MS);

/**
 * The delayed job of a follow-up: enrolment, offset and due time. The due time is part of
 * the key (as in NotificationPlanner's keys): moving a follow-up adds a job under a new id
 * even while the old id is still kept by BullMQ (a completed job is kept for a day, and an
 * add with a kept id is ignored), and a stale job that escaped removal finds its row due
 * later and does nothing.
 */
export const followUpJobId = (enrolmentId: string, offsetDays: number, dueAt: Date): string =>
  jobKey('follow-up', enrolmentId, `${offsetDays}d`, dueAt.getTime());

/** A course's own days (ascending, unique), or the default when it has none. */
export const effectiveDays = (own: number[] | null | undefined): number[] =>
  [...new Set(own ?? FOLLOW_UP_DEFAULT_DAYS)].sort((a, b) => a - b);

export type StoredStatus = 'scheduled' | 'open' | 'done' | 'cancelled';

/** What people see: an open follow-up past its answer time is overdue. */
export function shownStatus(
  stored: StoredStatus,
  answerBy: Date,
  now = new Date(),
): FollowUpStatus {
  switch (stored) {
    case 'open':
      return answerBy.getTime() < now.getTime() ? 'overdue' : 'pending';
    case 'scheduled':
    case 'done':
    case 'cancelled':
      return stored;
  }
}

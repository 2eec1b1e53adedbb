import type { NotifyCategory } from '@siantar/contracts';

/** The data each event carries (what its templates may use); typed so a template cannot ask for more. */
export interface NotifyEventData {
  enrolled: { courseId: string; courseTitle: string; dueAt: string | null };
  'deadline-approaching': {
    courseId: string;
    courseTitle: string;
    dueAt: string;
    daysLeft: number;
  };
  /** `ics`: the session's calendar entry as it stands (emails attach it). */
  'live-reminder': {
    sessionId: string;
    title: string;
    startsAt: string;
    minutesBefore: number;
    ics?: string;
  };
  'live-rescheduled': { sessionId: string; title: string; startsAt: string; ics?: string };
  'live-cancelled': { sessionId: string; title: string; reason: string; ics?: string };
  'course-completed': { courseId: string; courseTitle: string; jp: number };
  /** A quiz graded, automatically or by a trainer marking essays; score null when hidden. */
  'attempt-graded': {
    enrolmentId: string;
    lessonId: string | null;
    quizTitle: string;
    percent: number | null;
    passed: boolean | null;
  };
  /** No progress for `idleDays` on a course that has a deadline. */
  inactive: { courseId: string; courseTitle: string; dueAt: string; idleDays: number };
  /** The yearly JP right: a learner below their target late in the year. */
  'jp-nudge': { year: number; jp: number; target: number };
  /** The same nudge for a supervisor: their direct reports below target. */
  'jp-team-summary': {
    year: number;
    team: number;
    behindCount: number;
    /** The furthest behind first, at most TEAM_SUMMARY_NAMES of them. */
    behind: { name: string; jp: number; target: number }[];
  };
  /** A reviewer's decision on a course version, for its authors. */
  'review-decided': {
    courseId: string;
    courseTitle: string;
    versionNumber: number;
    decision: 'approved' | 'sent-back';
    note: string | null;
  };
  /** The monthly compliance figures of an OPD, for its head. */
  'opd-compliance': {
    orgUnitId: string;
    orgUnitName: string;
    year: number;
    /** The month the report closes (1–12). */
    month: number;
    staff: number;
    belowTarget: number;
    jp: number;
    overdue: number;
    enrolled: number;
    completed: number;
    /** Post-training follow-ups of the OPD's staff still not done after their answer time. */
    followUpsOverdue: number;
  };
  /** A post-training follow-up (EPP, L3) is asked: the alumnus reports progress on their RTL. */
  'follow-up-due': {
    followUpId: string;
    courseId: string;
    courseTitle: string;
    offsetDays: number;
    answerBy: string;
  };
  /** The same follow-up for the alumnus's direct supervisor: confirm the application at work. */
  'follow-up-confirm': {
    followUpId: string;
    courseTitle: string;
    alumnusName: string;
    offsetDays: number;
    answerBy: string;
  };
  /** A follow-up still without this person's part after its answer time. */
  'follow-up-overdue': {
    followUpId: string;
    courseTitle: string;
    role: 'alumnus' | 'supervisor';
    alumnusName: string;
    answerBy: string;
  };
}

export type NotifyEvent = keyof NotifyEventData;

export const EVENT_CATEGORY: Record<NotifyEvent, NotifyCategory> = {
  enrolled: 'enrolment',
  'deadline-approaching': 'deadline',
  'live-reminder': 'live-reminder',
  'live-rescheduled': 'live-change',
  'live-cancelled': 'live-change',
  'course-completed': 'completion',
  'attempt-graded': 'grading',
  inactive: 'inactivity',
  'jp-nudge': 'jp-nudge',
  'jp-team-summary': 'jp-nudge',
  'review-decided': 'review',
  'opd-compliance': 'opd-report',
  'follow-up-due': 'follow-up',
  'follow-up-confirm': 'follow-up',
  'follow-up-overdue': 'follow-up',
};

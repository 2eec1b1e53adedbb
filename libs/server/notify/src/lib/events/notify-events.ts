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
  'live-reminder': { sessionId: string; title: string; startsAt: string; minutesBefore: number };
  'live-rescheduled': { sessionId: string; title: string; startsAt: string };
  'live-cancelled': { sessionId: string; title: string; reason: string };
  'course-completed': { courseId: string; courseTitle: string; jp: number };
  /** A quiz graded, automatically or by a trainer marking essays; score null when hidden. */
  'attempt-graded': {
    enrolmentId: string;
    lessonId: string | null;
    quizTitle: string;
    percent: number | null;
    passed: boolean | null;
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
};

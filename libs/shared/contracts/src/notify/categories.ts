/** What a notification is about; preferences are kept per category. */
export const NOTIFY_CATEGORIES = [
  'enrolment',
  'deadline',
  'live-reminder',
  'live-change',
  'grading',
  'completion',
  'inactivity',
  'jp-nudge',
  'review',
  'opd-report',
  'follow-up',
] as const;
export type NotifyCategory = (typeof NOTIFY_CATEGORIES)[number];

/** Where a notification goes; adapters for more (WhatsApp, SMS) plug in beside these. */
export const NOTIFY_CHANNELS = ['email', 'in-app'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export interface CategoryDefaults {
  email: boolean;
  inApp: boolean;
  digest: boolean;
  /** Cannot be turned off by the user (e.g. a cancelled session). */
  mandatory: boolean;
}

/** Defaults before an admin changes them (`notification_default`). */
export const CATEGORY_DEFAULTS: Record<NotifyCategory, CategoryDefaults> = {
  enrolment: { email: true, inApp: true, digest: false, mandatory: false },
  deadline: { email: true, inApp: true, digest: false, mandatory: false },
  'live-reminder': { email: true, inApp: true, digest: false, mandatory: false },
  'live-change': { email: true, inApp: true, digest: false, mandatory: true },
  grading: { email: false, inApp: true, digest: false, mandatory: false },
  completion: { email: true, inApp: true, digest: false, mandatory: false },
  inactivity: { email: true, inApp: true, digest: true, mandatory: false },
  'jp-nudge': { email: true, inApp: true, digest: false, mandatory: false },
  review: { email: true, inApp: true, digest: false, mandatory: false },
  'opd-report': { email: true, inApp: false, digest: false, mandatory: false },
  'follow-up': { email: true, inApp: true, digest: false, mandatory: false },
};

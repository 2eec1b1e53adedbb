/** One participant's attendance: live while the session runs, frozen once it is finalised. */
export interface LiveAttendanceView {
  userId: string;
  name: string;
  nip: string | null;
  orgUnitName: string | null;
  /** Present intervals, merged across tabs and reconnects, clipped to the scheduled time. */
  intervals: { from: string; to: string }[];
  minutes: number;
  /** Share of the scheduled time present, 0..1. */
  share: number;
  pollAnswers: number;
  pollCorrect: number;
  /** Whether the attendance rule is met (so far, while the session runs). */
  meetsRule: boolean;
  /** Set once finalised: the JP credited (0 when the rule was not met). */
  creditedJp: number | null;
  connectedNow: boolean;
}

export interface LiveAttendanceReport {
  sessionId: string;
  /** true once the end-of-session job froze the record; it never changes after. */
  finalised: boolean;
  finalisedAt: string | null;
  scheduledMinutes: number;
  minShare: number;
  rows: LiveAttendanceView[];
}

/** A LiveKit room token (only when the media plane is LiveKit). */
export interface LiveMediaTokenResponse {
  url: string;
  token: string;
  canPublish: boolean;
}

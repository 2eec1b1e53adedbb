import type {
  CreateLiveSessionRequest,
  LiveSessionView,
  UpdateLiveSessionRequest,
} from '@siantar/contracts';
import { isoToWibInput, wibInputToIso } from '../shared/wib-time';

/** The scheduling form's values: times as WIB datetime-local text, the rule as a percentage. */
export interface SessionFormValue {
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  /** null or '' = no limit. */
  capacity: number | null;
  jp: number;
  /** Minimum attendance, % of the scheduled time (10–100). */
  attendanceRule: number;
}

export const DEFAULT_MIN_ATTENDANCE_PERCENT = 80;

export function emptySessionForm(): SessionFormValue {
  return {
    title: '',
    description: '',
    startsAt: '',
    endsAt: '',
    capacity: null,
    jp: 2,
    attendanceRule: DEFAULT_MIN_ATTENDANCE_PERCENT,
  };
}

export function sessionToForm(s: LiveSessionView): SessionFormValue {
  return {
    title: s.title,
    description: s.description,
    startsAt: isoToWibInput(s.startsAt),
    endsAt: isoToWibInput(s.endsAt),
    capacity: s.capacity,
    jp: s.jp,
    attendanceRule: Math.round(s.attendanceRule.minShare * 100),
  };
}

const capacityOf = (v: SessionFormValue): number | null =>
  v.capacity === null || `${v.capacity}` === '' ? null : Number(v.capacity);

const minShareOf = (v: SessionFormValue): number => Math.round(Number(v.attendanceRule)) / 100;

/** A new webinar (no course: the whole audience the server allows). */
export function createRequest(v: SessionFormValue): CreateLiveSessionRequest {
  const capacity = capacityOf(v);
  return {
    title: v.title.trim(),
    description: v.description.trim(),
    // A malformed time goes as typed: the server names the field.
    startsAt: wibInputToIso(v.startsAt) ?? v.startsAt,
    endsAt: wibInputToIso(v.endsAt) ?? v.endsAt,
    ...(capacity !== null ? { capacity } : {}),
    jp: Number(v.jp),
    attendanceRule: { minShare: minShareOf(v) },
  };
}

/** Only what changed (an unchanged start in the past must not be sent again). */
export function updateRequest(
  before: SessionFormValue,
  v: SessionFormValue,
): UpdateLiveSessionRequest {
  const body: UpdateLiveSessionRequest = {};
  if (v.title.trim() !== before.title) {
    body.title = v.title.trim();
  }
  if (v.description.trim() !== before.description) {
    body.description = v.description.trim();
  }
  if (v.startsAt !== before.startsAt) {
    body.startsAt = wibInputToIso(v.startsAt) ?? v.startsAt;
  }
  if (v.endsAt !== before.endsAt) {
    body.endsAt = wibInputToIso(v.endsAt) ?? v.endsAt;
  }
  if (capacityOf(v) !== capacityOf(before)) {
    body.capacity = capacityOf(v);
  }
  if (Number(v.jp) !== Number(before.jp)) {
    body.jp = Number(v.jp);
  }
  if (minShareOf(v) !== minShareOf(before)) {
    body.attendanceRule = { minShare: minShareOf(v) };
  }
  return body;
}

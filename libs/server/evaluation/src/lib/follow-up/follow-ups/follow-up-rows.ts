import type {
  ActionItemStatus,
  ActionPlanItem,
  FollowUpQuestion,
  FollowUpView,
} from '@siantar/contracts';
import { shownStatus, type StoredStatus } from '../schedule/follow-up-dates';

/** A follow-up row with what its view needs (FOLLOW_UP_SELECT). */
export interface FollowUpRow {
  id: string;
  enrolment_id: string;
  offset_days: number;
  course_ended_at: Date;
  due_at: Date;
  answer_by: Date;
  status: StoredStatus;
  org_unit_id: string | null;
  org_unit_name: string | null;
  org_unit_path: string | null;
  supervisor_id: string | null;
  supervisor_name: string | null;
  supervisor_nip: string | null;
  reported_at: Date | null;
  progress: string | null;
  item_statuses: { itemId: string; status: ActionItemStatus; note: string | null }[] | null;
  evidence_file_ids: string[];
  confirmed_at: Date | null;
  confirmed_by: string | null;
  confirmed_by_name: string | null;
  confirmed_by_nip: string | null;
  answers: { question: FollowUpQuestion; score: number }[] | null;
  comment: string | null;
  course_id: string;
  course_title: string;
  user_id: string;
  user_name: string;
  user_nip: string | null;
  plan: ActionPlanItem[] | null;
}

/** FROM clause aliases: f follow_up, e enrolment, u alumnus, o unit when asked. */
export const FOLLOW_UP_FROM = `
  FROM follow_up f JOIN enrolment e ON e.id = f.enrolment_id
  JOIN course c ON c.id = e.course_id JOIN course_version v ON v.id = e.version_id
  JOIN app_user u ON u.id = e.user_id
  LEFT JOIN org_unit o ON o.id = f.org_unit_id
  LEFT JOIN app_user s ON s.id = f.supervisor_id
  LEFT JOIN app_user cb ON cb.id = f.confirmed_by
  LEFT JOIN action_plan ap ON ap.enrolment_id = e.id`;

export const FOLLOW_UP_SELECT = `
  SELECT f.id, f.enrolment_id, f.offset_days, f.course_ended_at, f.due_at, f.answer_by, f.status,
         f.org_unit_id, o.name AS org_unit_name, o.path AS org_unit_path,
         f.supervisor_id, s.name AS supervisor_name, s.nip AS supervisor_nip,
         f.reported_at, f.progress, f.item_statuses, f.evidence_file_ids,
         f.confirmed_at, f.confirmed_by, cb.name AS confirmed_by_name, cb.nip AS confirmed_by_nip,
         f.answers, f.comment,
         e.course_id, coalesce(v.title, c.code) AS course_title,
         u.id AS user_id, u.name AS user_name, u.nip AS user_nip, ap.items AS plan
  ${FOLLOW_UP_FROM}`;

export interface EvidenceFile {
  id: string;
  filename: string;
  content_type: string;
  size: string | number;
}

export function toView(
  r: FollowUpRow,
  files: Map<string, EvidenceFile>,
  urlOf: (fileId: string) => string,
  callerId: string,
  now = new Date(),
): FollowUpView {
  const open = r.status === 'open';
  return {
    id: r.id,
    enrolmentId: r.enrolment_id,
    courseId: r.course_id,
    courseTitle: r.course_title,
    offsetDays: r.offset_days,
    courseEndedAt: r.course_ended_at.toISOString(),
    dueAt: r.due_at.toISOString(),
    answerBy: r.answer_by.toISOString(),
    status: shownStatus(r.status, r.answer_by, now),
    alumnus: {
      userId: r.user_id,
      name: r.user_name,
      nip: r.user_nip,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
    },
    supervisor: r.supervisor_id
      ? { userId: r.supervisor_id, name: r.supervisor_name ?? '', nip: r.supervisor_nip }
      : null,
    actionPlan: r.plan ?? [],
    report: r.reported_at
      ? {
          reportedAt: r.reported_at.toISOString(),
          progress: r.progress ?? '',
          items: r.item_statuses ?? [],
          evidence: r.evidence_file_ids.flatMap((id) => {
            const f = files.get(id);
            return f
              ? [
                  {
                    fileId: f.id,
                    filename: f.filename,
                    contentType: f.content_type,
                    size: Number(f.size),
                    url: urlOf(f.id),
                  },
                ]
              : [];
          }),
        }
      : null,
    confirmation: r.confirmed_at
      ? {
          confirmedAt: r.confirmed_at.toISOString(),
          confirmedBy: {
            userId: r.confirmed_by ?? '',
            name: r.confirmed_by_name ?? '',
            nip: r.confirmed_by_nip,
          },
          answers: r.answers ?? [],
          comment: r.comment,
        }
      : null,
    canReport: open && r.user_id === callerId && !r.confirmed_at,
    canConfirm: open && r.supervisor_id === callerId && !r.confirmed_at,
  };
}

import type {
  ClaimStatus,
  CompetencyType,
  LearningRoute,
  TrainingClaimView,
} from '@siantar/contracts';

export interface ClaimRow {
  id: string;
  user_id: string;
  user_name: string;
  nip: string | null;
  org_unit_name: string;
  title: string;
  provider: string;
  route: LearningRoute;
  training_type: string;
  competency_type: CompetencyType;
  start_date: string;
  end_date: string;
  jp: string;
  certificate_number: string | null;
  evidence_file_id: string | null;
  evidence_filename: string | null;
  status: ClaimStatus;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  ledger_entry_id: string | null;
  created_at: Date;
  total?: string;
}

/** Claims with the names a list shows and the credit an approval wrote (alias c). */
export const CLAIM_SELECT = `SELECT c.id, c.user_id, u.name AS user_name, u.nip, o.name AS org_unit_name,
       c.title, c.provider, c.route, c.training_type, c.competency_type,
       c.start_date::text AS start_date, c.end_date::text AS end_date, c.jp, c.certificate_number,
       c.evidence_file_id, f.filename AS evidence_filename, c.status, d.name AS decided_by_name,
       c.decided_at, c.decision_note, le.id AS ledger_entry_id, c.created_at
  FROM external_training_claim c
  JOIN app_user u ON u.id = c.user_id
  JOIN org_unit o ON o.id = u.org_unit_id
  LEFT JOIN app_user d ON d.id = c.decided_by
  LEFT JOIN stored_file f ON f.id = c.evidence_file_id
  LEFT JOIN ledger_entry le ON le.source = 'external' AND le.source_ref = c.id AND le.reverses_id IS NULL`;

export function claimView(r: ClaimRow, fileUrl: (fileId: string) => string): TrainingClaimView {
  return {
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    nip: r.nip,
    orgUnitName: r.org_unit_name,
    title: r.title,
    provider: r.provider,
    route: r.route,
    trainingType: r.training_type,
    competencyType: r.competency_type,
    startDate: r.start_date,
    endDate: r.end_date,
    jp: Number(r.jp),
    certificateNumber: r.certificate_number,
    evidenceUrl: r.evidence_file_id ? fileUrl(r.evidence_file_id) : null,
    evidenceFilename: r.evidence_filename,
    status: r.status,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at?.toISOString() ?? null,
    decisionNote: r.decision_note,
    ledgerEntryId: r.ledger_entry_id,
    createdAt: r.created_at.toISOString(),
  };
}

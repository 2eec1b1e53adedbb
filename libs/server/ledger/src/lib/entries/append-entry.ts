import type { CompetencyType, LearningRoute, LedgerSource } from '@siantar/contracts';
import type { EntityManager } from 'typeorm';

export interface LedgerCredit {
  userId: string;
  /** Asia/Jakarta calendar date the hours count for (YYYY-MM-DD). */
  entryDate: string;
  source: LedgerSource;
  /** The enrolment, attendance or claim credited: at most one credit per source row. */
  sourceRef: string;
  title: string;
  provider: string;
  trainingType: string;
  route: LearningRoute;
  competencyType: CompetencyType;
  jp: number;
  startDate: string;
  endDate: string;
  certificateNumber?: string | null;
  recordedBy?: string | null;
}

/**
 * Appends a credit in the caller's transaction; the id of the new entry, or null
 * when that source row was already credited (a repeated job is a no-op). The
 * learner's NIP, unit, employment type and rank are snapshotted by a trigger.
 */
export async function appendLedgerCredit(
  em: EntityManager,
  c: LedgerCredit,
): Promise<string | null> {
  const rows: { id: string }[] = await em.query(
    `INSERT INTO ledger_entry (user_id, entry_date, source, source_ref, title, provider, training_type, route,
            competency_type, jp, start_date, end_date, certificate_number, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (source, source_ref) WHERE reverses_id IS NULL AND source_ref IS NOT NULL DO NOTHING
     RETURNING id`,
    [
      c.userId,
      c.entryDate,
      c.source,
      c.sourceRef,
      c.title.slice(0, 300),
      c.provider.slice(0, 200),
      c.trainingType,
      c.route,
      c.competencyType,
      c.jp,
      c.startDate,
      c.endDate,
      c.certificateNumber ?? null,
      c.recordedBy ?? null,
    ],
  );
  return rows[0]?.id ?? null;
}

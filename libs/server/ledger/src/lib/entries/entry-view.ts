import type {
  CompetencyType,
  LearningRoute,
  LedgerEntryView,
  LedgerSource,
} from '@siantar/contracts';
import type { EntityManager } from 'typeorm';

export interface EntryRow {
  id: string;
  user_id: string;
  nip: string | null;
  entry_date: string;
  year: number;
  source: LedgerSource;
  source_ref: string | null;
  title: string;
  provider: string;
  training_type: string;
  route: LearningRoute;
  competency_type: CompetencyType;
  jp: string;
  start_date: string;
  end_date: string;
  certificate_number: string | null;
  reverses_id: string | null;
  reason: string | null;
  reversed_by_id: string | null;
  recorded_at: Date;
}

/** Entries with their dates as text and the id of the entry that reversed each (alias e). */
export const ENTRY_SELECT = `SELECT e.id, e.user_id, e.nip, e.entry_date::text AS entry_date, e.year, e.source,
       e.source_ref, e.title, e.provider, e.training_type, e.route, e.competency_type, e.jp,
       e.start_date::text AS start_date, e.end_date::text AS end_date, e.certificate_number,
       e.reverses_id, e.reason, r.id AS reversed_by_id, e.recorded_at
  FROM ledger_entry e LEFT JOIN ledger_entry r ON r.reverses_id = e.id`;

export function entryView(r: EntryRow): LedgerEntryView {
  return {
    id: r.id,
    userId: r.user_id,
    nip: r.nip,
    entryDate: r.entry_date,
    year: Number(r.year),
    source: r.source,
    sourceRef: r.source_ref,
    title: r.title,
    provider: r.provider,
    trainingType: r.training_type,
    route: r.route,
    competencyType: r.competency_type,
    jp: Number(r.jp),
    startDate: r.start_date,
    endDate: r.end_date,
    certificateNumber: r.certificate_number,
    reversesId: r.reverses_id,
    reason: r.reason,
    reversedById: r.reversed_by_id,
    recordedAt: r.recorded_at.toISOString(),
  };
}

export async function entryById(em: EntityManager, id: string): Promise<EntryRow | null> {
  const rows: EntryRow[] = await em.query(`${ENTRY_SELECT} WHERE e.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The view of an entry just written in this transaction. */
export async function writtenEntry(em: EntityManager, id: string): Promise<LedgerEntryView> {
  const row = await entryById(em, id);
  if (!row) throw new Error(`ledger entry ${id} not found after insert`);
  return entryView(row);
}

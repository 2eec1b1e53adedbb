import { type JpCounts, PNS_RANKS } from '@siantar/contracts';

export type Targets = Record<'PNS' | 'PPPK', number>;

/** stat_staff rolled up: active PNS/PPPK. */
export interface StaffRow {
  child: string;
  employmentType: string;
  rank: string;
  persons: number;
}

/** stat_jp_person rolled up: those of them with ledger rows in the year, by whole JP (40 = 40+). */
export interface JpPersonRow extends StaffRow {
  jpFloor: number;
}

/** JP credited in the year for a group of people; rank only from stat_jp_rank. */
export interface JpAmountRow {
  child: string;
  rank?: string;
  employmentType: string;
  competencyType: string;
  jp: number;
  entries: number;
}

/** stat_jp_month rolled up. */
export interface JpMonthRow extends JpAmountRow {
  month: number;
}

/** stat_jp_rank rolled up. */
export interface JpRankRow extends JpAmountRow {
  rank: string;
}

export const JP_BUCKETS: { label: string; from: number; to: number | null }[] = [
  { label: '0–4', from: 0, to: 4 },
  { label: '5–9', from: 5, to: 9 },
  { label: '10–14', from: 10, to: 14 },
  { label: '15–19', from: 15, to: 19 },
  { label: '20–29', from: 20, to: 29 },
  { label: '30+', from: 30, to: null },
];

const targetOf = (targets: Targets, type: string): number | null =>
  type === 'PNS' || type === 'PPPK' ? targets[type] : null;

/**
 * Staff, below-target and JP per group. Below target = staff − persons whose whole
 * JP reaches their type's target (people without ledger rows have 0 JP): a sum over
 * the bucketed table, never a scan of people. JP comes from stat_jp_month, or from
 * stat_jp_rank when the key is the rank.
 */
export function jpCountsBy<K, J extends JpAmountRow>(
  staff: StaffRow[],
  persons: JpPersonRow[],
  jp: J[],
  targets: Targets,
  key: (r: StaffRow | J) => K | null,
): Map<K, JpCounts> {
  const out = new Map<K, JpCounts>();
  const get = (k: K) => {
    let c = out.get(k);
    if (!c) out.set(k, (c = { staff: 0, belowTarget: 0, jp: 0 }));
    return c;
  };
  for (const s of staff) {
    const k = key(s);
    if (k === null) continue;
    const c = get(k);
    c.staff += s.persons;
    c.belowTarget += s.persons;
  }
  for (const p of persons) {
    const k = key(p);
    const target = targetOf(targets, p.employmentType);
    if (k === null || target === null || p.jpFloor < target) continue;
    get(k).belowTarget -= p.persons;
  }
  for (const j of jp) {
    const k = key(j);
    if (k === null) continue;
    get(k).jp += j.jp;
  }
  for (const c of out.values()) c.jp = round1(c.jp);
  return out;
}

/** People per JP bucket; everyone in staff without a ledger row sits at 0. */
export function jpBuckets(
  staff: StaffRow[],
  persons: JpPersonRow[],
): { label: string; from: number; to: number | null; persons: number }[] {
  const total = staff.reduce((s, r) => s + r.persons, 0);
  const withRows = persons.reduce((s, r) => s + r.persons, 0);
  return JP_BUCKETS.map((b) => ({
    ...b,
    persons:
      persons
        .filter((p) => p.jpFloor >= b.from && (b.to === null || p.jpFloor <= b.to))
        .reduce((s, p) => s + p.persons, 0) + (b.from === 0 ? total - withRows : 0),
  }));
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** PNS ranks in order (I/a … IV/e), then any other rank by name, then '-' (none). */
export function rankOrder(a: string, b: string): number {
  const weight = (r: string) => {
    const i = (PNS_RANKS as readonly string[]).indexOf(r);
    return i >= 0 ? i : r === '-' ? 1000 : 500;
  };
  return weight(a) - weight(b) || (a < b ? -1 : a > b ? 1 : 0);
}

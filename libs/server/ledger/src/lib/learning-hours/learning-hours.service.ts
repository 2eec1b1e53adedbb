import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CompetencyType,
  LearningHoursResponse,
  LearningHoursYear,
  LearningRoute,
} from '@siantar/contracts';
import type { Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { loadPerson, personForReader, personNotFound } from '../access/person-access';
import { ENTRY_SELECT, type EntryRow, entryView } from '../entries/entry-view';
import { targetFor } from '../targets/targets.service';
import { wibYear } from '../wib-date';

interface TotalRow {
  year: number;
  jp: string;
  jp_teknis: string;
  jp_manajerial: string;
  jp_sosial_kultural: string;
  jp_klasikal: string;
  jp_nonklasikal: string;
}

type Totals = Pick<LearningHoursYear, 'jp' | 'byCompetency' | 'byRoute'>;

function totals(r: TotalRow | undefined): Totals {
  const n = (v: string | undefined) => Number(v ?? 0);
  const byCompetency: Record<CompetencyType, number> = {
    teknis: n(r?.jp_teknis),
    manajerial: n(r?.jp_manajerial),
    'sosial-kultural': n(r?.jp_sosial_kultural),
  };
  const byRoute: Record<LearningRoute, number> = {
    klasikal: n(r?.jp_klasikal),
    nonklasikal: n(r?.jp_nonklasikal),
  };
  return { jp: n(r?.jp), byCompetency, byRoute };
}

/** A person's learning hours: the year's entries and the trigger-kept totals of every year. */
@Injectable()
export class LearningHoursService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forSelf(p: Principal, year?: number): Promise<LearningHoursResponse> {
    return this.build(p.id, year);
  }

  async forPerson(userId: string, p: Principal, year?: number): Promise<LearningHoursResponse> {
    await personForReader(this.db.manager, userId, p);
    return this.build(userId, year);
  }

  private async build(userId: string, year = wibYear()): Promise<LearningHoursResponse> {
    const em = this.db.manager;
    const person = await loadPerson(em, userId);
    if (!person) throw personNotFound();
    const target = await targetFor(em, person.employmentType);
    const rows: TotalRow[] = await em.query(
      `SELECT year, jp, jp_teknis, jp_manajerial, jp_sosial_kultural, jp_klasikal, jp_nonklasikal
         FROM ledger_year_total WHERE user_id = $1`,
      [userId],
    );
    const byYear = new Map(rows.map((r) => [Number(r.year), r]));
    const current = wibYear();
    const years = [...new Set([...byYear.keys(), current])].sort((a, b) => b - a);
    const entries: EntryRow[] = await em.query(
      `${ENTRY_SELECT} WHERE e.user_id = $1 AND e.year = $2 ORDER BY e.entry_date, e.recorded_at, e.id`,
      [userId, year],
    );
    return {
      userId,
      name: person.name,
      nip: person.nip,
      employmentType: person.employmentType,
      year,
      target,
      ...totals(byYear.get(year)),
      entries: entries.map(entryView),
      history: years.map((y) => ({ year: y, target, ...totals(byYear.get(y)) })),
    };
  }
}

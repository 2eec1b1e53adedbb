import {
  COMPETENCY_TYPES,
  type CompetencyType,
  LEARNING_ROUTES,
  type LearningRoute,
  type LearningHoursResponse,
  type LedgerEntryView,
  TRAINING_TYPES,
} from '@siantar/contracts';

/** How a ledger row reads: a normal credit, one that was later reversed, or the reversal itself. */
export type EntryKind = 'credit' | 'reversed' | 'reversal';

export function entryKind(entry: Pick<LedgerEntryView, 'reversesId' | 'reversedById'>): EntryKind {
  if (entry.reversesId) {
    return 'reversal';
  }
  return entry.reversedById ? 'reversed' : 'credit';
}

/** Rows of the "by competency" and "by route" breakdowns, in a fixed order, zeros included. */
export function breakdownRows(hours: Pick<LearningHoursResponse, 'byCompetency' | 'byRoute'>): {
  competency: { key: CompetencyType; jp: number }[];
  route: { key: LearningRoute; jp: number }[];
} {
  return {
    competency: COMPETENCY_TYPES.map((key) => ({ key, jp: hours.byCompetency?.[key] ?? 0 })),
    route: LEARNING_ROUTES.map((key) => ({ key, jp: hours.byRoute?.[key] ?? 0 })),
  };
}

/** The training forms offered for a route in the claim form. */
export function trainingTypesFor(route: LearningRoute | null): readonly string[] {
  return route ? TRAINING_TYPES[route] : [];
}

/** JP shown with at most one decimal, as the ledger stores it (e.g. 2.5). */
export function roundJp(jp: number): number {
  return Math.round(jp * 10) / 10;
}

/** The years the year picker offers: this year and the years with entries, newest first. */
export function yearOptions(history: { year: number }[], current: number): number[] {
  return [...new Set([current, ...history.map((h) => h.year)])].sort((a, b) => b - a);
}

import type { SimulationAnalytics } from '@siantar/contracts';
import type { EndingRating } from '@siantar/scenario';

/** Colour role of an ending's bar: good green-blue, middling tertiary, poor error red. */
export const RATING_ROLES: Record<EndingRating, string> = {
  best: '--mat-sys-primary',
  acceptable: '--mat-sys-tertiary',
  poor: '--mat-sys-error',
};

/** Share of `part` in `whole` in percent (0 when nothing). */
export const percentOf = (part: number, whole: number): number =>
  whole > 0 ? (part / whole) * 100 : 0;

export type Transition = SimulationAnalytics['transitions'][number];

/** The moves out of one scene, most taken first, each with its share of them (percent). */
export interface TransitionGroup {
  fromSceneId: string;
  fromTitle: string;
  total: number;
  moves: (Transition & { share: number })[];
}

/** The path view as a table: moves grouped by the scene they leave, in the server's order. */
export function transitionGroups(transitions: readonly Transition[]): TransitionGroup[] {
  const groups = new Map<string, Transition[]>();
  for (const t of transitions) {
    groups.set(t.fromSceneId, [...(groups.get(t.fromSceneId) ?? []), t]);
  }
  return [...groups.values()].map((moves) => {
    const total = moves.reduce((n, t) => n + t.count, 0);
    return {
      fromSceneId: moves[0].fromSceneId,
      fromTitle: moves[0].fromTitle,
      total,
      moves: [...moves]
        .sort((a, b) => b.count - a.count)
        .map((t) => ({ ...t, share: percentOf(t.count, total) })),
    };
  });
}

/** The competencies of the by-OPD averages, in the order they first appear. */
export function competencyColumns(
  byOpd: SimulationAnalytics['competencyByOpd'],
): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const opd of byOpd) {
    for (const a of opd.averages) {
      if (!seen.has(a.key)) {
        seen.set(a.key, a.label);
      }
    }
  }
  return [...seen].map(([key, label]) => ({ key, label }));
}

/** An OPD's average for one competency (null when it has none). */
export function averageOf(
  opd: SimulationAnalytics['competencyByOpd'][number],
  key: string,
): number | null {
  return opd.averages.find((a) => a.key === key)?.value ?? null;
}

/** Seconds as minutes and seconds, for "1 mnt 20 dtk". */
export function splitSeconds(seconds: number): { minutes: number; seconds: number } {
  const total = Math.max(0, Math.round(seconds));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

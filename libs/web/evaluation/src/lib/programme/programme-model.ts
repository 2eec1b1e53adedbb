import type { FollowUpFigures, IndicatorView, ProgrammeEvaluation } from '@siantar/contracts';

/** The programme page's L3, when the follow-up part sends its figures (null otherwise). */
export function followUpFiguresOf(p: ProgrammeEvaluation): FollowUpFigures | null {
  const l3 = p.l3 as Partial<FollowUpFigures> | null;
  return l3 && Array.isArray(l3.offsets) && typeof l3.totals === 'object' && l3.totals
    ? (l3 as FollowUpFigures)
    : null;
}

/** Share of asked follow-ups that are done, in percent (one decimal); null with none asked. */
export function followUpCompletion(f: FollowUpFigures): number | null {
  const asked = f.totals.pending + f.totals.overdue + f.totals.done;
  return asked ? Math.round((1000 * f.totals.done) / asked) / 10 : null;
}

/** A change with its sign (+1,5 / −2) for tables; '—' without one. */
export function signed(value: number | null, digits = 2): string {
  if (value === null) {
    return '—';
  }
  const text = Math.abs(value).toLocaleString('id-ID', { maximumFractionDigits: digits });
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** An indicator's improvement summary: how many OPDs measured after improved. */
export function improvedShare(indicator: IndicatorView): string {
  return `${indicator.summary.improved}/${indicator.summary.measured}`;
}

/** The file name of the programme report. */
export function reportFileName(code: string): string {
  return `evaluasi-${code.replace(/[^\w.-]+/g, '-')}.pdf`;
}

/**
 * "Mode hemat data": `video` shows everything; `audio` keeps the sound and neither shows nor
 * decodes video; `slides` receives no media at all (slides, chat and the rest only).
 */
export const DATA_SAVER_MODES = ['video', 'audio', 'slides'] as const;
export type DataSaverMode = (typeof DATA_SAVER_MODES)[number];

const RANK: Record<DataSaverMode, number> = { video: 0, audio: 1, slides: 2 };

/** Fewer packets than this in a window say nothing about loss. */
const MIN_PACKETS = 50;
/** Share of packets lost above which a lighter mode is suggested. */
export const LOSS_FOR_AUDIO = 0.1;
export const LOSS_FOR_SLIDES = 0.25;

/** What the Network Information API's `effectiveType` suggests; null when nothing. */
export function modeForConnection(effectiveType: string | undefined): DataSaverMode | null {
  switch (effectiveType) {
    case 'slow-2g':
      return 'slides';
    case '2g':
      return 'audio';
    default:
      return null;
  }
}

export interface InboundCounters {
  packetsReceived: number;
  packetsLost: number;
}

/** Sums the inbound RTP counters of a `getStats()` report. */
export function inboundCounters(reports: Iterable<unknown>): InboundCounters {
  let packetsReceived = 0;
  let packetsLost = 0;
  for (const r of reports) {
    const stat = r as { type?: string; packetsReceived?: number; packetsLost?: number };
    if (stat.type === 'inbound-rtp') {
      packetsReceived += stat.packetsReceived ?? 0;
      packetsLost += Math.max(0, stat.packetsLost ?? 0);
    }
  }
  return { packetsReceived, packetsLost };
}

/** The share of packets lost between two readings; null when too few arrived to tell. */
export function lossBetween(before: InboundCounters, after: InboundCounters): number | null {
  const received = after.packetsReceived - before.packetsReceived;
  const lost = after.packetsLost - before.packetsLost;
  if (received < 0 || lost < 0 || received + lost < MIN_PACKETS) {
    return null;
  }
  return lost / (received + lost);
}

/** A lighter mode to suggest for this loss, or null when the current one is fine. */
export function modeForLoss(loss: number | null, current: DataSaverMode): DataSaverMode | null {
  if (loss === null) {
    return null;
  }
  const suggested: DataSaverMode | null =
    loss >= LOSS_FOR_SLIDES ? 'slides' : loss >= LOSS_FOR_AUDIO ? 'audio' : null;
  return suggested && isLighter(suggested, current) ? suggested : null;
}

export function isLighter(a: DataSaverMode, than: DataSaverMode): boolean {
  return RANK[a] > RANK[than];
}

import type { ScormCommitRequest, ScormStateResponse } from '@siantar/contracts';
import type Scorm12API from 'scorm-again/scorm12';

type LessonStatus = ScormCommitRequest['lessonStatus'];

const LESSON_STATUSES: readonly LessonStatus[] = [
  'passed',
  'completed',
  'failed',
  'incomplete',
  'browsed',
  'not attempted',
];
const EXITS = ['time-out', 'suspend', 'logout', ''] as const;

/** The part of scorm-again's JSON rendering of the data model (`renderCommitCMI`) the server keeps. */
export interface Scorm12CmiJson {
  core?: {
    lesson_status?: string;
    lesson_location?: string;
    exit?: string;
    session_time?: string;
    score?: { raw?: string | number; min?: string | number; max?: string | number };
  };
  suspend_data?: string;
}

const str = (value: unknown): string =>
  value === undefined || value === null ? '' : String(value).trim();

/** Optional string field: absent when empty, cut to the contract's maximum. */
const opt = (value: unknown, max: number): string | undefined => {
  const s = str(value);
  return s === '' ? undefined : s.slice(0, max);
};

/**
 * Maps scorm-again's cmi (SCORM 1.2) to the commit the API stores. Unknown statuses become
 * 'incomplete'; empty values are left out; lengths are kept within the contract.
 */
export function toScormCommit(id: string, cmi: Scorm12CmiJson): ScormCommitRequest {
  const core = cmi.core ?? {};
  const status = str(core.lesson_status) as LessonStatus;
  const exit = str(core.exit);
  const commit: ScormCommitRequest = {
    id,
    lessonStatus: LESSON_STATUSES.includes(status) ? status : 'incomplete',
  };
  const fields: [keyof ScormCommitRequest, string | undefined][] = [
    ['scoreRaw', opt(core.score?.raw, 10)],
    ['scoreMin', opt(core.score?.min, 10)],
    ['scoreMax', opt(core.score?.max, 10)],
    ['suspendData', opt(cmi.suspend_data, 4096)],
    ['lessonLocation', opt(core.lesson_location, 255)],
    ['sessionTime', opt(core.session_time, 20)],
  ];
  for (const [key, value] of fields) {
    if (value !== undefined) {
      (commit as unknown as Record<string, string>)[key] = value;
    }
  }
  if (core.exit !== undefined && (EXITS as readonly string[]).includes(exit)) {
    commit.exit = exit;
  }
  return commit;
}

/** The starting values from GET .../scorm in the shape `loadFromJSON` takes (empty values left out). */
export function toStartingCmi(state: ScormStateResponse['cmi']): Record<string, unknown> {
  const core: Record<string, unknown> = {
    student_id: state.studentId,
    student_name: state.studentName,
    entry: state.entry,
    lesson_location: state.lessonLocation,
    total_time: state.totalTime,
    score: { raw: state.scoreRaw, min: state.scoreMin, max: state.scoreMax },
  };
  // "not attempted" is what the runtime sets itself; loading it would look as if the SCO set it.
  if (state.lessonStatus && state.lessonStatus !== 'not attempted') {
    core['lesson_status'] = state.lessonStatus;
  }
  return { core, suspend_data: state.suspendData };
}

/**
 * The server's state with a newer local commit laid over it (one the server has not confirmed
 * yet, e.g. made offline or just before the tab closed).
 */
export function withLocalCommit(
  state: ScormStateResponse['cmi'],
  commit: ScormCommitRequest | null,
): ScormStateResponse['cmi'] {
  if (!commit) {
    return state;
  }
  const suspendData = commit.suspendData ?? state.suspendData;
  const lessonLocation = commit.lessonLocation ?? state.lessonLocation;
  return {
    ...state,
    lessonStatus: commit.lessonStatus,
    scoreRaw: commit.scoreRaw ?? state.scoreRaw,
    scoreMin: commit.scoreMin ?? state.scoreMin,
    scoreMax: commit.scoreMax ?? state.scoreMax,
    suspendData,
    lessonLocation,
    entry: suspendData || lessonLocation || commit.exit === 'suspend' ? 'resume' : state.entry,
  };
}

export type Scorm12Runtime = InstanceType<typeof Scorm12API>;

/** Loads scorm-again's SCORM 1.2 runtime (its own lazy chunk: only SCORM lessons need it). */
export async function loadScorm12(): Promise<typeof Scorm12API> {
  const mod = (await import('scorm-again/scorm12')) as unknown as {
    Scorm12API?: typeof Scorm12API;
    default?: typeof Scorm12API | { Scorm12API?: typeof Scorm12API };
  };
  const found =
    mod.Scorm12API ??
    (typeof mod.default === 'function' ? mod.default : mod.default?.Scorm12API) ??
    null;
  if (!found) {
    throw new Error('scorm-again: Scorm12API not found');
  }
  return found;
}

/**
 * A runtime initialised from the server's state that reports every LMSCommit and LMSFinish
 * as a ScormCommitRequest with a fresh id. Nothing is sent by scorm-again itself.
 */
export function createScorm12Runtime(
  Api: typeof Scorm12API,
  state: ScormStateResponse['cmi'],
  onCommit: (commit: ScormCommitRequest, finished: boolean) => void,
  makeId: () => string,
): Scorm12Runtime {
  const api = new Api({
    lmsCommitUrl: false,
    autocommit: false,
    logLevel: 4,
  });
  api.loadFromJSON(toStartingCmi(state));
  const report = (finished: boolean): void => {
    const rendered = api.renderCommitCMI(finished) as unknown as { cmi?: Scorm12CmiJson };
    onCommit(toScormCommit(makeId(), rendered.cmi ?? {}), finished);
  };
  api.on('LMSCommit', () => report(false));
  api.on('LMSFinish', () => report(true));
  return api;
}

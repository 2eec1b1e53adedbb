import type { ScormCommitRequest } from '@siantar/contracts';

/**
 * The last SCORM commit of a lesson, written synchronously to localStorage so that even a tab
 * closed mid-commit (before IndexedDB finished) keeps it. Cleared once the server has it.
 */
export const scormSnapshotKey = (enrolmentId: string, lessonId: string): string =>
  `siantar.learning.scorm.${enrolmentId}.${lessonId}`;

export function writeScormSnapshot(
  enrolmentId: string,
  lessonId: string,
  commit: ScormCommitRequest,
): void {
  try {
    localStorage.setItem(scormSnapshotKey(enrolmentId, lessonId), JSON.stringify(commit));
  } catch {
    // Storage unavailable: the queue still has the commit.
  }
}

export function readScormSnapshot(
  enrolmentId: string,
  lessonId: string,
): ScormCommitRequest | null {
  try {
    const raw = localStorage.getItem(scormSnapshotKey(enrolmentId, lessonId));
    const parsed = raw ? (JSON.parse(raw) as ScormCommitRequest) : null;
    return parsed && typeof parsed.id === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** Called when the server has stored commit `id`: the snapshot goes only if it is that commit. */
export function clearScormSnapshot(enrolmentId: string, lessonId: string, id: string): void {
  try {
    if (readScormSnapshot(enrolmentId, lessonId)?.id === id) {
      localStorage.removeItem(scormSnapshotKey(enrolmentId, lessonId));
    }
  } catch {
    // ignore
  }
}

import { InjectionToken } from '@angular/core';
import type { QuestionResponse } from '@siantar/contracts';

/** An answer the server has not confirmed yet. */
export interface StoredAnswer {
  seq: number;
  response: QuestionResponse;
  /** `Date.now()` of the change: replays go oldest first. */
  changedAt: number;
}

interface StoredAttempt {
  /** Whose answers: on a shared office PC only that user's session sends them. */
  userId: string;
  answers: Record<string, StoredAnswer>;
}

export const ANSWER_KEY_PREFIX = 'siantar.quiz.answers.v1:';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

/** Where unsent answers wait: localStorage, or memory when it is not available (private windows). */
export const ANSWER_STORAGE = new InjectionToken<Storage>('ANSWER_STORAGE', {
  providedIn: 'root',
  factory: () => {
    try {
      const storage = globalThis.localStorage;
      if (storage) {
        const probe = `${ANSWER_KEY_PREFIX}probe`;
        storage.setItem(probe, '1');
        storage.removeItem(probe);
        return storage;
      }
    } catch {
      // Storage disabled or full: fall through.
    }
    return memoryStorage();
  },
});

/** One localStorage entry per attempt: `siantar.quiz.answers.v1:<attemptId>` → `StoredAttempt`. */
export class AnswerStore {
  constructor(private readonly storage: Storage) {}

  /** The unsent answers of an attempt, by slot, when they belong to `userId`. */
  read(attemptId: string, userId: string): Map<number, StoredAnswer> {
    const entry = this.entry(attemptId);
    const result = new Map<number, StoredAnswer>();
    if (!entry || entry.userId !== userId) {
      return result;
    }
    for (const [slot, answer] of Object.entries(entry.answers)) {
      const n = Number(slot);
      if (Number.isInteger(n) && answer && typeof answer.seq === 'number' && answer.response) {
        result.set(n, answer);
      }
    }
    return result;
  }

  /** Replaces the attempt's unsent answers; an empty map removes the entry. */
  write(attemptId: string, userId: string, answers: ReadonlyMap<number, StoredAnswer>): void {
    const key = ANSWER_KEY_PREFIX + attemptId;
    try {
      if (answers.size === 0) {
        this.storage.removeItem(key);
        return;
      }
      const entry: StoredAttempt = { userId, answers: Object.fromEntries(answers) };
      this.storage.setItem(key, JSON.stringify(entry));
    } catch (error: unknown) {
      // Quota exceeded: the answers still wait in memory and are sent while the tab is open.
      console.warn('Could not keep unsent quiz answers in localStorage', error);
    }
  }

  /** Attempts with unsent answers of `userId`. */
  attemptIds(userId: string): string[] {
    const ids: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (key?.startsWith(ANSWER_KEY_PREFIX)) {
        const attemptId = key.slice(ANSWER_KEY_PREFIX.length);
        if (this.entry(attemptId)?.userId === userId) {
          ids.push(attemptId);
        }
      }
    }
    return ids;
  }

  private entry(attemptId: string): StoredAttempt | null {
    try {
      const parsed: unknown = JSON.parse(
        this.storage.getItem(ANSWER_KEY_PREFIX + attemptId) ?? 'null',
      );
      if (
        typeof parsed === 'object' &&
        parsed !== null &&
        typeof (parsed as StoredAttempt).userId === 'string' &&
        typeof (parsed as StoredAttempt).answers === 'object'
      ) {
        return parsed as StoredAttempt;
      }
    } catch {
      // Corrupt entry: treated as empty.
    }
    return null;
  }
}

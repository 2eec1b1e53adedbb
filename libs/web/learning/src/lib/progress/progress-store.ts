import { InjectionToken } from '@angular/core';
import type { ProgressEventRequest, ScormCommitRequest } from '@siantar/contracts';

/** One thing waiting to reach the server, kept until the server has answered for it. */
export type QueuedItem =
  | {
      /** The idempotency key: the event id or the SCORM commit id. */
      id: string;
      /** Orders items by creation, also across reloads. */
      seq: number;
      /** Whose progress it is: on a shared office PC only that user's session sends it. */
      userId: string;
      kind: 'progress';
      event: ProgressEventRequest;
    }
  | {
      id: string;
      seq: number;
      userId: string;
      kind: 'scorm';
      enrolmentId: string;
      lessonId: string;
      commit: ScormCommitRequest;
    };

/** Persistent storage of the queue; every method resolves once the change is durable. */
export interface ProgressStore {
  load(): Promise<QueuedItem[]>;
  add(item: QueuedItem): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
}

export const LOCAL_STORAGE_KEY = 'siantar.learning.progressQueue.v1';

/** localStorage fallback (and the store the unit tests use): one JSON array. */
export class LocalStorageProgressStore implements ProgressStore {
  constructor(
    private readonly storage: Storage,
    private readonly key = LOCAL_STORAGE_KEY,
  ) {}

  async load(): Promise<QueuedItem[]> {
    return this.read();
  }

  async add(item: QueuedItem): Promise<void> {
    const items = this.read().filter((i) => i.id !== item.id);
    items.push(item);
    this.storage.setItem(this.key, JSON.stringify(items));
  }

  async remove(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    const items = this.read().filter((i) => !gone.has(i.id));
    if (items.length === 0) {
      this.storage.removeItem(this.key);
    } else {
      this.storage.setItem(this.key, JSON.stringify(items));
    }
  }

  private read(): QueuedItem[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as QueuedItem[]) : [];
    } catch {
      return [];
    }
  }
}

const DB_NAME = 'siantar-learning';
const DB_STORE = 'progress-queue';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** IndexedDB store (preferred): survives reloads and is not limited to a few MB. */
export class IndexedDbProgressStore implements ProgressStore {
  private db: Promise<IDBDatabase> | null = null;

  constructor(private readonly factory: IDBFactory) {}

  async load(): Promise<QueuedItem[]> {
    const db = await this.open();
    const tx = db.transaction(DB_STORE, 'readonly');
    return request(tx.objectStore(DB_STORE).getAll() as IDBRequest<QueuedItem[]>);
  }

  async add(item: QueuedItem): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(DB_STORE, 'readwrite');
    tx.objectStore(DB_STORE).put(item);
    await done(tx);
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    const db = await this.open();
    const tx = db.transaction(DB_STORE, 'readwrite');
    const store = tx.objectStore(DB_STORE);
    for (const id of ids) {
      store.delete(id);
    }
    await done(tx);
  }

  private open(): Promise<IDBDatabase> {
    if (!this.db) {
      this.db = new Promise<IDBDatabase>((resolve, reject) => {
        const req = this.factory.open(DB_NAME, 1);
        req.onupgradeneeded = () => {
          if (!req.result.objectStoreNames.contains(DB_STORE)) {
            req.result.createObjectStore(DB_STORE, { keyPath: 'id' });
          }
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
        req.onblocked = () => reject(new Error('IndexedDB blocked'));
      });
      this.db.catch(() => {
        this.db = null;
      });
    }
    return this.db;
  }
}

/** IndexedDB when it opens; otherwise (private windows, old browsers) localStorage. */
export class FallbackProgressStore implements ProgressStore {
  private chosen: Promise<ProgressStore> | null = null;

  constructor(
    private readonly primary: ProgressStore | null,
    private readonly fallback: ProgressStore,
  ) {}

  async load(): Promise<QueuedItem[]> {
    return (await this.pick()).load();
  }

  async add(item: QueuedItem): Promise<void> {
    return (await this.pick()).add(item);
  }

  async remove(ids: readonly string[]): Promise<void> {
    return (await this.pick()).remove(ids);
  }

  private pick(): Promise<ProgressStore> {
    if (!this.chosen) {
      const primary = this.primary;
      this.chosen = primary
        ? primary.load().then(
            async (items) => {
              // Carry over anything a localStorage session left behind.
              const legacy = await this.fallback.load();
              for (const item of legacy) {
                if (!items.some((i) => i.id === item.id)) {
                  await primary.add(item);
                }
              }
              await this.fallback.remove(legacy.map((i) => i.id));
              return primary;
            },
            () => this.fallback,
          )
        : Promise.resolve(this.fallback);
    }
    return this.chosen;
  }
}

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

export const PROGRESS_STORE = new InjectionToken<ProgressStore>('PROGRESS_STORE', {
  providedIn: 'root',
  factory: () => {
    let storage: Storage;
    try {
      storage = globalThis.localStorage ?? memoryStorage();
    } catch {
      storage = memoryStorage();
    }
    const idb = typeof indexedDB === 'undefined' ? null : new IndexedDbProgressStore(indexedDB);
    return new FallbackProgressStore(idb, new LocalStorageProgressStore(storage));
  },
});

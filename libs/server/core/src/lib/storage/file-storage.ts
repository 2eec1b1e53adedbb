import type { Readable } from 'node:stream';

export interface ByteRange {
  /** Inclusive, as in HTTP Range. */
  start: number;
  end: number;
}

/**
 * Where uploaded and unpacked files live. Keys are relative paths with '/'
 * separators ('files/<uuid>', 'scorm/<package>/index.html'); implementations
 * refuse keys that would escape their root.
 */
export abstract class FileStorage {
  abstract put(key: string, body: Buffer | Readable): Promise<{ size: number }>;
  /** null when there is no such file. */
  abstract stat(key: string): Promise<{ size: number } | null>;
  abstract read(key: string, range?: ByteRange): Promise<Readable>;
  abstract deletePrefix(prefix: string): Promise<void>;
}

const SAFE_KEY =
  /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._~!$&'()+,;=@ %-]+(?:\/[A-Za-z0-9._~!$&'()+,;=@ %-]+)*$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes('\\') || key.includes('\0')) {
    throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
  }
}

import type { Readable } from 'node:stream';
import type { ByteRange, FileStorage } from '@siantar/server-core';
import { AppError } from '@siantar/server-core';
import type { Request, Response } from 'express';

/**
 * The answer to a Range header for a body of `size` bytes:
 * `null` = serve everything (no header, another unit, or several ranges, which
 * RFC 9110 allows a server to ignore); `'unsatisfiable'` = 416.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^\s*([A-Za-z]+)\s*=\s*(.*)$/.exec(header);
  if (!m) return 'unsatisfiable';
  if (m[1].toLowerCase() !== 'bytes') return null;
  const spec = m[2].trim();
  if (spec.includes(',')) return null;
  const r = /^(\d*)\s*-\s*(\d*)$/.exec(spec);
  if (!r || (r[1] === '' && r[2] === '')) return 'unsatisfiable';
  if (size === 0) return 'unsatisfiable';
  if (r[1] === '') {
    // suffix: the last N bytes
    const n = Number(r[2]);
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(r[1]);
  const end = r[2] === '' ? size - 1 : Math.min(Number(r[2]), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

// Kept here for the files feature's callers; the function lives in core with the other download helpers.
export { contentDisposition } from '@siantar/server-core';

export interface ContentToSend {
  key: string;
  size: number;
  contentType: string;
  /** Seconds a private cache may keep it (the rest of the signed URL's life). */
  maxAgeSeconds: number;
  /** Strong validator, without quotes (e.g. the sha256). */
  etag?: string;
  disposition?: string;
  /** Extra headers (e.g. a Content-Security-Policy for package content). */
  headers?: Record<string, string>;
}

/**
 * Streams a stored file with the headers every download needs: type, length,
 * nosniff, private caching, ETag/If-None-Match, and one byte range (206/416).
 * Files and SCORM content both go through here.
 */
export async function sendStoredContent(
  req: Request,
  res: Response,
  storage: FileStorage,
  c: ContentToSend,
): Promise<void> {
  const etag = c.etag ? `"${c.etag}"` : undefined;
  const cacheControl = `private, max-age=${Math.max(0, Math.floor(c.maxAgeSeconds))}`;

  const inm = req.headers['if-none-match'];
  if (etag && inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', cacheControl);
    res.status(304).end();
    return;
  }

  // If-Range: a range only applies while the representation is unchanged.
  const ifRange = req.headers['if-range'];
  const rangeHeader = ifRange && ifRange !== etag ? undefined : req.headers.range;
  const range = parseRange(rangeHeader, c.size);
  if (range === 'unsatisfiable') {
    throw new AppError(
      416,
      'files.bad-range',
      `Rentang byte "${rangeHeader ?? ''}" tidak dapat dipenuhi: berkas ini berukuran ${c.size} byte.`,
      undefined,
      { 'Content-Range': `bytes */${c.size}`, 'Accept-Ranges': 'bytes' },
    );
  }

  res.setHeader('Content-Type', c.contentType);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', cacheControl);
  if (etag) res.setHeader('ETag', etag);
  if (c.disposition) res.setHeader('Content-Disposition', c.disposition);
  for (const [k, v] of Object.entries(c.headers ?? {})) res.setHeader(k, v);
  let body: Readable;
  if (range) {
    res.status(206);
    res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${c.size}`);
    res.setHeader('Content-Length', String(range.end - range.start + 1));
    body = await storage.read(c.key, range);
  } else {
    res.status(200);
    res.setHeader('Content-Length', String(c.size));
    body = await storage.read(c.key);
  }
  if (req.method === 'HEAD') {
    body.destroy();
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    body.on('error', () => {
      // Headers are out already: the only honest signal left is a cut connection.
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      body.destroy();
      resolve();
    });
    body.pipe(res);
  });
}

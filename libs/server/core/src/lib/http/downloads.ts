import type { Response } from 'express';

/**
 * Content-Disposition with the original name: an ASCII fallback in `filename`
 * and the exact name in `filename*` (RFC 6266 / RFC 5987).
 */
export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
  const fallback =
    filename
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\]/g, '_')
      .trim() || 'berkas';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A title as a file-name stem: `Kuis Akhir: PPBD` → `kuis-akhir-ppbd`. */
export function fileSlug(title: string, fallback: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || fallback
  );
}

/** Answers with a generated file the browser saves (exports: GIFT, CSV). */
export function sendAttachment(res: Response, filename: string, type: string, body: string): void {
  res
    .status(200)
    .type(type)
    .set('Content-Disposition', contentDisposition('attachment', filename))
    .send(body);
}

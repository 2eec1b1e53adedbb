import type { StoredFilePurpose } from './stored-file.entity';

export interface DetectedType {
  mime: string;
  /** How a person calls it, for error messages. */
  label: string;
}

/** Bytes needed to recognise every type below. */
export const MAGIC_HEAD_BYTES = 64;

const startsWith = (b: Buffer, sig: number[] | string, at = 0) => {
  const bytes = typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig);
  return b.length >= at + bytes.length && b.subarray(at, at + bytes.length).equals(bytes);
};

/**
 * The type of a file from its first bytes (its "magic number"). The file
 * name and the type the browser claims are never trusted.
 */
export function detectType(head: Buffer): DetectedType | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: 'image/png', label: 'gambar PNG' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', label: 'gambar JPEG' };
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8))
    return { mime: 'image/webp', label: 'gambar WebP' };
  if (startsWith(head, 'RIFF') && startsWith(head, 'AVI ', 8))
    return { mime: 'video/x-msvideo', label: 'video AVI' };
  if (startsWith(head, 'RIFF') && startsWith(head, 'WAVE', 8))
    return { mime: 'audio/wav', label: 'audio WAV' };
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a'))
    return { mime: 'image/gif', label: 'gambar GIF' };
  if (startsWith(head, 'ftyp', 4)) {
    const brand = head.subarray(8, 12).toString('latin1');
    if (['heic', 'heix', 'mif1', 'msf1'].includes(brand))
      return { mime: 'image/heic', label: 'gambar HEIC' };
    if (brand === 'avif') return { mime: 'image/avif', label: 'gambar AVIF' };
    if (brand === 'qt  ') return { mime: 'video/quicktime', label: 'video QuickTime (MOV)' };
    if (brand === 'M4A ') return { mime: 'audio/mp4', label: 'audio M4A' };
    return { mime: 'video/mp4', label: 'video MP4' };
  }
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML: WebM declares its DocType "webm" in the header; otherwise Matroska.
    return head.includes(Buffer.from('webm'))
      ? { mime: 'video/webm', label: 'video WebM' }
      : { mime: 'video/x-matroska', label: 'video Matroska (MKV)' };
  }
  if (startsWith(head, '%PDF-')) return { mime: 'application/pdf', label: 'dokumen PDF' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
    return { mime: 'application/zip', label: 'arsip ZIP (atau dokumen Office)' };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { mime: 'application/x-ole-storage', label: 'dokumen Office lama (doc/xls/ppt)' };
  if (startsWith(head, 'Rar!')) return { mime: 'application/vnd.rar', label: 'arsip RAR' };
  if (startsWith(head, [0x1f, 0x8b])) return { mime: 'application/gzip', label: 'arsip GZIP' };
  if (startsWith(head, 'ID3') || startsWith(head, [0xff, 0xfb]))
    return { mime: 'audio/mpeg', label: 'audio MP3' };
  if (startsWith(head, 'MZ')) return { mime: 'application/x-msdownload', label: 'program Windows' };
  const text = head.toString('utf8').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html'))
    return { mime: 'text/html', label: 'halaman HTML' };
  if (text.startsWith('<?xml') || text.startsWith('<svg'))
    return { mime: 'text/xml', label: 'XML/SVG' };
  return null;
}

/** What each purpose accepts, by detected type. */
export const ALLOWED_TYPES: Record<StoredFilePurpose, { mimes: string[]; describe: string }> = {
  cover: {
    mimes: ['image/png', 'image/jpeg', 'image/webp'],
    describe: 'gambar PNG, JPEG, atau WebP',
  },
  video: { mimes: ['video/mp4', 'video/webm'], describe: 'video MP4 atau WebM' },
  document: { mimes: ['application/pdf'], describe: 'dokumen PDF' },
  scorm: { mimes: ['application/zip'], describe: 'arsip ZIP paket SCORM 1.2' },
  // Office documents are ZIP (docx, xlsx, pptx, odt…) or OLE (doc, xls, ppt) containers; the
  // caller narrows ZIP further (FollowUpEvidence checks for an Office or OpenDocument package).
  evidence: {
    mimes: [
      'application/pdf',
      'image/png',
      'image/jpeg',
      'image/webp',
      'image/heic',
      'application/zip',
      'application/x-ole-storage',
    ],
    describe:
      'dokumen PDF, gambar (PNG, JPEG, WebP, HEIC), atau dokumen Office (Word, Excel, PowerPoint)',
  },
};

export const PURPOSE_LABEL: Record<StoredFilePurpose, string> = {
  cover: 'gambar sampul',
  video: 'video',
  document: 'dokumen',
  scorm: 'paket SCORM',
  evidence: 'bukti',
};

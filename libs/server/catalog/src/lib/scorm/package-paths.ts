import { ScormRefusal } from './scorm-refusal';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** True when a zip entry made on Unix is a symbolic link (mode bits in the high 16 bits). */
export function isSymlinkEntry(externalFileAttributes: number): boolean {
  return ((externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

/**
 * The normalised path of a zip entry inside the package, or a refusal when
 * it could land outside the package folder (zip-slip) or is not a plain
 * relative path. '.' segments and repeated slashes are dropped.
 */
export function checkEntryPath(name: string): string {
  const refuse = (why: string) =>
    new ScormRefusal(
      `Paket ditolak: entri zip "${name}" ${why}. Buat ulang zip dari folder paket tanpa jalur seperti itu.`,
    );
  if (name.length === 0) throw refuse('tidak bernama');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw refuse('mengandung karakter kontrol');
  if (name.includes('\\'))
    throw refuse('memakai garis miring terbalik (\\) sebagai pemisah folder');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw refuse('memakai jalur absolut');
  const segments = name.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) throw refuse('keluar dari folder paket (memakai "..")');
  if (segments.length === 0) throw refuse('tidak menunjuk ke berkas');
  return segments.join('/') + (name.endsWith('/') ? '/' : '');
}

/**
 * The path a request for package content asks for, from the wildcard's
 * segments; null when it is not a plain path inside the package.
 */
export function normaliseRequestPath(segments: string[] | string): string | null {
  const parts = (Array.isArray(segments) ? segments : [segments]).flatMap((s) => s.split('/'));
  const kept: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    // eslint-disable-next-line no-control-regex
    if (p === '..' || p.includes('\\') || /[\u0000-\u001f\u007f]/.test(p)) return null;
    kept.push(p);
  }
  return kept.length > 0 ? kept.join('/') : null;
}

/** Characters FileStorage keys accept as they are; everything else is %-encoded per UTF-8 byte. */
const KEY_SAFE = /[A-Za-z0-9._~!$&'()+,;=@ -]/;

/** One segment of a package path as a storage key segment: reversible and always a safe key. */
export function encodeKeySegment(segment: string): string {
  let out = '';
  for (const ch of segment) {
    if (KEY_SAFE.test(ch)) out += ch;
    else
      for (const byte of Buffer.from(ch, 'utf8'))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  // '.' and '..' never reach here (checked above); a leading-dot name stays as it is.
  return out;
}

/** Storage key of a file of a package: `<prefix>/<encoded path>`. */
export function contentKey(prefix: string, path: string): string {
  return `${prefix}/${path.split('/').map(encodeKeySegment).join('/')}`;
}

/** A package-relative href (maybe with ?query or #fragment) as a URL path: each segment percent-encoded. */
export function encodeHref(href: string): string {
  const cut = href.search(/[?#]/);
  const path = cut === -1 ? href : href.slice(0, cut);
  const rest = cut === -1 ? '' : href.slice(cut);
  return (
    path
      .split('/')
      .map((s) => encodeURIComponent(s))
      .join('/') + rest
  );
}

/** The file part of a manifest href: without query or fragment, %-escapes decoded when valid. */
export function hrefFilePath(href: string): string {
  const cut = href.search(/[?#]/);
  const path = cut === -1 ? href : href.slice(0, cut);
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

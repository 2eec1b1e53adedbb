/** True for a relative URL or one on this page's origin (what the API's signed URLs are). */
export function sameOrigin(
  url: string,
  base: string = globalThis.location?.href ?? 'http://localhost/',
): boolean {
  try {
    const u = new URL(url, base);
    return u.origin === new URL(base).origin && (u.protocol === 'http:' || u.protocol === 'https:');
  } catch {
    return false;
  }
}

/** http(s) only: never javascript: or data: in a link we render. */
export function safeHttpUrl(url: string): string | null {
  try {
    const u = new URL(url, globalThis.location?.href ?? 'http://localhost/');
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

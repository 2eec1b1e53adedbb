import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A key for one purpose derived from JWT_SECRET, so a signature made for file
 * URLs can never be replayed as an access token or a SCORM content token.
 */
export function deriveKey(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`siantar-belajar:${purpose}`).digest();
}

export function hmac(key: Buffer, data: string | Buffer, bytes = 32): Buffer {
  return createHmac('sha256', key).update(data).digest().subarray(0, bytes);
}

/** Constant-time comparison of a base64url signature with the expected bytes. */
export function sameSignature(given: string, expected: Buffer): boolean {
  if (!/^[A-Za-z0-9_-]+$/.test(given)) return false;
  const buf = Buffer.from(given, 'base64url');
  return buf.length === expected.length && timingSafeEqual(buf, expected);
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

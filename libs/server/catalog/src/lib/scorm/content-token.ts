import { hmac, sameSignature } from '../files/url-signing';

export interface ContentGrant {
  packageId: string;
  userId: string;
  /** Unix seconds. */
  exp: number;
}

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidText = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A compact token for one URL path segment: base64url(package ‖ user ‖ exp)
 * '.' base64url(HMAC-SHA256 truncated to 128 bits). 71 characters.
 */
export function signContentToken(key: Buffer, g: ContentGrant): string {
  if (!UUID.test(g.packageId) || !UUID.test(g.userId)) throw new Error('ids must be UUIDs');
  const exp = Buffer.alloc(4);
  exp.writeUInt32BE(g.exp);
  const body = Buffer.concat([uuidBytes(g.packageId), uuidBytes(g.userId), exp]);
  return `${body.toString('base64url')}.${hmac(key, body, 16).toString('base64url')}`;
}

/** The grant of a well-signed token (expired or not), or null. */
export function readContentToken(key: Buffer, token: string): ContentGrant | null {
  const [b, sig, extra] = token.split('.');
  if (!b || !sig || extra !== undefined || !/^[A-Za-z0-9_-]{48}$/.test(b)) return null;
  const body = Buffer.from(b, 'base64url');
  if (body.length !== 36 || !sameSignature(sig, hmac(key, body, 16))) return null;
  return {
    packageId: uuidText(body.subarray(0, 16)),
    userId: uuidText(body.subarray(16, 32)),
    exp: body.readUInt32BE(32),
  };
}

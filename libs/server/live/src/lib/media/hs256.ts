import { createHmac } from 'node:crypto';

const b64 = (v: string | Buffer) => Buffer.from(v).toString('base64url');

/**
 * A compact JWS with HS256, for tokens a third party (the SFU) verifies with its own
 * secret; the app's JwtService is bound to the app's key and must not sign these.
 */
export function signHs256(claims: Record<string, unknown>, secret: string): string {
  const head = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify(claims))}`;
  return `${head}.${b64(createHmac('sha256', secret).update(head).digest())}`;
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long the queue dashboard stays open after an admin asks for it. */
export const OPS_TICKET_SECONDS = 15 * 60;
export const OPS_COOKIE = 'sb_ops';

const mac = (secret: string, body: string) =>
  createHmac('sha256', secret).update(`ops:${body}`).digest('base64url');

/** `<userId>.<expiry>.<mac>`: a browser cookie for the dashboard, which cannot send bearer tokens. */
export function opsTicket(secret: string, userId: string, now = Date.now()): string {
  const body = `${userId}.${Math.floor(now / 1000) + OPS_TICKET_SECONDS}`;
  return `${body}.${mac(secret, body)}`;
}

/** The user id of a valid, unexpired ticket; null otherwise. */
export function opsTicketUser(secret: string, ticket: string | undefined, now = Date.now()) {
  const parts = ticket?.split('.') ?? [];
  if (parts.length !== 3) return null;
  const [userId, exp, given] = parts;
  const expected = Buffer.from(mac(secret, `${userId}.${exp}`));
  const got = Buffer.from(given);
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) return null;
  return Number(exp) * 1000 > now ? userId : null;
}

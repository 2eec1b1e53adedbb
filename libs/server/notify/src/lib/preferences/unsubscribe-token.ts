import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NotifyCategory } from '@siantar/contracts';

const mac = (secret: string, userId: string, category: NotifyCategory) =>
  createHmac('sha256', secret).update(`unsubscribe:${userId}:${category}`).digest('base64url');

/** The token of an unsubscribe link: good for that user and that category only. */
export const unsubscribeToken = mac;

export function unsubscribeTokenValid(
  secret: string,
  userId: string,
  category: NotifyCategory,
  token: string,
): boolean {
  const expected = Buffer.from(mac(secret, userId, category));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

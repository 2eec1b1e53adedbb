import type { EntityManager } from 'typeorm';

/** What nodemailer's SMTP transport puts on an error. */
interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  rejected?: string[];
}

/**
 * A permanent refusal of this recipient (a 5xx answer to RCPT TO: no such mailbox, domain
 * gone): retrying cannot help. Transient refusals (4xx) and connection errors are not.
 */
export function permanentRefusal(e: unknown, address: string): string | null {
  const err = e as SmtpError;
  if (err?.code !== 'EENVELOPE' || !err.responseCode || err.responseCode < 500) return null;
  const rejected = (err.rejected ?? []).map((a) => a.toLowerCase());
  if (!rejected.includes(address.toLowerCase())) return null;
  return (err.response ?? `SMTP ${err.responseCode}`).slice(0, 500);
}

export async function markBounced(em: EntityManager, address: string, reason: string) {
  await em.query(
    `INSERT INTO email_bounce (address, reason) VALUES (lower($1), $2)
     ON CONFLICT (address) DO UPDATE SET reason = EXCLUDED.reason, at = now()`,
    [address, reason],
  );
}

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnvSchema } from '@siantar/server-core';
import { createOrgUnit, createUser, type TestApp } from '@siantar/server-testing';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { noticeMessageId } from '../channels/email.channel';
import { NotificationPlanner } from '../planner/notification-planner';

/** The reliability specs' shared pieces: the built worker, a catcher, planning, the audit. */

export const WORKER = join(__dirname, '../../../../../../dist/apps/worker/main.js');

export function assertBuilt(): void {
  if (!existsSync(WORKER)) throw new Error('Build first: npx nx run-many -t build -p api worker');
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * The built worker, started as production starts it, against this file's database, Redis
 * and prefix. SB_TEST_WORKER_LOGS=1 shows its warnings when a run needs looking into.
 */
export function startWorker(config: EnvSchema, env: Record<string, string> = {}): ChildProcess {
  const logs = process.env['SB_TEST_WORKER_LOGS'] === '1';
  return spawn(process.execPath, [WORKER], {
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'test',
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.REDIS_URL,
      REDIS_PREFIX: config.REDIS_PREFIX,
      JWT_SECRET: config.JWT_SECRET,
      SMTP_URL: config.SMTP_URL,
      PUBLIC_URL: config.PUBLIC_URL,
      LOG_LEVEL: logs ? 'warn' : 'silent',
      STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-notify-')),
      ...env,
    },
    stdio: logs ? ['ignore', 'inherit', 'inherit'] : 'ignore',
  });
}

export function exited(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
  });
}

/** Stops a child process with `signal`, and with SIGKILL if it is still there after `graceMs`. */
export async function stop(
  proc: ChildProcess | null | undefined,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 10_000,
) {
  if (!proc) return;
  const done = exited(proc);
  if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
  const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
}

export interface CaughtMail {
  messageId: string;
  to: string;
  subject: string;
}

export interface Catcher {
  url: string;
  /** Every message accepted, in order, repeats included. */
  messages: CaughtMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server that keeps the Message-ID, recipient and subject of what it accepts.
 * A message counts as accepted once its DATA is complete (what a real server would queue);
 * `beforeReply` runs then, before the 250 goes back to the sender — the window in which a
 * sender that dies has sent a message it never learns was accepted.
 */
export async function startCatcher(
  opts: {
    port?: number;
    beforeReply?: (m: CaughtMail, count: number) => Promise<void> | void;
  } = {},
): Promise<Catcher> {
  const messages: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const caught: CaughtMail = {
            messageId: mail.messageId ?? '',
            to: (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [])
              .map((a) => a.text)
              .join(', '),
            subject: mail.subject ?? '',
          };
          messages.push(caught);
          await opts.beforeReply?.(caught, messages.length);
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  server.on('error', () => undefined); // a sender killed mid-conversation resets its socket
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Person = Awaited<ReturnType<typeof createUser>>;

/** `n` people with an email each. */
export async function createPeople(t: TestApp, n: number): Promise<Person[]> {
  const unit = await createOrgUnit(t.db);
  const people = [];
  for (let u = 0; u < n; u++) people.push(await createUser(t.db, { unit }));
  return people;
}

export interface Planned {
  keys: string[];
  /** The address each notice's email must go to, by its expected Message-ID. */
  recipientByMessageId: Map<string, string>;
}

/**
 * An 'enrolled' notice for each person about each of `targets` courses, due at `dueAt(i)`
 * (i counts the notices); planned as producers do, in their own transactions, through the
 * app's NotificationPlanner.
 */
export async function planEnrolments(
  t: TestApp,
  opts: { people: Person[]; targets: number; dueAt: (i: number) => Date },
): Promise<Planned> {
  const planner = t.app.get(NotificationPlanner);
  const courses = Array.from(
    { length: opts.targets },
    (_, c) => `00000000-0000-4000-8000-${String(c + 1).padStart(12, '0')}`,
  );
  const keys: string[] = [];
  const recipientByMessageId = new Map<string, string>();
  let i = 0;
  // Four producers at a time (the test database's pool), each one person's notices per transaction.
  const queue = [...opts.people];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let person = queue.shift(); person; person = queue.shift()) {
        const p = person;
        const mine = courses.map((courseId) => ({ courseId, dueAt: opts.dueAt(i++) }));
        const planned = await t.db.transaction(async (em) => {
          const out: string[] = [];
          for (const { courseId, dueAt } of mine)
            out.push(
              await planner.plan(em, {
                event: 'enrolled',
                userId: p.id,
                targetId: courseId,
                dueAt,
                data: { courseId, courseTitle: `Pelatihan ${courseId.slice(-4)}`, dueAt: null },
              }),
            );
          return out;
        });
        for (const key of planned) {
          keys.push(key);
          recipientByMessageId.set(noticeMessageId(key), p.email);
        }
      }
    }),
  );
  return { keys, recipientByMessageId };
}

export const countWhere = async (t: TestApp, sql: string, params: unknown[] = []) =>
  Number(((await t.db.query(sql, params)) as { n: string }[])[0].n);

export const doneCount = (t: TestApp, keys: string[]) =>
  countWhere(
    t,
    `SELECT count(*) AS n FROM planned_notification WHERE status = 'done' AND key = ANY($1)`,
    [keys],
  );

export interface Audit {
  received: number;
  distinct: number;
  /** Messages accepted more than once under the same Message-ID (receivers collapse them). */
  rawDuplicates: number;
  duplicatedIds: string[];
  /** Planned notices whose email never arrived. */
  lost: string[];
  /** Message-IDs that belong to no planned notice. */
  strays: string[];
  /** Messages that went to someone other than the notice's user. */
  misaddressed: number;
  inAppRows: number;
  inAppDistinctKeys: number;
  sentMailRows: number;
  sentMailWrongId: number;
}

/** What the catcher and the database show for these notices, to be checked against "exactly once". */
export async function audit(t: TestApp, planned: Planned, catcher: Catcher): Promise<Audit> {
  const seen = new Map<string, number>();
  let misaddressed = 0;
  for (const m of catcher.messages) {
    seen.set(m.messageId, (seen.get(m.messageId) ?? 0) + 1);
    const to = planned.recipientByMessageId.get(m.messageId);
    if (to && !m.to.includes(to)) misaddressed++;
  }
  const expected = new Set(planned.keys.map(noticeMessageId));
  const [inApp] = (await t.db.query(
    `SELECT count(*) AS rows, count(DISTINCT key) AS keys FROM notification WHERE key = ANY($1)`,
    [planned.keys],
  )) as { rows: string; keys: string }[];
  const sent = (await t.db.query(`SELECT key, message_id FROM sent_mail WHERE key = ANY($1)`, [
    planned.keys.map((k) => `notify:${k}`),
  ])) as { key: string; message_id: string | null }[];
  return {
    received: catcher.messages.length,
    distinct: seen.size,
    rawDuplicates: catcher.messages.length - seen.size,
    duplicatedIds: [...seen].filter(([, n]) => n > 1).map(([id]) => id),
    lost: planned.keys.filter((k) => !seen.has(noticeMessageId(k))),
    strays: [...seen.keys()].filter((id) => !expected.has(id)),
    misaddressed,
    inAppRows: Number(inApp.rows),
    inAppDistinctKeys: Number(inApp.keys),
    sentMailRows: sent.length,
    sentMailWrongId: sent.filter(
      (r) => r.message_id !== noticeMessageId(r.key.slice('notify:'.length)),
    ).length,
  };
}

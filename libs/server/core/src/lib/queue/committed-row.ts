import type { JobContext } from './job-handler';

/**
 * Loads the row a job is about. Jobs are enqueued as the last step of the
 * transaction that writes that row, so a fast worker can start before the
 * commit: wait a moment, then retry through BullMQ's backoff. After a few
 * attempts a missing row means the transaction rolled back: log it, return null.
 */
export async function committedRow<T>(
  ctx: JobContext,
  what: string,
  load: () => Promise<T | null | undefined>,
): Promise<T | null> {
  let row = await load();
  for (let i = 0; !row && i < 20; i++) {
    await new Promise((r) => setTimeout(r, 100));
    row = await load();
  }
  if (row) return row;
  if (ctx.attempt < 3) throw new Error(`${what} not visible yet`);
  await ctx.log(`${what} does not exist (its transaction rolled back); nothing to do`);
  return null;
}

import type { JobContext } from './job-handler';
import { committedRow } from './committed-row';

const ctx = (attempt: number, lines: string[] = []): JobContext => ({
  jobId: 'j',
  attempt,
  log: (line) => {
    lines.push(line);
    return Promise.resolve();
  },
  updateProgress: () => Promise.resolve(),
});

describe('committedRow', () => {
  it('returns the row once the creating transaction has committed', async () => {
    let calls = 0;
    const row = await committedRow(ctx(1), 'request 1', () =>
      Promise.resolve(++calls < 3 ? undefined : { id: 1 }),
    );
    expect(row).toEqual({ id: 1 });
    expect(calls).toBe(3);
  });

  it('asks for a retry while the row may still be on its way', async () => {
    await expect(committedRow(ctx(2), 'request 1', () => Promise.resolve(null))).rejects.toThrow(
      'request 1 not visible yet',
    );
  });

  it('gives up quietly after a few attempts: the transaction rolled back', async () => {
    const lines: string[] = [];
    await expect(
      committedRow(ctx(3, lines), 'request 1', () => Promise.resolve(null)),
    ).resolves.toBeNull();
    expect(lines).toEqual([
      'request 1 does not exist (its transaction rolled back); nothing to do',
    ]);
  });
});

import type { QueueService } from './queue.service';

/**
 * Compile-time contract of `enqueue`, checked by the typecheck target
 * (tsc --noEmit includes spec files): a wrong payload must not compile.
 */
export function enqueueTypeContract(q: QueueService): void {
  void q.enqueue('identity.welcome-email', { userId: 'u' }, { jobId: 'x' });
  // @ts-expect-error missing userId
  void q.enqueue('identity.welcome-email', {}, { jobId: 'x' });
  // @ts-expect-error wrong field type
  void q.enqueue('identity.welcome-email', { userId: 42 }, { jobId: 'x' });
  // @ts-expect-error unknown job name
  void q.enqueue('identity.no-such-job', { userId: 'u' }, { jobId: 'x' });
  // @ts-expect-error jobId is mandatory: every job has a business key
  void q.enqueue('identity.welcome-email', { userId: 'u' }, {});
}

describe('QueueService.enqueue types', () => {
  it('is checked at compile time (see enqueueTypeContract)', () => {
    expect(typeof enqueueTypeContract).toBe('function');
  });
});

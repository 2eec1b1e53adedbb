import type { QueueName } from './queue-names';

/** The certificates domain's jobs (queue `certificates`): name → queue and payload class. */
export const CERTIFICATE_JOBS = {} as const satisfies Record<
  string,
  { queue: QueueName; payload: new () => object }
>;

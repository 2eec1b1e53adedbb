import type { QueueName } from './queue-names';

/** The evaluation domain's jobs (queue `evaluation`): name → queue and payload class. */
export const EVALUATION_JOBS = {} as const satisfies Record<
  string,
  { queue: QueueName; payload: new () => object }
>;

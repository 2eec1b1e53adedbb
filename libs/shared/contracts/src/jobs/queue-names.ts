/** Queues are split by domain so that one domain's backlog never delays another's. */
export const QUEUE_NAMES = [
  'identity',
  'catalog',
  'assessment',
  'reporting',
  'live',
  'notify',
  'certificates',
  'evaluation',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

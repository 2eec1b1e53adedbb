import { JOB_NAMES, type JobName } from '@siantar/contracts';
import type { JobHandler } from './job-handler';

export interface RegisteredHandler {
  name: JobName;
  handler: JobHandler<JobName>;
  owner: string;
}

export class JobRegistryError extends Error {
  constructor(problems: string[]) {
    super(`The worker cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'JobRegistryError';
  }
}

/**
 * Maps every job name to exactly one handler. A missing handler would let jobs
 * pile up unnoticed; two would make the outcome depend on load order.
 */
export function buildJobRegistry(
  found: RegisteredHandler[],
  expected: readonly JobName[] = JOB_NAMES,
): Map<JobName, JobHandler<JobName>> {
  const byName = new Map<string, RegisteredHandler[]>();
  for (const h of found) byName.set(h.name, [...(byName.get(h.name) ?? []), h]);
  const problems: string[] = [];
  for (const name of expected) {
    const hs = byName.get(name) ?? [];
    if (hs.length === 0) problems.push(`job "${name}" has no handler`);
    if (hs.length > 1)
      problems.push(
        `job "${name}" has ${hs.length} handlers: ${hs.map((h) => h.owner).join(', ')}`,
      );
  }
  for (const name of byName.keys()) {
    if (!expected.includes(name as JobName)) problems.push(`handler for unknown job "${name}"`);
  }
  if (problems.length > 0) throw new JobRegistryError(problems);
  return new Map(found.map((h) => [h.name, h.handler]));
}

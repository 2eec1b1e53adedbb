import type { JobName } from '@siantar/contracts';
import type { JobHandler } from './job-handler';
import { buildJobRegistry, JobRegistryError } from './job-registry';

const handler: JobHandler<JobName> = { handle: () => Promise.resolve() };
const names = ['identity.welcome-email'] as JobName[];

describe('buildJobRegistry', () => {
  it('maps each job to its one handler', () => {
    const reg = buildJobRegistry([{ name: 'identity.welcome-email', handler, owner: 'A' }], names);
    expect(reg.get('identity.welcome-email')).toBe(handler);
  });

  it('refuses a job without a handler', () => {
    expect(() => buildJobRegistry([], names)).toThrow(JobRegistryError);
    expect(() => buildJobRegistry([], names)).toThrow(/"identity.welcome-email" has no handler/);
  });

  it('refuses two handlers for one job, naming both', () => {
    const found = [
      { name: 'identity.welcome-email' as JobName, handler, owner: 'First' },
      { name: 'identity.welcome-email' as JobName, handler, owner: 'Second' },
    ];
    expect(() => buildJobRegistry(found, names)).toThrow(/has 2 handlers: First, Second/);
  });

  it('refuses a handler for a job that is not declared in contracts', () => {
    const found = [
      { name: 'identity.welcome-email' as JobName, handler, owner: 'A' },
      { name: 'nope.job' as JobName, handler, owner: 'B' },
    ];
    expect(() => buildJobRegistry(found, names)).toThrow(/unknown job "nope.job"/);
  });
});

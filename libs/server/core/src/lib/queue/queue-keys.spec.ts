import { assertJobId, jobKey } from './queue-keys';

describe('job ids from business keys', () => {
  it('joins parts and replaces characters BullMQ forbids', () => {
    expect(jobKey('welcome-email', 'a:b c')).toBe('welcome-email-a_b_c');
  });

  it('rejects ids with a colon', () => {
    expect(() => assertJobId('a:b')).toThrow(/no ':'/);
  });
});

import { signal } from '@angular/core';
import type { ProblemDetails } from '@siantar/contracts';
import { Subject } from 'rxjs';
import { sendRequest } from './send-request';

describe('sendRequest', () => {
  function state() {
    return {
      busy: signal(false),
      problem: signal<ProblemDetails | null>({
        type: 'about:blank',
        title: '',
        status: 500,
        detail: 'earlier',
        code: 'server.error',
      }),
    };
  }

  it('is busy until the answer, which it hands on', () => {
    const s = state();
    const reply = new Subject<number>();
    const done = jest.fn(() => expect(s.busy()).toBe(false));
    sendRequest(reply, s, done);
    expect(s.busy()).toBe(true);
    expect(s.problem()).toBeNull();
    reply.next(7);
    expect(done).toHaveBeenCalledWith(7);
  });

  it('shows the problem when it fails', () => {
    const s = state();
    const reply = new Subject<number>();
    const done = jest.fn();
    sendRequest(reply, s, done);
    reply.error({ status: 409, title: 'Conflict', detail: 'Sudah ada' });
    expect(s.busy()).toBe(false);
    expect(s.problem()?.detail).toBe('Sudah ada');
    expect(done).not.toHaveBeenCalled();
  });
});

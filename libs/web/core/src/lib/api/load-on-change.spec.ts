import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ProblemDetails } from '@siantar/contracts';
import { Subject, type Observable } from 'rxjs';
import { loadOnChange } from './load-on-change';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class ListComponent {
  readonly filter = signal({ id: 'a', page: 0 });
  readonly loading = signal(false);
  readonly problem = signal<ProblemDetails | null>(null);
  readonly requests: { value: { id: string; page: number }; reply: Subject<string> }[] = [];
  readonly result = loadOnChange(
    this.filter,
    (value): Observable<string> => {
      const reply = new Subject<string>();
      this.requests.push({ value, reply });
      return reply;
    },
    this,
    { when: (f) => !!f.id },
  );
}

describe('loadOnChange', () => {
  async function render() {
    const fixture = TestBed.createComponent(ListComponent);
    await fixture.whenStable();
    return { fixture, list: fixture.componentInstance };
  }

  it('loads on each change, the newer value cancelling the older request', async () => {
    const { fixture, list } = await render();
    expect(list.requests.map((r) => r.value)).toEqual([{ id: 'a', page: 0 }]);
    expect(list.loading()).toBe(true);

    list.filter.set({ id: 'a', page: 1 });
    await fixture.whenStable();
    expect(list.requests[0]?.reply.observed).toBe(false);
    list.requests[1]?.reply.next('page 1');
    expect(list.result()).toBe('page 1');
    expect(list.loading()).toBe(false);

    list.filter.set({ id: '', page: 0 });
    await fixture.whenStable();
    expect(list.requests).toHaveLength(2);
  });

  it('keeps the last result and shows the problem when a request fails', async () => {
    const { fixture, list } = await render();
    list.requests[0]?.reply.next('page 0');

    list.filter.set({ id: 'a', page: 1 });
    await fixture.whenStable();
    list.requests[1]?.reply.error({ status: 503, title: 'Down', detail: 'Coba lagi' });
    expect(list.result()).toBe('page 0');
    expect(list.loading()).toBe(false);
    expect(list.problem()?.detail).toBe('Coba lagi');

    list.filter.set({ id: 'a', page: 2 });
    await fixture.whenStable();
    expect(list.problem()).toBeNull();
  });
});

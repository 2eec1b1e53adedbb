import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { FollowUpView, Page } from '@siantar/contracts';
import { followUp, problem, setUpEvaluationTest, text } from '../testing/fixtures';
import { FollowUpListComponent, type FollowUpListMode } from './follow-up-list.component';

const page = (items: FollowUpView[], total = items.length): Page<FollowUpView> => ({
  items,
  total,
  limit: 20,
  offset: 0,
});

describe('FollowUpListComponent', () => {
  let fixture: ComponentFixture<FollowUpListComponent>;
  let http: HttpTestingController;
  let snack: jest.SpyInstance;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null =>
    root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const cards = (): HTMLElement[] =>
    Array.from(root().querySelectorAll<HTMLElement>('[data-testid=follow-up]'));
  const url = (mode: FollowUpListMode): string =>
    mode === 'team' ? '/api/v1/follow-ups/team' : '/api/v1/my/follow-ups';

  async function render(mode: FollowUpListMode, items: FollowUpView[]): Promise<void> {
    http = setUpEvaluationTest();
    snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    fixture = TestBed.createComponent(FollowUpListComponent);
    fixture.componentRef.setInput('mode', mode);
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === url(mode));
    expect(req.request.params.get('limit')).toBe('20');
    expect(req.request.params.get('offset')).toBe('0');
    expect(req.request.params.has('status')).toBe(false);
    req.flush(page(items));
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    expect(root().textContent).not.toMatch(/evaluation\./);
  });

  it("lists the alumnus's follow-ups: the due one with its report form, a reported one waiting for the supervisor", async () => {
    await render('mine', [
      followUp(),
      followUp({
        id: 'f2',
        offsetDays: 90,
        status: 'pending',
        canReport: false,
        report: {
          reportedAt: '2026-11-03T03:00:00.000Z',
          progress: 'Antrean daring berjalan.',
          items: [
            { itemId: 'a1', status: 'done', note: null },
            { itemId: 'a2', status: 'dropped', note: 'Rekan dipindahkan' },
          ],
          evidence: [],
        },
      }),
    ]);
    expect(text(root().querySelector('h1'))).toBe('Tindak lanjut saya');
    const [due, reported] = cards();
    expect(text(due?.querySelector('h2'))).toBe('Pelayanan Prima Adminduk');
    expect(text(due?.querySelector('[data-testid=follow-up-status]'))).toBe('Menunggu');
    expect(text(due)).toContain('30 hari');
    expect(text(due)).toContain('dikonfirmasi oleh Dedi Simanjuntak');
    expect(due?.querySelector('sb-follow-up-report-form')).not.toBeNull();
    expect(reported?.querySelector('sb-follow-up-report-form')).toBeNull();
    expect(text(reported?.querySelector('[data-testid=follow-up-progress]'))).toBe(
      'Antrean daring berjalan.',
    );
    expect(text(reported?.querySelector('[data-testid=follow-up-plan]'))).toContain(
      'Tidak dilanjutkan',
    );
    expect(text(reported?.querySelector('[data-testid=awaiting-confirmation]'))).toBe(
      'Menunggu konfirmasi dari Dedi Simanjuntak.',
    );
  });

  it('filters by status from the first page and says when nothing matches', async () => {
    await render('mine', []);
    expect(text(byTestId('follow-up-empty'))).toContain('Belum ada tindak lanjut.');
    const overdue = Array.from(
      root().querySelectorAll<HTMLButtonElement>('mat-button-toggle button'),
    ).find((b) => text(b) === 'Terlambat');
    overdue?.click();
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === url('mine'));
    expect(req.request.params.get('status')).toBe('overdue');
    req.flush(page([]));
    await fixture.whenStable();
    expect(text(byTestId('follow-up-empty'))).toBe('Tidak ada tindak lanjut dengan status ini.');
  });

  it("shows a supervisor the team's follow-ups, the questionnaire where they may confirm, and replaces the card once confirmed", async () => {
    await render('team', [
      followUp({
        canReport: false,
        canConfirm: true,
        report: {
          reportedAt: '2026-11-03T03:00:00.000Z',
          progress: 'Antrean daring berjalan.',
          items: [],
          evidence: [
            {
              fileId: 'file1',
              filename: 'foto.jpg',
              contentType: 'image/jpeg',
              size: 2048,
              url: 'https://x/foto.jpg',
            },
          ],
        },
      }),
      followUp({ id: 'f3', canReport: false, canConfirm: false, status: 'overdue' }),
    ]);
    expect(text(root().querySelector('h1'))).toBe('Tindak lanjut tim');
    const [toConfirm, waiting] = cards();
    expect(text(toConfirm?.querySelector('h2'))).toBe('Rina Marpaung · Pelayanan Prima Adminduk');
    expect(toConfirm?.querySelector('a[href="https://x/foto.jpg"]')?.textContent).toBe('foto.jpg');
    expect(toConfirm?.querySelector('sb-follow-up-confirm-form')).not.toBeNull();
    expect(text(waiting?.querySelector('[data-testid=follow-up-status]'))).toBe('Terlambat');
    expect(text(waiting?.querySelector('[data-testid=awaiting-report]'))).toBe(
      'Menunggu laporan kemajuan dari Rina Marpaung.',
    );

    for (const q of ['applies', 'action-plan', 'performance', 'shares']) {
      toConfirm
        ?.querySelector<HTMLInputElement>(`[data-question="${q}"] [data-score="5"] input`)
        ?.click();
      await fixture.whenStable();
    }
    toConfirm?.querySelector<HTMLButtonElement>('[data-testid=confirm-submit]')?.click();
    await fixture.whenStable();
    http.expectOne('/api/v1/follow-ups/f1/confirm').flush(
      followUp({
        status: 'done',
        canConfirm: false,
        canReport: false,
        confirmation: {
          confirmedAt: '2026-11-04T03:00:00.000Z',
          confirmedBy: { userId: 'u2', name: 'Dedi Simanjuntak', nip: null },
          answers: [{ question: 'applies', score: 5 }],
          comment: null,
        },
      }),
    );
    await fixture.whenStable();
    expect(snack).toHaveBeenCalledWith('Konfirmasi terkirim.', 'Tutup', { duration: 5000 });
    expect(cards()[0]?.querySelector('sb-follow-up-confirm-form')).toBeNull();
    expect(text(cards()[0]?.querySelector('[data-testid=follow-up-confirmation]'))).toContain(
      '5 — Sangat setuju',
    );
  });

  it('has a clear empty state for a supervisor and shows a refusal', async () => {
    await render('team', []);
    expect(text(byTestId('follow-up-empty'))).toBe(
      'Belum ada tindak lanjut dari anggota tim Anda.',
    );
    const done = Array.from(
      root().querySelectorAll<HTMLButtonElement>('mat-button-toggle button'),
    ).find((b) => text(b) === 'Selesai');
    done?.click();
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === url('team'))
      .flush(problem(403, 'Hanya atasan langsung.'), { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(root().textContent).toContain('Hanya atasan langsung.');
  });
});

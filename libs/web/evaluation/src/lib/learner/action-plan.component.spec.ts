import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ActionPlanResponse } from '@siantar/contracts';
import { setUpEvaluationTest, text, validationProblem } from '../testing/fixtures';
import { ActionPlanComponent } from './action-plan.component';

const URL = '/api/v1/enrolments/e1/action-plan';

function plan(overrides: Partial<ActionPlanResponse> = {}): ActionPlanResponse {
  return {
    enrolmentId: 'e1',
    courseId: 'c1',
    courseTitle: 'Pelayanan Prima Adminduk',
    completedAt: '2026-11-01T03:00:00.000Z',
    submittedAt: null,
    updatedAt: null,
    items: [],
    editable: true,
    editableUntil: '2026-12-01T01:00:00.000Z',
    ...overrides,
  };
}

describe('ActionPlanComponent', () => {
  let fixture: ComponentFixture<ActionPlanComponent>;
  let http: HttpTestingController;
  let snack: jest.SpyInstance;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null =>
    root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const items = (): HTMLElement[] =>
    Array.from(root().querySelectorAll<HTMLElement>('[data-testid=plan-item]'));
  const type = async (el: HTMLInputElement | HTMLTextAreaElement | null, value: string) => {
    if (el) {
      el.value = value;
      el.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    }
  };
  const fill = async (row: HTMLElement, action: string, due: string, measure: string) => {
    await type(row.querySelector('textarea'), action);
    await type(row.querySelector('input[type=date]'), due);
    await type(row.querySelector('input:not([type=date])'), measure);
  };

  async function render(p: ActionPlanResponse = plan()): Promise<void> {
    http = setUpEvaluationTest();
    snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    fixture = TestBed.createComponent(ActionPlanComponent);
    fixture.componentRef.setInput('enrolmentId', 'e1');
    await fixture.whenStable();
    http.expectOne(URL).flush(p);
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    expect(root().textContent).not.toMatch(/evaluation\./);
  });

  it('starts an empty plan with one item, adds and removes items, and saves the whole plan', async () => {
    await render();
    expect(text(byTestId('plan-course'))).toBe('Pelayanan Prima Adminduk');
    expect(text(byTestId('plan-until'))).toContain('RTL dapat diubah sampai');
    expect(items()).toHaveLength(1);
    expect(byTestId('plan-remove')).toBeNull();

    byTestId('plan-add')?.click();
    await fixture.whenStable();
    expect(items()).toHaveLength(2);
    expect(text(items()[1]?.querySelector('legend'))).toBe('Rencana 2');
    await fill(
      items()[0] as HTMLElement,
      'Menerapkan antrean daring',
      '2026-12-15',
      'Waktu tunggu 15 menit',
    );
    await fill(items()[1] as HTMLElement, 'Sesuatu yang dihapus', '2026-12-20', 'Tidak dipakai');
    items()[1]?.querySelector<HTMLButtonElement>('[data-testid=plan-remove]')?.click();
    await fixture.whenStable();
    expect(items()).toHaveLength(1);

    byTestId('plan-save')?.click();
    await fixture.whenStable();
    const req = http.expectOne(URL);
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({
      items: [
        {
          action: 'Menerapkan antrean daring',
          dueDate: '2026-12-15',
          measure: 'Waktu tunggu 15 menit',
        },
      ],
    });
    req.flush(
      plan({
        submittedAt: '2026-11-02T03:00:00.000Z',
        updatedAt: '2026-11-02T03:00:00.000Z',
        items: [
          {
            id: 'a1',
            action: 'Menerapkan antrean daring',
            dueDate: '2026-12-15',
            measure: 'Waktu tunggu 15 menit',
          },
        ],
      }),
    );
    await fixture.whenStable();
    expect(snack).toHaveBeenCalledWith('Rencana tindak lanjut tersimpan.', 'Tutup', {
      duration: 5000,
    });
    expect(byTestId('plan-saved-at')).not.toBeNull();
  });

  it('keeps item ids when editing, checks the fields first, and shows the API refusal at its field', async () => {
    await render(
      plan({
        submittedAt: '2026-11-02T03:00:00.000Z',
        items: [
          {
            id: 'a1',
            action: 'Menerapkan antrean daring',
            dueDate: '2026-12-15',
            measure: 'Waktu tunggu 15 menit',
          },
        ],
      }),
    );
    const row = items()[0] as HTMLElement;
    await type(row.querySelector('textarea'), 'abc');
    byTestId('plan-save')?.click();
    await fixture.whenStable();
    http.expectNone(URL);
    expect(text(row.querySelector('mat-error'))).toBe('Minimal 5 karakter.');

    await type(row.querySelector('textarea'), 'Menerapkan antrean daring di dua loket');
    byTestId('plan-save')?.click();
    await fixture.whenStable();
    const req = http.expectOne(URL);
    expect(req.request.body.items[0].id).toBe('a1');
    req.flush(validationProblem([{ path: 'items.0.dueDate', message: 'tanggal sudah lewat' }]), {
      status: 400,
      statusText: 'Bad Request',
    });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(
      text(
        row
          .querySelector('input[type=date]')
          ?.closest('mat-form-field')
          ?.querySelector('mat-error'),
      ),
    ).toBe('tanggal sudah lewat');
  });

  it('shows a frozen plan read-only and says why', async () => {
    await render(
      plan({
        editable: false,
        items: [
          {
            id: 'a1',
            action: 'Menerapkan antrean daring',
            dueDate: '2026-12-15',
            measure: 'Waktu tunggu 15 menit',
          },
        ],
      }),
    );
    expect(byTestId('plan-form')).toBeNull();
    expect(text(byTestId('plan-locked'))).toContain('tidak dapat diubah lagi');
    expect(text(byTestId('plan-read'))).toContain('Menerapkan antrean daring');
  });

  it('says a plan comes after the course is completed', async () => {
    await render(plan({ editable: false, completedAt: null, editableUntil: null }));
    expect(text(byTestId('plan-locked'))).toBe('RTL dapat ditulis setelah pelatihan selesai.');
  });
});

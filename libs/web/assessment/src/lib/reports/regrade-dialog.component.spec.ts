import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideTranslateService } from '@ngx-translate/core';
import { RegradeDialogComponent, type RegradeDialogData } from './regrade-dialog.component';

describe('RegradeDialogComponent', () => {
  const close = jest.fn();

  async function render() {
    close.mockReset();
    const data: RegradeDialogData = { quizId: 'z1', questions: [] };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(RegradeDialogComponent);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const form = el.querySelector('form') as HTMLFormElement;
    const reason = el.querySelector('textarea') as HTMLTextAreaElement;
    const submitButton = el.querySelector('button[type="submit"]') as HTMLButtonElement;
    return { fixture, el, form, reason, submitButton };
  }

  it('asks for a reason before it sends anything', async () => {
    const { fixture, el, form } = await render();
    form.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"].sb-error-text')?.textContent).toContain(
      'validation.minLength',
    );
    TestBed.inject(HttpTestingController).verify();
  });

  it('closes with the number of attempts queued, or shows the problem and stays open', async () => {
    const { fixture, el, form, reason, submitButton } = await render();
    const backend = TestBed.inject(HttpTestingController);
    reason.value = 'Kunci soal 3 salah';
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();

    form.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(submitButton.disabled).toBe(true);
    const failed = backend.expectOne('/api/v1/quizzes/z1/regrade');
    expect(failed.request.body).toEqual({ reason: 'Kunci soal 3 salah' });
    failed.flush(
      { status: 409, title: 'Conflict', detail: 'Sedang dinilai ulang' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(submitButton.disabled).toBe(false);
    expect(el.querySelector('sb-problem-alert')?.textContent).toContain('Sedang dinilai ulang');
    expect(close).not.toHaveBeenCalled();

    form.dispatchEvent(new Event('submit'));
    backend.expectOne('/api/v1/quizzes/z1/regrade').flush({ enqueued: 7 });
    expect(close).toHaveBeenCalledWith(7);
  });
});

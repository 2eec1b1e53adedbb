import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideTranslateService } from '@ngx-translate/core';
import { of, throwError } from 'rxjs';
import {
  TextPromptDialogComponent,
  type TextPromptDialogData,
} from './text-prompt-dialog.component';

describe('TextPromptDialogComponent', () => {
  let fixture: ComponentFixture<TextPromptDialogComponent>;
  let el: HTMLElement;
  let close: jest.Mock;

  async function open(data: Partial<TextPromptDialogData>): Promise<void> {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [TextPromptDialogComponent],
      providers: [
        provideTranslateService({ fallbackLang: 'id' }),
        {
          provide: MAT_DIALOG_DATA,
          useValue: { title: 't', label: 'l', submit: 's', action: () => of(true), ...data },
        },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    fixture = TestBed.createComponent(TextPromptDialogComponent);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  async function enterAndSubmit(value: string): Promise<void> {
    const input = el.querySelector<HTMLInputElement>('input');
    if (input) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    // A real submit event: the form must handle it (no native navigation).
    const event = new Event('submit', { cancelable: true });
    el.querySelector('form')?.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await fixture.whenStable();
  }

  it('runs the action with the trimmed value and closes with its result', async () => {
    const action = jest.fn(() => of({ courseId: 'c1' }));
    await open({ action });
    await enterAndSubmit('  Modul 1  ');
    expect(action).toHaveBeenCalledWith('Modul 1');
    expect(close).toHaveBeenCalledWith({ courseId: 'c1' });
  });

  it('refuses an empty required value', async () => {
    const action = jest.fn(() => of(true));
    await open({ action });
    await enterAndSubmit('   ');
    expect(action).not.toHaveBeenCalled();
    expect(close).not.toHaveBeenCalled();
  });

  it('stays open and shows the problem when the action fails', async () => {
    await open({
      action: () =>
        throwError(() => ({
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          detail: 'Catatan terlalu pendek.',
        })),
    });
    await enterAndSubmit('ok');
    expect(close).not.toHaveBeenCalled();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Catatan terlalu pendek.');
  });
});

import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { counterScenario, editorStrings } from './editor.fixtures';
import { ScenarioImportDialogComponent } from './import-dialog.component';
import { scenarioJson } from './scenario-file';

describe('ScenarioImportDialogComponent', () => {
  let fixture: ComponentFixture<ScenarioImportDialogComponent>;
  let el: HTMLElement;
  let close: jest.Mock;
  let confirmed: boolean;

  beforeEach(async () => {
    close = jest.fn();
    confirmed = true;
    TestBed.configureTestingModule({
      imports: [ScenarioImportDialogComponent],
      providers: [
        provideTranslateService({ fallbackLang: 'id' }),
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    // The component's MatDialogModule provides its own MatDialog: override that one.
    TestBed.overrideProvider(MatDialog, {
      useValue: { open: () => ({ afterClosed: () => of(confirmed) }) },
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', editorStrings('id'));
    translate.use('id');
    fixture = TestBed.createComponent(ScenarioImportDialogComponent);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  async function paste(text: string): Promise<void> {
    const area = el.querySelector<HTMLTextAreaElement>('[data-testid=import-text]');
    if (!area) throw new Error('no text area');
    area.value = text;
    area.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid=import-check]')?.click();
    await fixture.whenStable();
  }

  const replaceButton = () => el.querySelector<HTMLButtonElement>('[data-testid=import-replace]');

  it('lists each error with its line, column and path, and the line with a caret', async () => {
    const text = scenarioJson(counterScenario()).replace('"title": "Warga datang"', '"title": 7');
    await paste(text);
    const errors = el.querySelectorAll('[data-testid=import-error]');
    expect(errors).toHaveLength(1);
    const line = text.split('\n').findIndex((l) => l.includes('"title": 7')) + 1;
    expect(errors[0].textContent?.replace(/\s+/g, ' ')).toContain(
      `Baris ${line}, kolom 16 scenes[0].title — harus teks, bukan angka`,
    );
    expect(errors[0].querySelector('pre')?.textContent).toBe('      "title": 7,\n               ^');
    expect(replaceButton()?.disabled).toBe(true);
  });

  it('shows a syntax error where it is', async () => {
    await paste('{\n  "title": "x",\n}');
    expect(el.querySelector('[data-testid=import-error]')?.textContent).toContain(
      'Baris 3, kolom 1',
    );
  });

  it('replaces the scenario only after confirming', async () => {
    await paste(scenarioJson(counterScenario()));
    expect(el.querySelector('[data-testid=import-ok]')?.textContent).toContain(
      'Skenario "Loket Disdukcapil" terbaca: 6 adegan, 0 masalah',
    );
    confirmed = false;
    replaceButton()?.click();
    await fixture.whenStable();
    expect(close).not.toHaveBeenCalled();
    confirmed = true;
    replaceButton()?.click();
    await fixture.whenStable();
    expect(close).toHaveBeenCalledWith(counterScenario());
  });
});

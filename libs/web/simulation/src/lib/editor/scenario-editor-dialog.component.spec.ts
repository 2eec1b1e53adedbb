import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { Subject, of } from 'rxjs';
import { counterContent, editorStrings } from './editor.fixtures';
import {
  ScenarioEditorDialogComponent,
  type ScenarioEditorDialogData,
} from './scenario-editor-dialog.component';

describe('ScenarioEditorDialogComponent', () => {
  let fixture: ComponentFixture<ScenarioEditorDialogComponent>;
  let el: HTMLElement;
  let close: jest.Mock;
  let asked: jest.Mock;

  async function open(data: ScenarioEditorDialogData): Promise<void> {
    close = jest.fn();
    asked = jest.fn(() => ({ afterClosed: () => of(true) }));
    TestBed.configureTestingModule({
      imports: [ScenarioEditorDialogComponent],
      providers: [
        provideTranslateService({ fallbackLang: 'id' }),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close, keydownEvents: () => new Subject() } },
      ],
    });
    TestBed.overrideProvider(MatDialog, { useValue: { open: asked } });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', editorStrings('id'));
    translate.use('id');
    fixture = TestBed.createComponent(ScenarioEditorDialogComponent);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  const button = (id: string) => el.querySelector<HTMLButtonElement>(`[data-testid=${id}]`);

  it('starts a new scenario named after the lesson and hands it back when done', async () => {
    await open({ content: null, lessonTitle: 'Melayani warga yang marah' });
    expect(el.querySelector('h2')?.textContent).toContain('Melayani warga yang marah');
    button('editor-done')?.click();
    expect(close).toHaveBeenCalledWith(
      expect.objectContaining({
        scenario: expect.objectContaining({ title: 'Melayani warga yang marah' }),
        settings: { completion: 'ending', counts: 'best' },
      }),
    );
  });

  it('closes without asking when nothing changed', async () => {
    await open({ content: counterContent() });
    button('editor-cancel')?.click();
    expect(asked).not.toHaveBeenCalled();
    expect(close).toHaveBeenCalledWith();
  });

  it('asks before dropping changes', async () => {
    await open({ content: counterContent() });
    button('add-scene')?.click();
    await fixture.whenStable();
    button('editor-cancel')?.click();
    expect(asked).toHaveBeenCalledTimes(1);
    expect(close).toHaveBeenCalledWith();
  });

  it('hands back the edited content', async () => {
    await open({ content: counterContent() });
    button('add-scene')?.click();
    await fixture.whenStable();
    button('editor-done')?.click();
    expect(close.mock.calls[0][0].scenario.scenes).toHaveLength(7);
  });
});

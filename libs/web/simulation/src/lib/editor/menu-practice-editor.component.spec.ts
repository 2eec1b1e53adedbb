import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { MenuPathPractice } from '@siantar/scenario';
import { counterScenario, editorStrings } from './editor.fixtures';
import { MenuPracticeEditorComponent } from './menu-practice-editor.component';

describe('MenuPracticeEditorComponent', () => {
  let fixture: ComponentFixture<MenuPracticeEditorComponent>;
  let el: HTMLElement;
  let emitted: MenuPathPractice[];

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [MenuPracticeEditorComponent],
      providers: [provideTranslateService({ fallbackLang: 'id' })],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', editorStrings('id'));
    translate.use('id');
    fixture = TestBed.createComponent(MenuPracticeEditorComponent);
    const practice = counterScenario().scenes[1].practice as MenuPathPractice;
    fixture.componentRef.setInput('practice', { ...practice, expectedPath: [] });
    emitted = [];
    fixture.componentInstance.practiceChange.subscribe((p) => {
      emitted.push(p);
      fixture.componentRef.setInput('practice', p);
    });
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  const pathButtons = () =>
    Array.from(el.querySelectorAll<HTMLButtonElement>('.path .actions[role=group] button')).map(
      (b) => b.textContent?.trim(),
    );
  async function clickText(label: string): Promise<void> {
    const b = Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find(
      (x) => x.textContent?.trim() === label,
    );
    expect(b).toBeTruthy();
    b?.click();
    await fixture.whenStable();
  }

  it('picks the right path by clicking through the menus from the start screen', async () => {
    expect(el.querySelector('.path')?.textContent).toContain('Jalur belum ditentukan.');
    expect(pathButtons()).toEqual(['Pencatatan Sipil', 'Pendaftaran Penduduk']);
    await clickText('Pencatatan Sipil');
    expect(pathButtons()).toEqual(['Akta Kelahiran']);
    await clickText('Akta Kelahiran');
    expect(emitted.at(-1)?.expectedPath).toEqual(['capil', 'akta']);
    expect(el.querySelector('.path .done')?.textContent).toContain('Jalur selesai');
    expect(
      Array.from(el.querySelectorAll('.steps li')).map((li) => li.textContent?.trim()),
    ).toEqual(['Beranda › Pencatatan Sipil', 'Pencatatan Sipil › Akta Kelahiran']);
    await clickText('Hapus langkah terakhir');
    expect(emitted.at(-1)?.expectedPath).toEqual(['capil']);
    await clickText('Ulangi dari awal');
    expect(emitted.at(-1)?.expectedPath).toEqual([]);
  });

  it('adds a screen that options can open', async () => {
    await clickText('Tambah layar');
    expect(emitted.at(-1)?.screens.map((s) => s.id)).toEqual(['beranda', 'capil', 'layar-3']);
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { LessonResponse, LessonType } from '@siantar/contracts';
import type { SimulationContent } from '@siantar/scenario';
import { starterContent } from '@siantar/web-simulation';
import { of } from 'rxjs';
import {
  type LessonFormValue,
  buildLessonContent,
  EMPTY_LESSON_FORM,
  simulationContentOf,
} from './lesson-content';
import { LessonDialogComponent, type LessonDialogData } from './lesson-dialog.component';

/** The dialog's reactive form, reached the way a test harness would. */
interface FormAccess {
  form: {
    controls: {
      type: { setValue(v: LessonType): void };
      content: { patchValue(v: Partial<LessonFormValue>): void };
    };
  };
}

const COURSE = { courseId: 'c1', working: {}, can: {} };

describe('LessonDialogComponent', () => {
  let fixture: ComponentFixture<LessonDialogComponent>;
  let backend: HttpTestingController;
  let el: HTMLElement;
  let close: jest.Mock;

  /** What the scenario editor dialog hands back (undefined: cancelled). */
  let edited: SimulationContent | undefined;
  let dialogOpen: jest.Mock;

  async function open(data: LessonDialogData): Promise<void> {
    close = jest.fn();
    edited = undefined;
    dialogOpen = jest.fn(() => ({ afterClosed: () => of(edited) }));
    TestBed.configureTestingModule({
      imports: [LessonDialogComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    // The dialogs this one opens (the scenario editor): their MatDialog, as the components provide it.
    TestBed.overrideProvider(MatDialog, { useValue: { open: dialogOpen } });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', {
      authoring: { lesson: { missing: { url: 'Isi URL yang valid.' } } },
    });
    translate.use('id');
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LessonDialogComponent);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const access = () => fixture.componentInstance as unknown as FormAccess;

  async function type(selector: string, value: string): Promise<void> {
    const input = el.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    expect(input).not.toBeNull();
    if (input) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
  }

  async function setType(t: LessonType, content: Partial<LessonFormValue> = {}): Promise<void> {
    access().form.controls.type.setValue(t);
    access().form.controls.content.patchValue(content);
    await fixture.whenStable();
  }

  it('adds a text lesson with its Markdown source and previews it', async () => {
    await open({ courseId: 'c1', moduleId: 'm1' });
    await type('input[formcontrolname=title]', '  Pengantar  ');
    await type('input[formcontrolname=durationMinutes]', '20');
    await type('textarea[formcontrolname=textSource]', '# Selamat datang\n\nIsi **materi**.');
    expect(el.querySelector('.preview h1')?.textContent).toBe('Selamat datang');
    expect(el.querySelector('.preview strong')?.textContent).toBe('materi');

    await submit();
    const req = backend.expectOne({
      method: 'POST',
      url: '/api/v1/authoring/courses/c1/draft/modules/m1/lessons',
    });
    expect(req.request.body).toEqual({
      type: 'text',
      title: 'Pengantar',
      durationMinutes: 20,
      content: { format: 'markdown', source: '# Selamat datang\n\nIsi **materi**.' },
    });
    req.flush(COURSE);
    await fixture.whenStable();
    expect(close).toHaveBeenCalledWith(COURSE);
  });

  it('adds a video lesson from an external URL with its completion share', async () => {
    await open({ courseId: 'c1', moduleId: 'm1' });
    await type('input[formcontrolname=title]', 'Video pengantar');
    await setType('video', { videoSource: 'url' });
    await type('input[formcontrolname=videoUrl]', 'https://video.example/intro.mp4');
    await type('input[formcontrolname=videoCompletionPercent]', '80');
    await submit();
    const req = backend.expectOne('/api/v1/authoring/courses/c1/draft/modules/m1/lessons');
    expect(req.request.body).toMatchObject({
      type: 'video',
      content: { url: 'https://video.example/intro.mp4', completionShare: 0.8 },
    });
    expect(req.request.body.content).not.toHaveProperty('fileId');
    req.flush(COURSE);
  });

  it('uploads a video with progress and sends the file id', async () => {
    await open({ courseId: 'c1', moduleId: 'm1' });
    await type('input[formcontrolname=title]', 'Video unggahan');
    await setType('video');
    const input = el.querySelector<HTMLInputElement>('input[type=file]');
    expect(input?.accept).toContain('video/mp4');
    Object.defineProperty(input, 'files', {
      value: [new File(['x'], 'v.mp4', { type: 'video/mp4' })],
    });
    input?.dispatchEvent(new Event('change'));
    const upload = backend.expectOne({ method: 'POST', url: '/api/v1/files' });
    expect(upload.request.reportProgress).toBe(true);
    expect((upload.request.body as FormData).get('purpose')).toBe('video');
    upload.flush({
      id: 'f-video',
      purpose: 'video',
      filename: 'v.mp4',
      contentType: 'video/mp4',
      size: 1,
      createdAt: '',
    });
    await fixture.whenStable();

    await submit();
    const req = backend.expectOne('/api/v1/authoring/courses/c1/draft/modules/m1/lessons');
    expect(req.request.body.content).toEqual({ fileId: 'f-video', completionShare: 0.9 });
    req.flush(COURSE);
  });

  it('refuses to send a lesson whose content is missing', async () => {
    await open({ courseId: 'c1', moduleId: 'm1' });
    await type('input[formcontrolname=title]', 'Tautan');
    await setType('link', { linkUrl: 'bukan-url' });
    await submit();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Isi URL yang valid.');
    backend.expectNone('/api/v1/authoring/courses/c1/draft/modules/m1/lessons');
  });

  it.each<[LessonType, Partial<LessonFormValue>, Record<string, unknown>]>([
    ['document', { documentFileId: 'f-pdf' }, { fileId: 'f-pdf' }],
    [
      'link',
      { linkUrl: ' https://jdih.pematangsiantarkota.go.id ' },
      { url: 'https://jdih.pematangsiantarkota.go.id' },
    ],
    ['scorm', { scormPackageId: 'p1' }, { packageId: 'p1' }],
    ['live-session', {}, {}],
    ['simulation', {}, {}],
  ])('sends the right content for a %s lesson', async (t, content, expected) => {
    await open({ courseId: 'c1', moduleId: 'm1' });
    await type('input[formcontrolname=title]', `Pelajaran ${t}`);
    await setType(t, content);
    await submit();
    const req = backend.expectOne('/api/v1/authoring/courses/c1/draft/modules/m1/lessons');
    expect(req.request.body).toEqual({
      type: t,
      title: `Pelajaran ${t}`,
      durationMinutes: 15,
      content: expected,
    });
    req.flush(COURSE);
  });

  it('sends the scenario edited in the scenario editor for a new simulation lesson', async () => {
    await open({ courseId: 'c1', moduleId: 'm1' });
    await type('input[formcontrolname=title]', 'Warga yang marah');
    await setType('simulation');
    expect(el.querySelector('[data-testid=simulation-summary]')).toBeNull();
    const content = starterContent('Warga yang marah');
    edited = content;
    el.querySelector<HTMLButtonElement>('[data-testid=open-scenario-editor]')?.click();
    await fixture.whenStable();
    expect(dialogOpen).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        data: { content: null, lessonTitle: 'Warga yang marah' },
      }),
    );
    expect(el.querySelector('[data-testid=simulation-summary]')?.textContent).toContain(
      'Warga yang marah',
    );
    await submit();
    const req = backend.expectOne('/api/v1/authoring/courses/c1/draft/modules/m1/lessons');
    expect(req.request.body).toEqual({
      type: 'simulation',
      title: 'Warga yang marah',
      durationMinutes: 15,
      content,
    });
    req.flush(COURSE);
  });

  it('edits a simulation lesson’s scenario and sends it with PATCH', async () => {
    const stored = starterContent('Lama');
    const lesson: LessonResponse = {
      id: 'l7',
      key: 'k7',
      moduleId: 'm1',
      position: 2,
      type: 'simulation',
      title: 'Simulasi loket',
      durationMinutes: 20,
      content: { ...stored },
    };
    await open({ courseId: 'c1', moduleId: 'm1', lesson });
    expect(el.querySelector('[data-testid=simulation-summary]')?.textContent).toContain('Lama');
    const changed = { ...stored, settings: { ...stored.settings, counts: 'last' as const } };
    edited = changed;
    el.querySelector<HTMLButtonElement>('[data-testid=open-scenario-editor]')?.click();
    await fixture.whenStable();
    expect(dialogOpen.mock.calls[0][1].data.content).toEqual(stored);
    await submit();
    const req = backend.expectOne({
      method: 'PATCH',
      url: '/api/v1/authoring/courses/c1/draft/lessons/l7',
    });
    expect(req.request.body.content).toEqual(changed);
    req.flush(COURSE);
  });

  it('keeps the scenario when the editor is cancelled', async () => {
    const stored = starterContent('Tetap');
    await open({
      courseId: 'c1',
      moduleId: 'm1',
      lesson: {
        id: 'l8',
        key: 'k8',
        moduleId: 'm1',
        position: 1,
        type: 'simulation',
        title: 'Simulasi',
        durationMinutes: 10,
        content: { ...stored },
      },
    });
    el.querySelector<HTMLButtonElement>('[data-testid=open-scenario-editor]')?.click();
    await fixture.whenStable();
    await submit();
    const req = backend.expectOne('/api/v1/authoring/courses/c1/draft/lessons/l8');
    expect(req.request.body.content).toEqual(stored);
    req.flush(COURSE);
  });

  it('lists the course quizzes for a quiz lesson and sends the chosen quiz id', async () => {
    await open({ courseId: 'c1', moduleId: 'm1' });
    await type('input[formcontrolname=title]', 'Pre-test');
    await setType('quiz');
    backend.expectOne({ method: 'GET', url: '/api/v1/authoring/courses/c1' }).flush({
      ...COURSE,
      working: {
        modules: [
          {
            id: 'm1',
            position: 1,
            title: 'Modul 1',
            lessons: [
              {
                id: 'l1',
                key: 'k1',
                moduleId: 'm1',
                position: 1,
                type: 'quiz',
                title: 'Kuis lama',
                durationMinutes: 10,
                content: { quizId: 'q1' },
              },
            ],
          },
        ],
      },
    });
    backend
      .expectOne({ method: 'GET', url: '/api/v1/quizzes/q1' })
      .flush({ id: 'q1', title: 'Pre-test Pelayanan Publik' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=lesson-quiz-create]')).not.toBeNull();

    await setType('quiz', { quizId: 'q1' });
    await submit();
    const req = backend.expectOne('/api/v1/authoring/courses/c1/draft/modules/m1/lessons');
    expect(req.request.body).toEqual({
      type: 'quiz',
      title: 'Pre-test',
      durationMinutes: 15,
      content: { quizId: 'q1' },
    });
    req.flush(COURSE);
  });

  it('refuses a quiz lesson without a quiz', async () => {
    await open({ courseId: 'c1', moduleId: 'm1' });
    TestBed.inject(TranslateService).setTranslation(
      'id',
      { authoring: { lesson: { missing: { quiz: 'Pilih kuis.' } } } },
      true,
    );
    await type('input[formcontrolname=title]', 'Kuis');
    await setType('quiz');
    backend
      .expectOne('/api/v1/authoring/courses/c1')
      .flush({ ...COURSE, working: { modules: [] } });
    await submit();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Pilih kuis.');
    backend.expectNone('/api/v1/authoring/courses/c1/draft/modules/m1/lessons');
  });

  it('edits a lesson with PATCH, keeping its type', async () => {
    const lesson: LessonResponse = {
      id: 'l9',
      key: 'k9',
      moduleId: 'm1',
      position: 1,
      type: 'video',
      title: 'Lama',
      durationMinutes: 12,
      content: { url: 'https://video.example/a.mp4', completionShare: 0.75 },
    };
    await open({ courseId: 'c1', moduleId: 'm1', lesson });
    expect(el.querySelector<HTMLInputElement>('input[formcontrolname=videoUrl]')?.value).toBe(
      'https://video.example/a.mp4',
    );
    await type('input[formcontrolname=title]', 'Baru');
    await submit();
    const req = backend.expectOne({
      method: 'PATCH',
      url: '/api/v1/authoring/courses/c1/draft/lessons/l9',
    });
    expect(req.request.body).toEqual({
      title: 'Baru',
      durationMinutes: 12,
      content: { url: 'https://video.example/a.mp4', completionShare: 0.75 },
    });
    req.flush(COURSE);
  });
});

describe('simulationContentOf', () => {
  it('reads a simulation lesson’s scenario and settings, nothing else', () => {
    const base = { id: 'l', key: 'k', moduleId: 'm', position: 1, title: 't', durationMinutes: 5 };
    const content = { ...starterContent() };
    expect(simulationContentOf({ ...base, type: 'simulation', content })).toEqual(content);
    expect(simulationContentOf({ ...base, type: 'simulation', content: {} })).toBeNull();
    expect(simulationContentOf({ ...base, type: 'text', content })).toBeNull();
    expect(simulationContentOf(undefined)).toBeNull();
  });
});

describe('buildLessonContent', () => {
  it('keeps HTML as the author wrote it (the server sanitises)', () => {
    expect(
      buildLessonContent('text', {
        ...EMPTY_LESSON_FORM,
        textFormat: 'html',
        textSource: '<p>x</p>',
      }),
    ).toEqual({ format: 'html', source: '<p>x</p>' });
  });
});

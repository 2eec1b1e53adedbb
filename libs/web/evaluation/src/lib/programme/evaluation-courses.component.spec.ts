import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { AuthoringCourseSummary } from '@siantar/contracts';
import { problem, setUpEvaluationTest, text } from '../testing/fixtures';
import { EvaluationCoursesComponent } from './evaluation-courses.component';

const URL = '/api/v1/authoring/courses';

const summary = (
  courseId: string,
  code: string,
  title: string,
  owner: string,
): AuthoringCourseSummary => ({
  courseId,
  code,
  title,
  status: 'published',
  number: 1,
  ownerOrgUnitName: owner,
  updatedAt: '2026-11-01T03:00:00.000Z',
});

describe('EvaluationCoursesComponent', () => {
  let fixture: ComponentFixture<EvaluationCoursesComponent>;
  let http: HttpTestingController;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null =>
    root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const links = (): string[] =>
    Array.from(root().querySelectorAll('[data-testid=courses-table] tbody a')).map(
      (a) => `${text(a)} → ${a.getAttribute('href')}`,
    );

  beforeEach(async () => {
    http = setUpEvaluationTest();
    fixture = TestBed.createComponent(EvaluationCoursesComponent);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    expect(root().textContent).not.toMatch(/evaluation\./);
  });

  it('lists the courses to pick, searchable by code, title or OPD, and links the templates', async () => {
    http
      .expectOne(URL)
      .flush([
        summary('c1', 'ADM-01', 'Pelayanan Prima Adminduk', 'Disdukcapil'),
        summary('c2', 'KEU-02', 'Pengelolaan Keuangan Daerah', 'BPKPD'),
      ]);
    await fixture.whenStable();
    expect(links()).toEqual([
      'ADM-01 Pelayanan Prima Adminduk → /evaluasi/kursus/c1',
      'KEU-02 Pengelolaan Keuangan Daerah → /evaluasi/kursus/c2',
    ]);
    expect(byTestId('templates-link')?.getAttribute('href')).toBe('/evaluasi/templat');
    const search = byTestId('courses-search') as HTMLInputElement;
    search.value = 'bpkpd';
    search.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(links()).toEqual(['KEU-02 Pengelolaan Keuangan Daerah → /evaluasi/kursus/c2']);
    search.value = 'tidak ada';
    search.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(text(byTestId('courses-empty'))).toBe('Tidak ada kursus yang cocok.');
  });

  it('says when there is no course, and shows a refusal', async () => {
    http
      .expectOne(URL)
      .flush(problem(503, 'Layanan sedang sibuk.'), { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(root().textContent).toContain('Layanan sedang sibuk.');
  });
});

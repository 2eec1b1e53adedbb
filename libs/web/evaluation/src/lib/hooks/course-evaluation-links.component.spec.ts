import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { setUpEvaluationTest, text } from '../testing/fixtures';
import { CourseEvaluationLinksComponent } from './course-evaluation-links.component';

describe('CourseEvaluationLinksComponent', () => {
  let fixture: ComponentFixture<CourseEvaluationLinksComponent>;
  let http: HttpTestingController;
  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const links = (): string[] =>
    Array.from(root().querySelectorAll('a')).map((a) => `${text(a)} → ${a.getAttribute('href')}`);

  async function render(completed: boolean): Promise<void> {
    http = setUpEvaluationTest();
    fixture = TestBed.createComponent(CourseEvaluationLinksComponent);
    fixture.componentRef.setInput('enrolmentId', 'e1');
    fixture.componentRef.setInput('completed', completed);
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    expect(root().textContent).not.toMatch(/evaluation\./);
  });

  it('offers the survey, the action plan, the follow-ups and the certificates after the course', async () => {
    await render(true);
    expect(links()).toEqual([
      'Isi survei umpan balik → /evaluasi/survei/e1',
      'Tulis rencana tindak lanjut (RTL) → /evaluasi/rtl/e1',
      'Tindak lanjut saya → /evaluasi/tindak-lanjut',
      'Sertifikat saya → /belajar/sertifikat',
    ]);
  });

  it('offers only the survey while it is due for completion', async () => {
    await render(false);
    expect(links()).toEqual(['Isi survei umpan balik → /evaluasi/survei/e1']);
    expect(root().textContent).toContain(
      'Survei umpan balik perlu diisi untuk menyelesaikan kursus ini.',
    );
  });
});

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * The course home's evaluation box: once the course is completed, the feedback survey and
 * the action plan (RTL), and "Tindak lanjut saya"; while the survey is still required for
 * completion, the survey.
 */
@Component({
  selector: 'sb-course-evaluation-links',
  imports: [MatButtonModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="sbe-box" aria-labelledby="sbe-eval-links" data-testid="course-evaluation-links">
      <h2 id="sbe-eval-links">{{ 'evaluation.links.title' | translate }}</h2>
      <p class="sb-muted">
        {{
          (completed() ? 'evaluation.links.introCompleted' : 'evaluation.links.introSurvey')
            | translate
        }}
      </p>
      <div class="sb-actions">
        <a
          mat-flat-button
          [routerLink]="['/evaluasi/survei', enrolmentId()]"
          data-testid="link-survey"
        >
          {{ 'evaluation.links.survey' | translate }}
        </a>
        @if (completed()) {
          <a
            mat-stroked-button
            [routerLink]="['/evaluasi/rtl', enrolmentId()]"
            data-testid="link-plan"
          >
            {{ 'evaluation.links.plan' | translate }}
          </a>
          <a mat-button routerLink="/evaluasi/tindak-lanjut" data-testid="link-follow-ups">
            {{ 'evaluation.links.followUps' | translate }}
          </a>
          <a mat-button routerLink="/belajar/sertifikat" data-testid="link-certificates">
            {{ 'evaluation.links.certificates' | translate }}
          </a>
        }
      </div>
    </section>
  `,
  styles: `
    .sbe-box {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
      padding: 12px 16px;
      margin: 16px 0;
      h2 {
        font: var(--mat-sys-title-large);
        margin: 0 0 4px;
      }
    }
  `,
})
export class CourseEvaluationLinksComponent {
  readonly enrolmentId = input.required<string>();
  readonly completed = input(false);
}

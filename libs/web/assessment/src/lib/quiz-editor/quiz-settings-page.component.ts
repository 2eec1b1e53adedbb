import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { QuizView } from '@siantar/contracts';
import { QuizSettingsFormComponent } from './quiz-settings-form.component';

/** `/penilaian/kuis/:quizId`: the settings editor as a page, with the quiz's report and essays. */
@Component({
  selector: 'sb-quiz-settings-page',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslatePipe, QuizSettingsFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink="/penilaian/kuis">
      <mat-icon svgIcon="sba-back" aria-hidden="true" />
      {{ 'assessment.quizList.title' | translate }}
    </a>
    <div class="sb-page-header">
      <h1 class="sb-page-title">
        {{ quiz()?.title ?? ('assessment.quiz.editTitle' | translate) }}
      </h1>
      <div class="sb-actions">
        <a
          mat-stroked-button
          [routerLink]="['/penilaian/kuis', quizId(), 'laporan']"
          data-testid="quiz-report-link"
        >
          <mat-icon svgIcon="sba-chart" aria-hidden="true" />
          {{ 'assessment.report.title' | translate }}
        </a>
        <a
          mat-stroked-button
          routerLink="/penilaian/penilaian-esai"
          [queryParams]="{ kuis: quizId() }"
        >
          <mat-icon svgIcon="sba-grading" aria-hidden="true" />
          {{ 'assessment.grading.title' | translate }}
        </a>
      </div>
    </div>
    <div class="sba-page-form">
      <sb-quiz-settings-form
        [quizId]="quizId()"
        (loaded)="quiz.set($event)"
        (savedQuiz)="onSaved($event)"
      />
    </div>
  `,
  styles: `
    .sba-page-form {
      max-width: 960px;
    }
  `,
})
export class QuizSettingsPageComponent {
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  readonly quizId = input.required<string>();
  protected readonly quiz = signal<QuizView | null>(null);

  protected onSaved(quiz: QuizView): void {
    this.quiz.set(quiz);
    this.snackBar.open(
      this.translate.instant('assessment.quiz.saved') as string,
      this.translate.instant('common.close') as string,
      { duration: 5000 },
    );
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  FOLLOW_UP_DEFAULT_DAYS,
  FOLLOW_UP_MAX_DAYS,
  FOLLOW_UP_MAX_OFFSETS,
  MAX_ANONYMITY_THRESHOLD,
  MIN_ANONYMITY_THRESHOLD,
  type CourseSurveySettingsView,
  type FollowUpSettingsResponse,
  type ProblemDetails,
} from '@siantar/contracts';
import { AuthService, ProblemAlertComponent, sendRequest } from '@siantar/web-core';
import { EvaluationApi } from '../api/evaluation.api';

/**
 * The course editor's "Evaluasi" tab: the feedback survey's settings (template, required for
 * completion, anonymity threshold, whether admins may read individual responses), the days
 * after the course end when follow-ups are asked, and links to the survey results and (for
 * admins) the programme evaluation.
 */
@Component({
  selector: 'sb-course-evaluation-settings',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-actions sbe-links">
      <a
        mat-stroked-button
        [routerLink]="['/evaluasi/kursus', courseId(), 'survei']"
        data-testid="eval-results-link"
      >
        {{ 'evaluation.settings.results' | translate }}
      </a>
      <a mat-button routerLink="/evaluasi/pengajar" data-testid="eval-trainer-link">
        {{ 'evaluation.settings.myResults' | translate }}
      </a>
      @if (isAdmin()) {
        <a
          mat-stroked-button
          [routerLink]="['/evaluasi/kursus', courseId()]"
          data-testid="eval-programme-link"
        >
          {{ 'evaluation.settings.programme' | translate }}
        </a>
      }
    </div>

    <section class="sbe-box" aria-labelledby="sbe-survey-settings">
      <h2 id="sbe-survey-settings">{{ 'evaluation.settings.surveyTitle' | translate }}</h2>
      <sb-problem-alert [problem]="surveyLoadProblem()" />
      @if (survey(); as s) {
        <form (ngSubmit)="saveSurvey()" novalidate data-testid="survey-settings">
          @if (!s.configured) {
            <p class="sb-muted" data-testid="survey-defaults">
              {{ 'evaluation.settings.defaults' | translate }}
            </p>
          }
          <p class="sb-muted">
            {{ 'evaluation.settings.responses' | translate: { n: s.responses } }}
          </p>
          <div class="sb-form-grid">
            <mat-form-field>
              <mat-label>{{ 'evaluation.settings.template' | translate }}</mat-label>
              <mat-select
                [value]="templateId()"
                (valueChange)="templateId.set($event)"
                [disabled]="!canEdit()"
                data-testid="survey-template"
              >
                @for (t of s.templates; track t.id) {
                  <mat-option [value]="t.id">{{ t.name }}</mat-option>
                }
              </mat-select>
              @if (s.responses) {
                <mat-hint>{{ 'evaluation.settings.templateHint' | translate }}</mat-hint>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'evaluation.settings.threshold' | translate }}</mat-label>
              <input
                matInput
                type="number"
                [min]="minThreshold"
                [max]="maxThreshold"
                step="1"
                required
                [disabled]="!canEdit()"
                [value]="threshold()"
                (input)="threshold.set($any($event.target).valueAsNumber)"
                data-testid="survey-threshold"
              />
              <mat-hint>{{
                'evaluation.settings.thresholdHint' | translate: { min: minThreshold }
              }}</mat-hint>
            </mat-form-field>
          </div>
          <div class="sbe-checks">
            <mat-checkbox
              [checked]="required()"
              [disabled]="!canEdit()"
              (change)="required.set($event.checked)"
              data-testid="survey-required"
            >
              {{ 'evaluation.settings.required' | translate }}
            </mat-checkbox>
            @if (s.requiredByVersion) {
              <p class="sb-muted" data-testid="survey-required-by-version">
                {{ 'evaluation.settings.requiredByVersion' | translate }}
              </p>
            }
            <mat-checkbox
              [checked]="individual()"
              [disabled]="!canEdit()"
              (change)="individual.set($event.checked)"
              data-testid="survey-individual"
            >
              {{ 'evaluation.settings.individual' | translate }}
            </mat-checkbox>
            <p class="sb-muted">{{ 'evaluation.settings.individualHint' | translate }}</p>
          </div>
          @if (thresholdError()) {
            <p class="sb-error-text" role="alert">
              {{
                'evaluation.settings.thresholdError'
                  | translate: { min: minThreshold, max: maxThreshold }
              }}
            </p>
          }
          <ul class="sb-error-list">
            @for (e of surveyProblem()?.errors ?? []; track $index) {
              <li>{{ e.message }}</li>
            }
          </ul>
          <sb-problem-alert [problem]="surveyProblem()" />
          @if (canEdit()) {
            <button
              mat-flat-button
              type="submit"
              [disabled]="surveyBusy()"
              data-testid="survey-settings-save"
            >
              {{ 'common.save' | translate }}
            </button>
          }
        </form>
      }
    </section>

    <section class="sbe-box" aria-labelledby="sbe-follow-up-settings">
      <h2 id="sbe-follow-up-settings">{{ 'evaluation.settings.followUpTitle' | translate }}</h2>
      <p class="sb-muted">{{ 'evaluation.settings.followUpIntro' | translate }}</p>
      <sb-problem-alert [problem]="followUpLoadProblem()" />
      @if (followUp(); as f) {
        <form (ngSubmit)="saveFollowUp()" novalidate data-testid="follow-up-settings">
          @if (f.isDefault) {
            <p class="sb-muted" data-testid="follow-up-default">
              {{ 'evaluation.settings.followUpDefault' | translate: { days: defaultDays } }}
            </p>
          }
          @if (!days().length) {
            <p class="sbe-note" data-testid="follow-up-off">
              {{ 'evaluation.settings.followUpOff' | translate }}
            </p>
          }
          <ul class="sbe-days" [attr.aria-label]="'evaluation.settings.followUpTitle' | translate">
            @for (d of days(); track d) {
              <li data-testid="follow-up-day">
                {{ 'evaluation.followUp.offset' | translate: { n: d } }}
                @if (canEdit()) {
                  <button
                    mat-icon-button
                    type="button"
                    (click)="removeDay(d)"
                    [attr.aria-label]="'evaluation.settings.removeDay' | translate: { n: d }"
                  >
                    <mat-icon svgIcon="close" aria-hidden="true" />
                  </button>
                }
              </li>
            }
          </ul>
          @if (canEdit()) {
            <div class="sbe-add">
              <mat-form-field>
                <mat-label>{{ 'evaluation.settings.addDay' | translate }}</mat-label>
                <input
                  matInput
                  type="number"
                  min="1"
                  [max]="maxDays"
                  step="1"
                  [value]="newDay()"
                  (input)="newDay.set($any($event.target).value)"
                  (keydown.enter)="$event.preventDefault(); addDay()"
                  data-testid="follow-up-new-day"
                />
                <mat-hint>{{
                  'evaluation.settings.dayHint' | translate: { max: maxDays, n: maxOffsets }
                }}</mat-hint>
              </mat-form-field>
              <button
                mat-stroked-button
                type="button"
                (click)="addDay()"
                [disabled]="days().length >= maxOffsets"
                data-testid="follow-up-add-day"
              >
                {{ 'evaluation.settings.add' | translate }}
              </button>
            </div>
            @if (dayError()) {
              <p class="sb-error-text" role="alert" data-testid="follow-up-day-error">
                {{ dayError() }}
              </p>
            }
            <ul class="sb-error-list">
              @for (e of followUpProblem()?.errors ?? []; track $index) {
                <li>{{ e.message }}</li>
              }
            </ul>
            <sb-problem-alert [problem]="followUpProblem()" />
            <div class="sb-actions">
              <button
                mat-flat-button
                type="submit"
                [disabled]="followUpBusy()"
                data-testid="follow-up-save"
              >
                {{ 'common.save' | translate }}
              </button>
              <button mat-button type="button" (click)="days.set(defaultDaysList())">
                {{ 'evaluation.settings.useDefault' | translate }}
              </button>
            </div>
          }
        </form>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      max-width: 880px;
    }
    .sbe-links {
      margin-bottom: 16px;
    }
    .sbe-box {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
      margin-bottom: 16px;
      h2 {
        font: var(--mat-sys-title-medium);
        margin: 0 0 8px;
      }
    }
    .sbe-checks {
      display: flex;
      flex-direction: column;
      margin: 8px 0;
      p {
        margin: 0 0 8px 40px;
      }
    }
    .sbe-days {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
      li {
        display: flex;
        align-items: center;
        gap: 4px;
        padding-inline-start: 12px;
        border-radius: 999px;
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
        min-height: 40px;
      }
    }
    .sbe-add {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: flex-start;
    }
    .sbe-note {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
  `,
})
export class CourseEvaluationSettingsComponent {
  private readonly api = inject(EvaluationApi);
  private readonly auth = inject(AuthService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  readonly courseId = input.required<string>();
  /** The caller may change the course's settings (the API decides too). */
  readonly canEdit = input(true);

  protected readonly minThreshold = MIN_ANONYMITY_THRESHOLD;
  protected readonly maxThreshold = MAX_ANONYMITY_THRESHOLD;
  protected readonly maxDays = FOLLOW_UP_MAX_DAYS;
  protected readonly maxOffsets = FOLLOW_UP_MAX_OFFSETS;
  protected readonly defaultDays = FOLLOW_UP_DEFAULT_DAYS.join(', ');

  protected readonly survey = signal<CourseSurveySettingsView | null>(null);
  protected readonly templateId = signal('');
  protected readonly threshold = signal<number>(5);
  protected readonly required = signal(false);
  protected readonly individual = signal(false);
  protected readonly thresholdError = signal(false);
  protected readonly surveyBusy = signal(false);
  protected readonly surveyLoading = signal(false);
  protected readonly surveyLoadProblem = signal<ProblemDetails | null>(null);
  protected readonly surveyProblem = signal<ProblemDetails | null>(null);

  protected readonly followUp = signal<FollowUpSettingsResponse | null>(null);
  protected readonly days = signal<number[]>([]);
  protected readonly newDay = signal('');
  protected readonly dayError = signal('');
  protected readonly followUpBusy = signal(false);
  protected readonly followUpLoading = signal(false);
  protected readonly followUpLoadProblem = signal<ProblemDetails | null>(null);
  protected readonly followUpProblem = signal<ProblemDetails | null>(null);

  constructor() {
    effect(() => {
      const id = this.courseId();
      untracked(() => {
        sendRequest(
          this.api.courseSurveySettings(id),
          { busy: this.surveyLoading, problem: this.surveyLoadProblem },
          (s) => this.showSurvey(s),
        );
        sendRequest(
          this.api.followUpSettings(id),
          { busy: this.followUpLoading, problem: this.followUpLoadProblem },
          (f) => this.showFollowUp(f),
        );
      });
    });
  }

  protected isAdmin(): boolean {
    return this.auth.hasRole('admin');
  }

  protected defaultDaysList(): number[] {
    return [...FOLLOW_UP_DEFAULT_DAYS];
  }

  private showSurvey(s: CourseSurveySettingsView): void {
    this.survey.set(s);
    this.templateId.set(s.templateId);
    this.threshold.set(s.anonymityThreshold);
    this.required.set(s.required);
    this.individual.set(s.individualVisibleToAdmins);
  }

  private showFollowUp(f: FollowUpSettingsResponse): void {
    this.followUp.set(f);
    this.days.set([...f.days]);
  }

  private saved(): void {
    this.snackBar.open(
      this.translate.instant('evaluation.settings.saved') as string,
      this.translate.instant('common.close') as string,
      { duration: 5000 },
    );
  }

  protected saveSurvey(): void {
    const threshold = this.threshold();
    const valid =
      Number.isInteger(threshold) &&
      threshold >= this.minThreshold &&
      threshold <= this.maxThreshold;
    this.thresholdError.set(!valid);
    if (!valid) {
      return;
    }
    sendRequest(
      this.api.saveCourseSurveySettings(this.courseId(), {
        templateId: this.templateId(),
        anonymityThreshold: threshold,
        individualVisibleToAdmins: this.individual(),
        required: this.required(),
      }),
      { busy: this.surveyBusy, problem: this.surveyProblem },
      (s) => {
        this.showSurvey(s);
        this.saved();
      },
    );
  }

  protected addDay(): void {
    const n = Number(this.newDay());
    if (!Number.isInteger(n) || n < 1 || n > this.maxDays) {
      this.dayError.set(
        this.translate.instant('evaluation.settings.dayRange', { max: this.maxDays }) as string,
      );
      return;
    }
    if (this.days().includes(n)) {
      this.dayError.set(this.translate.instant('evaluation.settings.dayTwice', { n }) as string);
      return;
    }
    this.dayError.set('');
    this.days.update((list) => [...list, n].sort((a, b) => a - b));
    this.newDay.set('');
  }

  protected removeDay(n: number): void {
    this.days.update((list) => list.filter((d) => d !== n));
  }

  protected saveFollowUp(): void {
    sendRequest(
      this.api.saveFollowUpSettings(this.courseId(), { days: this.days() }),
      { busy: this.followUpBusy, problem: this.followUpProblem },
      (f) => {
        this.showFollowUp(f);
        this.saved();
      },
    );
  }
}

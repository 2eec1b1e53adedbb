import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  COMPETENCY_TYPES,
  type CompetencyType,
  type EvidenceUploadResponse,
  type ExternalTrainingFields,
  LEARNING_ROUTES,
  type LearningRoute,
  type LedgerEntryView,
  type ProblemDetails,
  type TrainingClaimView,
} from '@siantar/contracts';
import {
  ProblemAlertComponent,
  applyProblemToForm,
  controlErrorMessage,
  toProblem,
} from '@siantar/web-core';
import type { Observable, Subscription } from 'rxjs';
import { LedgerApi } from '../api/progress.api';
import { trainingTypesFor } from '../hours/ledger-view';

let nextId = 0;

/**
 * An external training: the learner's claim ("Ajukan pelatihan eksternal", evidence required,
 * uploaded at once with progress) or an admin's entry into someone's ledger ("Tambah entri").
 */
@Component({
  selector: 'sb-external-training-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      class="sb-form"
      data-testid="training-form"
    >
      <div class="sb-form-grid">
        <mat-form-field class="sb-form-wide">
          <mat-label>{{ 'progress.claim.title' | translate }}</mat-label>
          <input matInput formControlName="title" maxlength="300" required />
          <mat-error>{{ errorOf('title') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="sb-form-wide">
          <mat-label>{{ 'progress.claim.provider' | translate }}</mat-label>
          <input matInput formControlName="provider" maxlength="200" required />
          <mat-error>{{ errorOf('provider') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'progress.claim.route' | translate }}</mat-label>
          <mat-select formControlName="route" required>
            @for (r of routes; track r) {
              <mat-option [value]="r">{{ 'progress.route.' + r | translate }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorOf('route') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'progress.claim.trainingType' | translate }}</mat-label>
          <mat-select formControlName="trainingType" required>
            @for (t of trainingTypes(); track t) {
              <mat-option [value]="t">{{ t }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'progress.claim.trainingTypeHint' | translate }}</mat-hint>
          <mat-error>{{ errorOf('trainingType') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'progress.claim.competencyType' | translate }}</mat-label>
          <mat-select formControlName="competencyType" required>
            @for (c of competencyTypes; track c) {
              <mat-option [value]="c">{{ 'progress.competency.' + c | translate }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorOf('competencyType') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'progress.claim.jp' | translate }}</mat-label>
          <input
            matInput
            type="number"
            inputmode="decimal"
            step="0.5"
            min="0.5"
            max="500"
            formControlName="jp"
            required
          />
          <mat-error>{{ errorOf('jp') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'progress.claim.startDate' | translate }}</mat-label>
          <input matInput type="date" formControlName="startDate" required />
          <mat-error>{{ errorOf('startDate') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'progress.claim.endDate' | translate }}</mat-label>
          <input
            matInput
            type="date"
            formControlName="endDate"
            required
            [min]="form.controls.startDate.value"
          />
          <mat-error>{{ errorOf('endDate') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="sb-form-wide">
          <mat-label>{{ 'progress.claim.certificateNumber' | translate }}</mat-label>
          <input matInput formControlName="certificateNumber" maxlength="100" />
          <mat-error>{{ errorOf('certificateNumber') }}</mat-error>
        </mat-form-field>

        @if (mode() === 'claim') {
          <div class="sb-form-wide sb-upload">
            <label class="sb-file-label" [for]="fileId">{{
              'progress.claim.evidence' | translate
            }}</label>
            <input
              class="sb-file-input"
              type="file"
              [id]="fileId"
              accept="application/pdf,image/png,image/jpeg"
              [disabled]="uploading() || busy()"
              [attr.aria-describedby]="fileId + '-hint'"
              [attr.aria-invalid]="evidenceMissing()"
              (change)="onFile($event)"
              data-testid="evidence-input"
            />
            <span class="sb-muted" [id]="fileId + '-hint'">{{
              'progress.claim.evidenceHint' | translate
            }}</span>
            @if (uploading()) {
              <div class="sb-progress" role="status">
                <mat-progress-bar
                  mode="determinate"
                  [value]="uploadPercent()"
                  [attr.aria-label]="
                    'progress.claim.uploading' | translate: { percent: uploadPercent() }
                  "
                />
                <span>{{
                  'progress.claim.uploading' | translate: { percent: uploadPercent() }
                }}</span>
              </div>
            } @else if (evidence(); as ev) {
              <span role="status" data-testid="evidence-done">{{
                'progress.claim.uploaded' | translate: { name: ev.filename }
              }}</span>
            }
            @if (evidenceMissing()) {
              <span class="sb-error-text" role="alert">{{
                'progress.claim.evidenceRequired' | translate
              }}</span>
            }
            <sb-problem-alert [problem]="uploadProblem()" />
          </div>
        }
      </div>
      <sb-problem-alert [problem]="problem()" />
      <div class="sb-actions">
        <button
          mat-flat-button
          type="submit"
          [disabled]="busy() || uploading()"
          data-testid="training-submit"
        >
          {{ (mode() === 'claim' ? 'progress.claim.submit' : 'progress.entry.submit') | translate }}
        </button>
      </div>
    </form>
  `,
})
export class ExternalTrainingFormComponent {
  private readonly api = inject(LedgerApi);
  private readonly translate = inject(TranslateService);
  private readonly fb = inject(NonNullableFormBuilder);

  /** `claim`: my claim with evidence; `admin`: an admin's entry in `userId`'s ledger. */
  readonly mode = input<'claim' | 'admin'>('claim');
  readonly userId = input<string | null>(null);
  readonly saved = output<TrainingClaimView | LedgerEntryView>();

  protected readonly routes = LEARNING_ROUTES;
  protected readonly competencyTypes = COMPETENCY_TYPES;
  protected readonly fileId = `sbp-evidence-${nextId++}`;

  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(300)]],
    provider: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
    route: this.fb.control<LearningRoute | null>(null, Validators.required),
    trainingType: ['', Validators.required],
    competencyType: this.fb.control<CompetencyType | null>('teknis', Validators.required),
    startDate: ['', Validators.required],
    endDate: ['', Validators.required],
    jp: this.fb.control<number | null>(null, [
      Validators.required,
      Validators.min(0.5),
      Validators.max(500),
    ]),
    certificateNumber: ['', Validators.maxLength(100)],
  });

  private readonly route = toSignal(this.form.controls.route.valueChanges, { initialValue: null });
  protected readonly trainingTypes = computed(() => trainingTypesFor(this.route()));

  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly uploading = signal(false);
  protected readonly uploadPercent = signal(0);
  protected readonly uploadProblem = signal<ProblemDetails | null>(null);
  protected readonly evidence = signal<EvidenceUploadResponse | null>(null);
  protected readonly evidenceMissing = signal(false);
  private upload: Subscription | null = null;
  private fileInput: HTMLInputElement | null = null;

  constructor() {
    // A training type belongs to one route: picking another route clears it.
    this.form.controls.route.valueChanges.subscribe((route) => {
      if (!trainingTypesFor(route).includes(this.form.controls.trainingType.value)) {
        this.form.controls.trainingType.setValue('');
      }
    });
    inject(DestroyRef).onDestroy(() => this.upload?.unsubscribe());
  }

  protected errorOf(name: keyof typeof this.form.controls): string {
    return controlErrorMessage(this.form.controls[name], this.translate);
  }

  protected onFile(event: Event): void {
    this.fileInput = event.target as HTMLInputElement;
    const file = this.fileInput.files?.[0];
    if (!file) {
      return;
    }
    this.upload?.unsubscribe();
    this.evidence.set(null);
    this.evidenceMissing.set(false);
    this.uploadProblem.set(null);
    this.uploading.set(true);
    this.uploadPercent.set(0);
    this.upload = this.api.uploadEvidence(file).subscribe({
      next: (e) => {
        if (e.type === HttpEventType.UploadProgress) {
          this.uploadPercent.set(e.total ? Math.round((100 * e.loaded) / e.total) : 0);
        } else if (e.type === HttpEventType.Response && e.body) {
          this.uploadPercent.set(100);
          this.uploading.set(false);
          this.evidence.set(e.body);
        }
      },
      error: (error: unknown) => {
        this.uploading.set(false);
        this.uploadProblem.set(toProblem(error));
      },
    });
  }

  protected submit(): void {
    const needsEvidence = this.mode() === 'claim' && !this.evidence();
    this.evidenceMissing.set(needsEvidence);
    if (this.form.invalid || needsEvidence) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const fields: ExternalTrainingFields = {
      title: v.title.trim(),
      provider: v.provider.trim(),
      route: v.route as LearningRoute,
      trainingType: v.trainingType,
      competencyType: v.competencyType as CompetencyType,
      startDate: v.startDate,
      endDate: v.endDate,
      jp: Math.round(Number(v.jp) * 10) / 10,
    };
    const certificate = v.certificateNumber.trim();
    if (certificate) {
      fields.certificateNumber = certificate;
    }
    let request: Observable<TrainingClaimView | LedgerEntryView>;
    if (this.mode() === 'claim') {
      request = this.api.claim({
        ...fields,
        evidenceFileId: (this.evidence() as EvidenceUploadResponse).fileId,
      });
    } else {
      request = this.api.addEntry(this.userId() ?? '', fields);
    }
    this.busy.set(true);
    this.problem.set(null);
    request.subscribe({
      next: (result) => {
        this.busy.set(false);
        this.form.reset({ competencyType: 'teknis', route: null, jp: null });
        this.evidence.set(null);
        if (this.fileInput) {
          this.fileInput.value = '';
        }
        this.saved.emit(result);
      },
      error: (error: unknown) => {
        const problem = toProblem(error);
        applyProblemToForm(this.form, problem);
        this.problem.set(problem);
        this.busy.set(false);
      },
    });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  type BankDetail,
  type ImportFormat,
  type ImportPreviewResponse,
  type ImportResult,
  MAX_IMPORT_CHARS,
  type ProblemDetails,
} from '@siantar/contracts';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { AssessmentAuthoringApi } from '../authoring-api/assessment-authoring.api';
import { categoryRows } from './category-tree';
import { ImportPreviewComponent } from './import-preview.component';

type Phase = 'idle' | 'previewing' | 'importing';

/** `/penilaian/bank-soal/:bankId/impor`: GIFT or Aiken text, a preview, then the import. */
@Component({
  selector: 'sb-question-import',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
    ImportPreviewComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button [routerLink]="['/penilaian/bank-soal', bankId()]">
      <mat-icon svgIcon="sba-back" aria-hidden="true" />
      {{ bank()?.name ?? ('assessment.bank.back' | translate) }}
    </a>
    <h1 class="sb-page-title">{{ 'assessment.import.title' | translate }}</h1>
    <p class="sb-lead">{{ 'assessment.import.lead' | translate }}</p>

    <mat-card appearance="outlined">
      <mat-card-content class="sb-form">
        <mat-radio-group
          class="sba-radios"
          [ngModel]="format()"
          (ngModelChange)="setFormat($event)"
          [attr.aria-label]="'assessment.import.format' | translate"
          data-testid="import-format"
        >
          <mat-radio-button value="gift">GIFT (Moodle)</mat-radio-button>
          <mat-radio-button value="aiken">Aiken</mat-radio-button>
        </mat-radio-group>
        <p class="sb-muted">{{ 'assessment.import.formatHint.' + format() | translate }}</p>

        <label for="sba-import-file" class="sb-file-label">{{
          'assessment.import.file' | translate
        }}</label>
        <input
          id="sba-import-file"
          class="sb-file-input"
          type="file"
          accept=".gift,.txt,text/plain"
          aria-describedby="sba-import-file-hint"
          [disabled]="busy()"
          (change)="onFile($event)"
          data-testid="import-file"
        />
        <span id="sba-import-file-hint" class="sb-muted">{{
          'assessment.import.fileHint' | translate
        }}</span>

        <mat-form-field>
          <mat-label>{{ 'assessment.import.text' | translate }}</mat-label>
          <textarea
            matInput
            rows="14"
            class="sb-mono"
            [ngModel]="text()"
            (ngModelChange)="setText($event)"
            [disabled]="busy()"
            data-testid="import-text"
          ></textarea>
          <mat-hint align="end">{{ text().length }} / {{ maxChars }}</mat-hint>
        </mat-form-field>

        <mat-form-field>
          <mat-label>{{ 'assessment.import.category' | translate }}</mat-label>
          <mat-select [(ngModel)]="categoryId">
            <mat-option value="">{{ 'assessment.import.categoryDefault' | translate }}</mat-option>
            @for (row of categories(); track row.node.id) {
              <mat-option [value]="row.node.id">
                <span [style.padding-inline-start.px]="row.depth * 16">{{ row.node.name }}</span>
              </mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'assessment.import.categoryHint' | translate }}</mat-hint>
        </mat-form-field>

        @if (tooLong()) {
          <p class="sb-error-text" role="alert">
            {{ 'assessment.import.tooLong' | translate: { max: maxChars } }}
          </p>
        }
        <div class="sb-actions">
          <button
            mat-stroked-button
            type="button"
            (click)="runPreview()"
            [disabled]="busy() || !text().trim() || tooLong()"
            data-testid="import-preview"
          >
            {{ 'assessment.import.preview' | translate }}
          </button>
          <button
            mat-flat-button
            type="button"
            (click)="confirm()"
            [disabled]="busy() || !preview() || importable() === 0"
            data-testid="import-confirm"
          >
            {{ 'assessment.import.confirm' | translate: { count: importable() } }}
          </button>
        </div>
        @if (busy()) {
          <div class="sb-progress" role="status">
            <mat-progress-bar
              mode="indeterminate"
              [attr.aria-label]="'assessment.import.working' | translate"
            />
            <span>{{
              (phase() === 'previewing'
                ? 'assessment.import.previewing'
                : 'assessment.import.importing'
              ) | translate
            }}</span>
          </div>
        }
        <sb-problem-alert [problem]="problem()" />
      </mat-card-content>
    </mat-card>

    @if (result(); as r) {
      <section class="sb-section" aria-labelledby="sba-import-result-title">
        <h2 id="sba-import-result-title">{{ 'assessment.import.resultTitle' | translate }}</h2>
        <p class="sb-summary" role="status" data-testid="import-result">
          {{
            'assessment.import.resultSummary'
              | translate
                : { imported: r.imported, categories: r.categoriesCreated, errors: r.errors.length }
          }}
        </p>
        @if (r.errors.length) {
          <ul class="sb-error-list">
            @for (e of r.errors; track $index) {
              <li>{{ 'assessment.import.line' | translate: { line: e.line } }} {{ e.message }}</li>
            }
          </ul>
        }
        <a mat-flat-button [routerLink]="['/penilaian/bank-soal', bankId()]">
          {{ 'assessment.import.toBank' | translate }}
        </a>
      </section>
    } @else if (preview(); as p) {
      <section class="sb-section" aria-labelledby="sba-import-preview-title">
        <h2 id="sba-import-preview-title">{{ 'assessment.import.previewTitle' | translate }}</h2>
        <sb-import-preview [preview]="p" />
      </section>
    }
  `,
  styles: `
    .sba-radios {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
    }
  `,
})
export class QuestionImportComponent {
  private readonly api = inject(AssessmentAuthoringApi);

  readonly bankId = input.required<string>();

  protected readonly maxChars = MAX_IMPORT_CHARS;
  protected readonly bank = signal<BankDetail | null>(null);
  protected readonly categories = computed(() => categoryRows(this.bank()?.categories ?? []));
  protected readonly format = signal<ImportFormat>('gift');
  protected readonly text = signal('');
  protected categoryId = '';
  protected readonly phase = signal<Phase>('idle');
  protected readonly busy = computed(() => this.phase() !== 'idle');
  protected readonly tooLong = computed(() => this.text().length > MAX_IMPORT_CHARS);
  protected readonly preview = signal<ImportPreviewResponse | null>(null);
  protected readonly importable = computed(() => this.preview()?.questions.length ?? 0);
  protected readonly result = signal<ImportResult | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    effect(() => {
      const id = this.bankId();
      untracked(() =>
        this.api.bank(id).subscribe({
          next: (bank) => this.bank.set(bank),
          error: (error: unknown) => this.problem.set(toProblem(error)),
        }),
      );
    });
  }

  /** A changed text or format needs a new preview before importing. */
  private invalidate(): void {
    this.preview.set(null);
    this.result.set(null);
  }

  protected setText(value: string): void {
    this.text.set(value);
    this.invalidate();
  }

  protected setFormat(value: ImportFormat): void {
    this.format.set(value);
    this.invalidate();
  }

  protected onFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) {
      return;
    }
    if (/\.gift$/i.test(file.name)) {
      this.format.set('gift');
    }
    this.problem.set(null);
    void file.text().then((text) => {
      // Files saved on Windows often start with a byte-order mark.
      this.setText(text.replace(/^\uFEFF/, ''));
    });
  }

  protected runPreview(): void {
    if (this.busy() || !this.text().trim() || this.tooLong()) {
      return;
    }
    this.phase.set('previewing');
    this.problem.set(null);
    this.invalidate();
    this.api.previewImport({ format: this.format(), text: this.text() }).subscribe({
      next: (preview) => {
        this.preview.set(preview);
        this.phase.set('idle');
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.phase.set('idle');
      },
    });
  }

  protected confirm(): void {
    if (this.busy() || this.importable() === 0) {
      return;
    }
    this.phase.set('importing');
    this.problem.set(null);
    const body = {
      format: this.format(),
      text: this.text(),
      ...(this.categoryId ? { categoryId: this.categoryId } : {}),
    };
    this.api.confirmImport(this.bankId(), body).subscribe({
      next: (result) => {
        this.result.set(result);
        this.phase.set('idle');
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.phase.set('idle');
      },
    });
  }
}

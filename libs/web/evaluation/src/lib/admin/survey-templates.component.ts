import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  SURVEY_DIMENSIONS,
  SURVEY_ITEM_KINDS,
  type ProblemDetails,
  type SurveyDimension,
  type SurveyItemKind,
  type SurveyTemplateRequest,
  type SurveyTemplateSummary,
  type SurveyTemplateView,
} from '@siantar/contracts';
import { ProblemAlertComponent, sendRequest, toProblem } from '@siantar/web-core';
import { EvaluationApi } from '../api/evaluation.api';
import { errorsByIndex } from '../ui/problem-paths';

export interface ItemDraft {
  /** Existing items keep their id (their answers stay with them). */
  id: string | null;
  kind: SurveyItemKind;
  dimension: SurveyDimension | null;
  text: string;
  required: boolean;
  /** Set when the template has responses: kind and dimension can no longer change. */
  locked: boolean;
}

let nextKey = 0;

/** The request body of a template being edited. */
export function templateRequest(
  name: string,
  description: string,
  items: readonly ItemDraft[],
): SurveyTemplateRequest {
  return {
    name: name.trim(),
    description: description.trim(),
    items: items.map((i) => ({
      ...(i.id ? { id: i.id } : {}),
      kind: i.kind,
      dimension: i.kind === 'likert' ? i.dimension : null,
      text: i.text.trim(),
      required: i.required,
    })),
  };
}

/**
 * `/evaluasi/templat` (admins): the survey templates, the built-in one read-only; a template
 * opens in the editor: its name, description and items (Likert with a dimension, or an open
 * question; required or not), reordered with up/down, added and removed.
 */
@Component({
  selector: 'sb-survey-templates',
  imports: [
    FormsModule,
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink="/evaluasi">{{ 'evaluation.courses.title' | translate }}</a>
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ 'evaluation.templates.title' | translate }}</h1>
        <p class="sb-lead">{{ 'evaluation.templates.intro' | translate }}</p>
      </div>
      <div class="sb-actions">
        <button mat-flat-button type="button" (click)="startNew()" data-testid="template-new">
          <mat-icon svgIcon="add" aria-hidden="true" />
          {{ 'evaluation.templates.new' | translate }}
        </button>
      </div>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="loadProblem()" />
    <div class="sbe-layout">
      <ul
        class="sbe-templates"
        data-testid="template-list"
        [attr.aria-label]="'evaluation.templates.title' | translate"
      >
        @for (t of templates(); track t.id) {
          <li>
            <button
              type="button"
              class="sbe-template"
              [attr.aria-current]="editing()?.id === t.id ? 'true' : null"
              (click)="open(t.id)"
              data-testid="template-open"
            >
              <span class="sb-strong">{{ t.name }}</span>
              <span class="sb-muted">
                {{
                  'evaluation.templates.counts'
                    | translate: { likert: t.likertItems, text: t.textItems }
                }}
                ·
                {{ t.builtIn ? ('evaluation.templates.builtIn' | translate) : t.ownerOrgUnitName }}
                · {{ t.updatedAt | date: 'mediumDate' }}
              </span>
            </button>
          </li>
        } @empty {
          <li class="sb-muted">{{ 'evaluation.templates.empty' | translate }}</li>
        }
      </ul>

      @if (editorOpen()) {
        <form
          class="sbe-editor"
          (ngSubmit)="save()"
          novalidate
          data-testid="template-editor"
          aria-labelledby="sbe-editor-title"
        >
          <h2 id="sbe-editor-title" tabindex="-1">
            {{ (editing() ? 'evaluation.templates.edit' : 'evaluation.templates.new') | translate }}
          </h2>
          @if (editing(); as t) {
            @if (!t.editable) {
              <p class="sbe-note" role="note" data-testid="template-readonly">
                {{
                  (t.builtIn ? 'evaluation.templates.builtInNote' : 'evaluation.templates.notYours')
                    | translate
                }}
              </p>
            } @else if (t.responses) {
              <p class="sbe-note" role="note">
                {{ 'evaluation.templates.answeredNote' | translate: { n: t.responses } }}
              </p>
            }
          }
          <mat-form-field class="sbe-wide">
            <mat-label>{{ 'evaluation.templates.name' | translate }}</mat-label>
            <input
              matInput
              required
              maxlength="200"
              [disabled]="readOnly()"
              [value]="name()"
              (input)="name.set($any($event.target).value)"
              data-testid="template-name"
            />
            @if (fieldError('name'); as e) {
              <mat-hint class="sb-error-text">{{ e }}</mat-hint>
            }
          </mat-form-field>
          <mat-form-field class="sbe-wide">
            <mat-label>{{ 'evaluation.templates.description' | translate }}</mat-label>
            <textarea
              matInput
              rows="2"
              maxlength="2000"
              [disabled]="readOnly()"
              [value]="description()"
              (input)="description.set($any($event.target).value)"
            ></textarea>
          </mat-form-field>
          <h3>{{ 'evaluation.templates.items' | translate }}</h3>
          <ol class="sbe-items">
            @for (
              item of items();
              track keys[$index];
              let i = $index;
              let first = $first;
              let last = $last
            ) {
              <li data-testid="template-item">
                <fieldset [disabled]="readOnly()">
                  <legend>{{ 'evaluation.templates.itemN' | translate: { n: i + 1 } }}</legend>
                  <div class="sbe-row">
                    <mat-form-field>
                      <mat-label>{{ 'evaluation.templates.kind' | translate }}</mat-label>
                      <mat-select
                        [value]="item.kind"
                        [disabled]="readOnly() || item.locked"
                        (valueChange)="patch(i, { kind: $event })"
                      >
                        @for (k of kinds; track k) {
                          <mat-option [value]="k">{{
                            'evaluation.templates.kinds.' + k | translate
                          }}</mat-option>
                        }
                      </mat-select>
                    </mat-form-field>
                    @if (item.kind === 'likert') {
                      <mat-form-field>
                        <mat-label>{{ 'evaluation.results.dimension' | translate }}</mat-label>
                        <mat-select
                          [value]="item.dimension"
                          [disabled]="readOnly() || item.locked"
                          (valueChange)="patch(i, { dimension: $event })"
                          required
                        >
                          @for (d of dimensions; track d) {
                            <mat-option [value]="d">{{
                              'evaluation.dimension.' + d | translate
                            }}</mat-option>
                          }
                        </mat-select>
                      </mat-form-field>
                    }
                    <mat-checkbox
                      [checked]="item.required"
                      [disabled]="readOnly()"
                      (change)="patch(i, { required: $event.checked })"
                    >
                      {{ 'evaluation.templates.requiredItem' | translate }}
                    </mat-checkbox>
                  </div>
                  <mat-form-field class="sbe-wide">
                    <mat-label>{{ 'evaluation.templates.text' | translate }}</mat-label>
                    <textarea
                      matInput
                      rows="2"
                      maxlength="500"
                      required
                      [disabled]="readOnly()"
                      [value]="item.text"
                      (input)="patch(i, { text: $any($event.target).value })"
                    ></textarea>
                  </mat-form-field>
                  @if (itemErrors().get(i); as errs) {
                    <p class="sb-error-text" data-testid="item-error">{{ errs }}</p>
                  }
                  @if (!readOnly()) {
                    <div class="sb-actions">
                      <button
                        mat-button
                        type="button"
                        [disabled]="first"
                        (click)="move(i, -1)"
                        [attr.aria-label]="'evaluation.templates.up' | translate: { n: i + 1 }"
                      >
                        {{ 'evaluation.templates.upShort' | translate }}
                      </button>
                      <button
                        mat-button
                        type="button"
                        [disabled]="last"
                        (click)="move(i, 1)"
                        [attr.aria-label]="'evaluation.templates.down' | translate: { n: i + 1 }"
                      >
                        {{ 'evaluation.templates.downShort' | translate }}
                      </button>
                      <button
                        mat-button
                        type="button"
                        (click)="remove(i)"
                        [attr.aria-label]="'evaluation.templates.remove' | translate: { n: i + 1 }"
                        data-testid="item-remove"
                      >
                        {{ 'evaluation.plan.remove' | translate }}
                      </button>
                    </div>
                  }
                </fieldset>
              </li>
            }
          </ol>
          @if (!readOnly()) {
            <div class="sb-actions">
              <button
                mat-stroked-button
                type="button"
                (click)="add('likert')"
                data-testid="add-likert"
              >
                <mat-icon svgIcon="add" aria-hidden="true" />
                {{ 'evaluation.templates.addLikert' | translate }}
              </button>
              <button mat-stroked-button type="button" (click)="add('text')" data-testid="add-text">
                <mat-icon svgIcon="add" aria-hidden="true" />
                {{ 'evaluation.templates.addText' | translate }}
              </button>
            </div>
            <sb-problem-alert [problem]="problem()" />
            <div class="sb-actions sbe-save">
              <button mat-flat-button type="submit" [disabled]="busy()" data-testid="template-save">
                {{ 'common.save' | translate }}
              </button>
              <button mat-button type="button" (click)="close()">
                {{ 'common.cancel' | translate }}
              </button>
            </div>
          }
        </form>
      }
    </div>
  `,
  styles: `
    .sbe-layout {
      display: grid;
      grid-template-columns: minmax(240px, 1fr) minmax(0, 2fr);
      gap: 24px;
      align-items: start;
    }
    @media (max-width: 959.98px) {
      .sbe-layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .sbe-templates {
      list-style: none;
      margin: 0;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      li + li {
        border-top: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .sbe-template {
      all: unset;
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      gap: 2px;
      width: 100%;
      padding: 10px 12px;
      cursor: pointer;
      &:focus-visible {
        outline: 2px solid var(--mat-sys-primary);
        outline-offset: -2px;
      }
      &[aria-current='true'] {
        background: var(--mat-sys-secondary-container);
      }
    }
    .sbe-editor h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    .sbe-note {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    .sbe-wide {
      width: 100%;
    }
    .sbe-items {
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
      li {
        border: 1px solid var(--mat-sys-outline-variant);
        border-radius: 12px;
        padding: 8px 12px;
        margin-bottom: 8px;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
      }
      legend {
        font: var(--mat-sys-title-small);
        padding-bottom: 8px;
      }
    }
    .sbe-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      align-items: center;
    }
    .sbe-save {
      margin-top: 12px;
    }
  `,
})
export class SurveyTemplatesComponent {
  private readonly api = inject(EvaluationApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  protected readonly kinds = SURVEY_ITEM_KINDS;
  protected readonly dimensions = SURVEY_DIMENSIONS;
  protected readonly templates = signal<SurveyTemplateSummary[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly editorOpen = signal(false);
  protected readonly editing = signal<SurveyTemplateView | null>(null);
  protected readonly name = signal('');
  protected readonly description = signal('');
  protected readonly items = signal<ItemDraft[]>([]);
  /** Stable keys of the items for @for (reordering keeps focus on the moved item). */
  protected keys: number[] = [];
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly itemErrors = signal<Map<number, string>>(new Map());

  constructor() {
    this.reloadList();
  }

  protected readOnly(): boolean {
    const t = this.editing();
    return !!t && !t.editable;
  }

  private reloadList(): void {
    sendRequest(this.api.templates(), { busy: this.loading, problem: this.loadProblem }, (list) =>
      this.templates.set(list),
    );
  }

  protected open(id: string): void {
    sendRequest(this.api.template(id), { busy: this.loading, problem: this.loadProblem }, (t) =>
      this.edit(t),
    );
  }

  private edit(t: SurveyTemplateView | null): void {
    this.editing.set(t);
    this.name.set(t?.name ?? '');
    this.description.set(t?.description ?? '');
    const drafts: ItemDraft[] = (t?.items ?? []).map((i) => ({
      id: i.id,
      kind: i.kind,
      dimension: i.dimension,
      text: i.text,
      required: i.required,
      locked: (t?.responses ?? 0) > 0,
    }));
    this.items.set(drafts);
    this.keys = drafts.map(() => nextKey++);
    this.problem.set(null);
    this.itemErrors.set(new Map());
    this.editorOpen.set(true);
    setTimeout(() => document.getElementById('sbe-editor-title')?.focus());
  }

  protected startNew(): void {
    this.edit(null);
    this.add('likert');
  }

  protected close(): void {
    this.editorOpen.set(false);
    this.editing.set(null);
  }

  protected patch(index: number, change: Partial<ItemDraft>): void {
    this.items.update((list) =>
      list.map((item, i) => {
        if (i !== index) {
          return item;
        }
        const next = { ...item, ...change };
        if (change.kind === 'text') {
          next.dimension = null;
          next.required = change.required ?? false;
        } else if (change.kind === 'likert' && item.kind !== 'likert') {
          next.required = true;
        }
        return next;
      }),
    );
  }

  protected add(kind: SurveyItemKind): void {
    this.items.update((list) => [
      ...list,
      {
        id: null,
        kind,
        dimension: kind === 'likert' ? 'content' : null,
        text: '',
        required: kind === 'likert',
        locked: false,
      },
    ]);
    this.keys = [...this.keys, nextKey++];
  }

  protected remove(index: number): void {
    this.items.update((list) => list.filter((_, i) => i !== index));
    this.keys = this.keys.filter((_, i) => i !== index);
  }

  protected move(index: number, by: -1 | 1): void {
    const to = index + by;
    const swap = <T>(list: T[]): T[] => {
      const copy = [...list];
      [copy[index], copy[to]] = [copy[to] as T, copy[index] as T];
      return copy;
    };
    this.items.update(swap);
    this.keys = swap(this.keys);
  }

  protected fieldError(field: string): string | null {
    const errors = (this.problem()?.errors ?? []).filter((e) => e.path === field);
    return errors.length ? errors.map((e) => e.message).join(' ') : null;
  }

  protected save(): void {
    const body = templateRequest(this.name(), this.description(), this.items());
    const t = this.editing();
    const call = t ? this.api.updateTemplate(t.id, body) : this.api.createTemplate(body);
    this.busy.set(true);
    this.problem.set(null);
    call.subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.edit(saved);
        this.reloadList();
        this.snackBar.open(
          this.translate.instant('evaluation.templates.saved') as string,
          this.translate.instant('common.close') as string,
          { duration: 5000 },
        );
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        const { byIndex } = errorsByIndex(problem, 'items');
        this.itemErrors.set(
          new Map([...byIndex].map(([i, errs]) => [i, errs.map((e) => e.message).join(' ')])),
        );
        this.problem.set(problem);
      },
    });
  }
}

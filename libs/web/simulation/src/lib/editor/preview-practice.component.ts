import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { PracticeMistake, PracticeTask, RunAction, RunState } from '@siantar/scenario';

/**
 * The preview of a scene's practice: the form beside the citizen's documents, or the current
 * menu screen; the mistakes of the last attempt with what was expected and why.
 */
@Component({
  selector: 'sb-preview-practice',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let p = practice();
    <section class="practice" [attr.aria-label]="'simulation.editor.preview.practice' | translate">
      <p class="app">{{ p.appName }}</p>
      @if (p.instructions) {
        <p>{{ p.instructions }}</p>
      }
      @if (state().done) {
        <p class="done" role="status">{{ 'simulation.editor.preview.practiceDone' | translate }}</p>
      } @else if (p.kind === 'form') {
        <div class="form-grid">
          <div class="docs">
            @for (d of p.documents; track $index) {
              <section class="doc">
                <h5>{{ d.title }}</h5>
                <dl>
                  @for (l of d.lines; track $index) {
                    <dt>{{ l.label }}</dt>
                    <dd>{{ l.value }}</dd>
                  }
                </dl>
              </section>
            }
          </div>
          <form class="fields" (ngSubmit)="submitForm()">
            <h5>{{ p.screenTitle }}</h5>
            @for (f of p.fields; track f.key) {
              @if (f.type === 'select') {
                <mat-form-field>
                  <mat-label>{{ f.label || f.key }}</mat-label>
                  <mat-select
                    [value]="answers()[f.key] ?? ''"
                    (valueChange)="answer(f.key, $event)"
                    [required]="f.required"
                  >
                    <mat-option value="">—</mat-option>
                    @for (o of f.options ?? []; track $index) {
                      <mat-option [value]="o">{{ o }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
              } @else {
                <mat-form-field>
                  <mat-label>{{ f.label || f.key }}</mat-label>
                  <input
                    matInput
                    [name]="f.key"
                    [type]="f.type === 'date' ? 'date' : 'text'"
                    [attr.inputmode]="f.type === 'number' ? 'decimal' : null"
                    [required]="f.required"
                    [ngModel]="answers()[f.key] ?? ''"
                    (ngModelChange)="answer(f.key, $event)"
                  />
                </mat-form-field>
              }
            }
            <button mat-flat-button type="submit">
              {{ 'simulation.editor.preview.submitForm' | translate }}
            </button>
          </form>
        </div>
      } @else {
        @if (screen(); as s) {
          <h5>{{ s.title }}</h5>
          <div class="menu" role="group" [attr.aria-label]="s.title">
            @for (o of s.options; track o.id) {
              <button
                mat-stroked-button
                type="button"
                (click)="act.emit({ type: 'menu', optionId: o.id })"
              >
                {{ o.label || o.id }}
              </button>
            }
          </div>
        } @else {
          <p class="sb-error-text">{{ 'simulation.editor.preview.menuStuck' | translate }}</p>
        }
      }
      @if (mistakes().length) {
        <div class="mistakes" role="alert">
          <p>
            {{ 'simulation.editor.preview.mistakes' | translate: { count: mistakes().length } }}
          </p>
          <ul>
            @for (m of mistakes(); track $index) {
              <li>
                <strong>{{ m.label }}</strong>:
                {{
                  'simulation.editor.preview.given'
                    | translate: { given: m.given || '—', expected: m.expected }
                }}
                <br />{{ m.explain }}
              </li>
            }
          </ul>
        </div>
      }
    </section>
  `,
  styles: `
    .practice {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px;
      margin: 8px 0;
    }
    .app {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
    h5 {
      font: var(--mat-sys-title-small);
      margin: 8px 0;
    }
    .form-grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 220px), 1fr));
      gap: 12px;
    }
    .doc {
      background: var(--mat-sys-surface-container-high);
      border-radius: 8px;
      padding: 4px 12px 8px;
      margin-bottom: 8px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 2px 12px;
      margin: 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .fields {
      display: flex;
      flex-direction: column;
    }
    .fields > button {
      align-self: flex-start;
    }
    .menu {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
    }
    .mistakes {
      margin-top: 8px;
      border-inline-start: 4px solid var(--mat-sys-error);
      padding: 4px 12px;
    }
    .mistakes ul {
      margin: 0;
      padding-inline-start: 18px;
    }
    .done {
      color: #0f4a1b;
      font-weight: 600;
    }
  `,
})
export class PreviewPracticeComponent {
  readonly practice = input.required<PracticeTask>();
  readonly state = input.required<NonNullable<RunState['practice']>>();
  readonly mistakes = input<PracticeMistake[]>([]);
  /** Changes with every scene entered: the form starts empty again. */
  readonly resetKey = input('');
  readonly act = output<RunAction>();

  protected readonly answers = signal<Record<string, string | undefined>>({});
  protected readonly screen = computed(() => {
    const p = this.practice();
    return p.kind === 'menu-path'
      ? (p.screens.find((s) => s.id === this.state().screenId) ?? null)
      : null;
  });

  constructor() {
    effect(() => {
      this.resetKey();
      untracked(() => this.answers.set({}));
    });
  }

  protected answer(key: string, value: string | null): void {
    this.answers.update((a) => ({ ...a, [key]: value ?? '' }));
  }

  protected submitForm(): void {
    const answers: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.answers())) if (v !== undefined) answers[k] = v;
    this.act.emit({ type: 'form', answers });
  }
}

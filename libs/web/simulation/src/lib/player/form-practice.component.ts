import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  inject,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import type { PracticeView } from '@siantar/contracts';
import type { PracticeMistake } from '@siantar/scenario';

export type FormPracticeView = Extract<PracticeView, { kind: 'form' }>;

/**
 * The mock service application's form, with the documents the citizen brought beside it (above
 * it on a phone). The server checks the answers; its mistakes come back per field, each with
 * what the documents say and why, and the learner corrects the form and sends it again.
 */
@Component({
  selector: 'sb-simulation-form-practice',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let p = practice();
    <p class="sbs-instructions">{{ p.instructions }}</p>
    <div class="sbs-form-layout">
      <section
        class="sbs-documents"
        aria-labelledby="sbs-documents-title"
        data-testid="practice-documents"
      >
        <h4 id="sbs-documents-title" class="sbs-sub">
          {{ 'simulation.player.documents' | translate }}
        </h4>
        @for (d of p.documents; track $index) {
          <article class="sbs-document">
            <h5>{{ d.title }}</h5>
            <dl>
              @for (line of d.lines; track $index) {
                <div>
                  <dt>{{ line.label }}</dt>
                  <dd>{{ line.value }}</dd>
                </div>
              }
            </dl>
          </article>
        }
      </section>

      <section class="sbs-app" [attr.aria-label]="p.appName + ' · ' + p.screenTitle">
        <div class="sbs-app-bar" aria-hidden="true">
          <span class="sbs-app-name">{{ p.appName }}</span>
        </div>
        <div class="sbs-app-body">
          <h4 class="sbs-app-screen">{{ p.screenTitle }}</h4>
          @if (p.done) {
            <p class="sbs-done" data-testid="form-done">
              {{ 'simulation.player.form.done' | translate }}
            </p>
          } @else {
            @if (mistakes().length) {
              <div class="sbs-error-summary" data-testid="form-mistakes">
                <h5 id="sbs-form-errors" tabindex="-1">
                  {{ 'simulation.player.form.mistakes' | translate: { n: mistakes().length } }}
                </h5>
                <ul>
                  @for (m of mistakes(); track m.target) {
                    <li>
                      <a [href]="'#' + fieldId(m.target)" (click)="focusField($event, m.target)">{{
                        m.label
                      }}</a>
                    </li>
                  }
                </ul>
              </div>
            }
            <form novalidate (submit)="submit($event)" data-testid="practice-form">
              @for (f of p.fields; track f.key) {
                @let mistake = mistakeFor(f.key);
                <div class="sbs-field" [class.sbs-field-invalid]="!!mistake">
                  <label [for]="fieldId(f.key)">
                    {{ f.label }}
                    @if (f.required) {
                      <span aria-hidden="true">*</span>
                    }
                  </label>
                  @if (f.type === 'select') {
                    <select
                      [id]="fieldId(f.key)"
                      [attr.data-testid]="'field-' + f.key"
                      [attr.aria-required]="f.required"
                      [attr.aria-invalid]="!!mistake"
                      [attr.aria-describedby]="mistake ? fieldId(f.key) + '-error' : null"
                      [disabled]="busy()"
                      [value]="values()[f.key] ?? ''"
                      (change)="set(f.key, $event)"
                    >
                      <option value="">{{ 'simulation.player.form.choose' | translate }}</option>
                      @for (o of f.options ?? []; track o) {
                        <option [value]="o" [selected]="values()[f.key] === o">{{ o }}</option>
                      }
                    </select>
                  } @else {
                    <input
                      [id]="fieldId(f.key)"
                      [attr.data-testid]="'field-' + f.key"
                      [type]="f.type === 'number' ? 'text' : f.type"
                      [attr.inputmode]="f.type === 'number' ? 'decimal' : null"
                      autocomplete="off"
                      [attr.aria-required]="f.required"
                      [attr.aria-invalid]="!!mistake"
                      [attr.aria-describedby]="mistake ? fieldId(f.key) + '-error' : null"
                      [disabled]="busy()"
                      [value]="values()[f.key] ?? ''"
                      (input)="set(f.key, $event)"
                    />
                  }
                  @if (mistake) {
                    <div
                      class="sbs-field-error"
                      [id]="fieldId(f.key) + '-error'"
                      [attr.data-testid]="'mistake-' + f.key"
                    >
                      @if (mistake.kind === 'field-value') {
                        <p>
                          {{
                            'simulation.player.form.given'
                              | translate: { given: mistake.given || ('common.none' | translate) }
                          }}
                          {{
                            'simulation.player.form.expected'
                              | translate: { expected: mistake.expected }
                          }}
                        </p>
                      }
                      <p>{{ mistake.explain }}</p>
                    </div>
                  }
                </div>
              }
              <div class="sbs-form-actions">
                <button
                  mat-flat-button
                  type="submit"
                  [disabled]="busy()"
                  data-testid="practice-submit"
                >
                  {{ 'simulation.player.form.submit' | translate }}
                </button>
              </div>
            </form>
          }
        </div>
      </section>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .sbs-instructions {
      margin: 0 0 12px;
    }
    .sbs-form-layout {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      gap: 16px;
      align-items: start;
    }
    @media (max-width: 759.98px) {
      .sbs-form-layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .sbs-sub {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
    .sbs-document {
      padding: 12px;
      margin-bottom: 8px;
      border-radius: 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
      h5 {
        font: var(--mat-sys-label-large);
        margin: 0 0 6px;
        text-transform: uppercase;
      }
      dl {
        margin: 0;
        display: grid;
        gap: 4px;
      }
      div {
        display: grid;
        grid-template-columns: minmax(96px, max-content) 1fr;
        gap: 8px;
      }
      dt {
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
        font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace;
        overflow-wrap: anywhere;
      }
    }
    .sbs-app {
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      overflow: hidden;
      background: var(--mat-sys-surface);
    }
    .sbs-app-bar {
      padding: 6px 12px;
      background: var(--mat-sys-inverse-surface);
      color: var(--mat-sys-inverse-on-surface);
      font: var(--mat-sys-label-large);
    }
    .sbs-app-body {
      padding: 12px;
    }
    .sbs-app-screen {
      font: var(--mat-sys-title-medium);
      margin: 0 0 12px;
    }
    .sbs-field {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-bottom: 12px;
      label {
        font: var(--mat-sys-label-large);
      }
      input,
      select {
        font: inherit;
        padding: 8px;
        min-height: 40px;
        border: 1px solid var(--mat-sys-outline);
        border-radius: 4px;
        background: var(--mat-sys-surface-container-lowest);
        color: var(--mat-sys-on-surface);
      }
    }
    .sbs-field-invalid {
      input,
      select {
        border: 2px solid var(--mat-sys-error);
      }
    }
    .sbs-field-error {
      color: var(--mat-sys-error);
      p {
        margin: 0;
      }
    }
    .sbs-error-summary {
      padding: 8px 12px;
      margin-bottom: 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      h5 {
        font: var(--mat-sys-title-small);
        margin: 0 0 4px;
      }
      ul {
        margin: 0;
        padding-inline-start: 20px;
      }
      a {
        color: inherit;
      }
    }
    .sbs-done {
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
  `,
})
export class FormPracticeComponent {
  private readonly document = inject(DOCUMENT);

  readonly practice = input.required<FormPracticeView>();
  /** The scene the form belongs to: its typed values are kept until the scene changes. */
  readonly sceneId = input.required<string>();
  /** The mistakes of the last submission. */
  readonly mistakes = input<readonly PracticeMistake[]>([]);
  readonly busy = input(false);
  readonly submitted = output<Record<string, string>>();

  protected readonly values = linkedSignal<string, Partial<Record<string, string>>>({
    source: () => this.sceneId(),
    computation: () => ({}),
  });
  private readonly byField = computed(
    () => new Map(this.mistakes().map((m) => [m.target, m] as const)),
  );

  protected fieldId(key: string): string {
    return `sbs-field-${key}`;
  }

  protected mistakeFor(key: string): PracticeMistake | undefined {
    return this.byField().get(key);
  }

  protected set(key: string, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    this.values.update((v) => ({ ...v, [key]: value }));
  }

  protected focusField(event: Event, key: string): void {
    event.preventDefault();
    this.document.getElementById(this.fieldId(key))?.focus();
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) {
      return;
    }
    const values = this.values();
    this.submitted.emit(
      Object.fromEntries(this.practice().fields.map((f) => [f.key, values[f.key] ?? ''])),
    );
  }
}

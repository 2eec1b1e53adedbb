import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { type RunAction, type Scenario, type SimulationSettings, sceneOf } from '@siantar/scenario';
import { PreviewPracticeComponent } from './preview-practice.component';
import {
  type PreviewState,
  previewAct,
  previewChoices,
  previewFrom,
  previewResult,
} from './preview-state';

/** Where a preview starts; a new `nonce` restarts it even from the same scene. */
export interface PreviewStart {
  sceneId: string;
  nonce: number;
}

/**
 * The live preview: plays the scenario being edited with the shared engine from any scene,
 * as a learner would see it (choices, feedback, practice with its mistakes explained, the
 * ending and its debrief), with the variables and scores beside it.
 */
@Component({
  selector: 'sb-scenario-preview',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    PreviewPracticeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let p = state();
    <div class="bar">
      <p class="from">
        {{ 'simulation.editor.preview.from' | translate: { title: titleOf(p?.fromSceneId) } }}
      </p>
      <div class="actions">
        <button
          mat-stroked-button
          type="button"
          (click)="restart()"
          [disabled]="!p"
          data-testid="preview-restart"
        >
          {{ 'simulation.editor.preview.restart' | translate }}
        </button>
        <button mat-button type="button" (click)="restartAt(scenario().startSceneId)">
          {{ 'simulation.editor.preview.fromStart' | translate }}
        </button>
      </div>
    </div>
    @if (scenario().variables.length) {
      <details class="vars">
        <summary>{{ 'simulation.editor.preview.startValues' | translate }}</summary>
        <div class="row">
          @for (v of scenario().variables; track v.key) {
            <mat-form-field>
              <mat-label>{{ v.label || v.key }}</mat-label>
              <input
                matInput
                type="number"
                [ngModel]="at(startValues(), v.key) ?? v.initial"
                (ngModelChange)="setStartValue(v.key, $event)"
              />
            </mat-form-field>
          }
        </div>
        <button mat-stroked-button type="button" (click)="restart()">
          {{ 'simulation.editor.preview.applyValues' | translate }}
        </button>
      </details>
    }

    <div aria-live="polite" class="live">
      @if (p?.refusal; as r) {
        <p class="refusal" role="alert">{{ r }}</p>
      }
      @if (p?.feedback; as f) {
        <p class="feedback">
          <strong>{{ 'simulation.editor.preview.feedback' | translate }}</strong> {{ f }}
        </p>
      }
    </div>

    @if (p?.run; as run) {
      @if (scene(); as sc) {
        <article class="scene">
          <h4>{{ sc.title || sc.id }}</h4>
          @if (sc.media; as m) {
            @if (m.url) {
              @if (m.kind === 'image') {
                <img [src]="m.url" [alt]="m.alt" />
              } @else {
                <video [src]="m.url" controls preload="metadata" [attr.aria-label]="m.alt"></video>
              }
            } @else {
              <p class="sb-muted">
                {{ 'simulation.editor.preview.mediaFile' | translate: { alt: m.alt } }}
              </p>
            }
          }
          @if (sc.speaker; as sp) {
            <blockquote class="speaker">
              <p class="who">
                {{ sp.name }}
                @if (sp.role) {
                  · {{ sp.role }}
                }
                @if (sp.mood) {
                  <span class="sb-chip">{{ sp.mood }}</span>
                }
              </p>
              <p>“{{ sp.line }}”</p>
            </blockquote>
          }
          <div class="narrative" [innerHTML]="sc.narrative"></div>

          @if (sc.practice && run.practice) {
            <sb-preview-practice
              [practice]="sc.practice"
              [state]="run.practice"
              [mistakes]="state()?.mistakes ?? []"
              [resetKey]="practiceKey()"
              (act)="act($event)"
            />
          }

          @if (run.ending; as end) {
            <section class="ending" [class]="'ending-' + end.rating" role="status">
              <h5>{{ 'simulation.editor.rating.' + end.rating | translate }}</h5>
              <p>{{ sc.ending?.debrief }}</p>
              <p>
                {{ 'simulation.editor.preview.total' | translate: { total: result()?.total ?? 0 } }}
                —
                {{
                  (result()?.completes
                    ? 'simulation.editor.preview.completes'
                    : 'simulation.editor.preview.notCompletes'
                  ) | translate
                }}
              </p>
            </section>
          } @else if (choices().length) {
            <div
              class="choices"
              role="group"
              [attr.aria-label]="'simulation.editor.choice.title' | translate"
            >
              @for (c of choices(); track c.choice.id) {
                @if (c.status === 'offered') {
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="act({ type: 'choose', choiceId: c.choice.id })"
                  >
                    {{ c.choice.label || c.choice.id }}
                  </button>
                } @else {
                  <p class="sb-muted">
                    {{ c.choice.label || c.choice.id }} —
                    {{ 'simulation.editor.preview.' + c.status | translate }}
                  </p>
                }
              }
            </div>
          } @else if (!run.practice || run.practice.done) {
            <p class="sb-error-text">{{ 'simulation.editor.preview.deadEnd' | translate }}</p>
          }
        </article>
      } @else {
        <p class="sb-error-text">{{ 'simulation.editor.preview.sceneGone' | translate }}</p>
      }

      <section class="stats" [attr.aria-label]="'simulation.editor.preview.stats' | translate">
        @if (scenario().variables.length) {
          <h5>{{ 'simulation.editor.settings.variables' | translate }}</h5>
          <dl>
            @for (v of scenario().variables; track v.key) {
              <dt>{{ v.label || v.key }}</dt>
              <dd>{{ at(run.variables, v.key) ?? '—' }}</dd>
            }
          </dl>
        }
        <h5>{{ 'simulation.editor.preview.scores' | translate }}</h5>
        <dl>
          @for (c of scenario().competencies; track c.key) {
            <dt>{{ c.label || c.key }}</dt>
            <dd>{{ at(run.scores, c.key) ?? 0 }}</dd>
          }
          <dt>{{ 'simulation.editor.preview.totalLabel' | translate }}</dt>
          <dd>{{ result()?.total ?? 0 }}</dd>
        </dl>
        <h5>{{ 'simulation.editor.preview.path' | translate }}</h5>
        <ol class="path">
          @for (id of run.path; track $index) {
            <li>{{ titleOf(id) }}</li>
          }
        </ol>
      </section>
    } @else if (!p) {
      <p class="sb-muted">{{ 'simulation.editor.preview.pick' | translate }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
    }
    .from {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .actions,
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .row mat-form-field {
      flex: 1 1 140px;
    }
    .vars {
      margin: 8px 0;
    }
    .scene {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 16px 16px;
      margin: 8px 0;
      background: var(--mat-sys-surface);
    }
    h4 {
      font: var(--mat-sys-title-medium);
      margin: 8px 0;
    }
    h5 {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
    }
    img,
    video {
      max-width: 100%;
      border-radius: 8px;
    }
    .speaker {
      margin: 8px 0;
      padding: 4px 12px;
      border-inline-start: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container);
    }
    .who {
      font-weight: 600;
      margin: 4px 0;
    }
    .narrative {
      overflow-wrap: anywhere;
    }
    .choices {
      display: flex;
      flex-direction: column;
      align-items: stretch;
      gap: 8px;
      margin-top: 12px;
    }
    .choices button {
      white-space: normal;
      text-align: start;
      height: auto;
      min-height: 40px;
    }
    .feedback {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
    }
    .refusal {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .ending {
      border-radius: 8px;
      padding: 4px 12px;
      margin-top: 12px;
    }
    .ending-best {
      background: #d8f5dc;
      color: #0f4a1b;
    }
    .ending-acceptable {
      background: #fff1c7;
      color: #5c4100;
    }
    .ending-poor {
      background: #ffdad6;
      color: #7a1a1f;
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
    }
    .path {
      margin: 0;
      padding-inline-start: 20px;
    }
  `,
})
export class ScenarioPreviewComponent {
  readonly scenario = input.required<Scenario>();
  readonly settings = input.required<SimulationSettings>();
  readonly start = input<PreviewStart | null>(null);

  protected readonly state = signal<PreviewState | null>(null);
  protected readonly startValues = signal<Record<string, number>>({});
  private readonly restarts = signal(0);
  /** A new practice form for each scene entered (even the same scene again), so answers start empty. */
  protected readonly practiceKey = computed(
    () => `${this.restarts()}:${this.state()?.run?.path.length ?? 0}`,
  );

  protected readonly scene = computed(() => {
    const run = this.state()?.run;
    return run ? (sceneOf(this.scenario(), run.sceneId) ?? null) : null;
  });
  protected readonly choices = computed(() => {
    const run = this.state()?.run;
    return run ? previewChoices(this.scenario(), run) : [];
  });
  protected readonly result = computed(() => {
    const run = this.state()?.run;
    return run ? previewResult(this.settings(), run) : null;
  });

  constructor() {
    effect(() => {
      const start = this.start();
      if (start) untracked(() => this.restartAt(start.sceneId));
    });
  }

  /** A record's entry, which may be missing (the types say otherwise). */
  protected at(record: Record<string, number>, key: string): number | undefined {
    return record[key];
  }

  protected titleOf(id: string | undefined): string {
    if (!id) return '—';
    const sc = sceneOf(this.scenario(), id);
    return sc ? sc.title || sc.id : id;
  }

  protected restart(): void {
    const from = this.state()?.fromSceneId;
    if (from) this.restartAt(from);
  }

  protected restartAt(sceneId: string): void {
    this.state.set(previewFrom(this.scenario(), sceneId, this.startValues()));
    this.restarts.update((n) => n + 1);
  }

  protected setStartValue(key: string, v: number | null): void {
    if (typeof v === 'number' && Number.isFinite(v))
      this.startValues.update((s) => ({ ...s, [key]: v }));
  }

  protected act(action: RunAction): void {
    const current = this.state();
    if (!current) return;
    this.state.set(previewAct(this.scenario(), current, action));
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import {
  type Choice,
  ENDING_RATINGS,
  type Ending,
  type Scenario,
  type ScenarioProblem,
  type Scene,
  type SceneMedia,
  type Speaker,
} from '@siantar/scenario';
import { ChoiceEditorComponent } from './choice-editor.component';
import { EDITOR_FORM_STYLES } from './editor-styles';
import { optionalText, replaceAt } from './list-edit';
import { PracticeEditorComponent } from './practice-editor.component';
import { focusProblemField } from './problem-focus';

/**
 * Everything about one scene: title, narrative, who speaks, a picture or video, whether it
 * ends the story (rating and debrief), its practice task and its choices.
 */
@Component({
  selector: 'sb-scene-form',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
    ChoiceEditorComponent,
    PracticeEditorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <h3 class="name">
        {{ scene().title || ('simulation.editor.scene.untitled' | translate) }}
        <span class="sb-code">{{ scene().id }}</span>
      </h3>
      <div class="actions">
        <button
          mat-flat-button
          type="button"
          (click)="preview.emit()"
          data-testid="preview-from-scene"
        >
          {{ 'simulation.editor.scene.previewFrom' | translate }}
        </button>
        @if (isStart()) {
          <span class="sb-chip">{{ 'simulation.editor.scene.isStart' | translate }}</span>
        } @else {
          <button mat-stroked-button type="button" (click)="makeStart.emit()">
            {{ 'simulation.editor.scene.makeStart' | translate }}
          </button>
        }
        <button
          mat-button
          type="button"
          class="danger"
          (click)="remove.emit()"
          data-testid="delete-scene"
        >
          {{ 'simulation.editor.scene.delete' | translate }}
        </button>
      </div>
    </header>

    @if (problems().length) {
      <section
        class="problems"
        [attr.aria-label]="'simulation.editor.problems.ofScene' | translate"
      >
        <p class="error">
          {{ 'simulation.editor.problems.count' | translate: { count: problems().length } }}
        </p>
        <ul>
          @for (p of problems(); track $index) {
            <li>
              <button type="button" class="link" (click)="focusProblem(p)">{{ p.message }}</button>
            </li>
          }
        </ul>
      </section>
    }

    <mat-form-field>
      <mat-label>{{ 'simulation.editor.scene.title' | translate }}</mat-label>
      <input
        matInput
        maxlength="200"
        required
        [ngModel]="scene().title"
        (ngModelChange)="patch({ title: $event })"
        data-path="title"
        data-testid="scene-title"
      />
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'simulation.editor.scene.narrative' | translate }}</mat-label>
      <textarea
        matInput
        rows="5"
        class="sb-mono"
        maxlength="20000"
        [ngModel]="scene().narrative"
        (ngModelChange)="patch({ narrative: $event })"
        data-path="narrative"
      ></textarea>
      <mat-hint>{{ 'simulation.editor.scene.narrativeHint' | translate }}</mat-hint>
    </mat-form-field>

    <fieldset>
      <legend>{{ 'simulation.editor.speaker.title' | translate }}</legend>
      <mat-checkbox
        class="check"
        [checked]="!!scene().speaker"
        (change)="toggleSpeaker($event.checked)"
        data-path="speaker"
      >
        {{ 'simulation.editor.speaker.toggle' | translate }}
      </mat-checkbox>
      @if (scene().speaker; as sp) {
        <div class="grid">
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.speaker.name' | translate }}</mat-label>
            <input
              matInput
              required
              [ngModel]="sp.name"
              (ngModelChange)="setSpeaker({ name: $event })"
              data-path="speaker.name"
            />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.speaker.role' | translate }}</mat-label>
            <input
              matInput
              [ngModel]="sp.role ?? ''"
              (ngModelChange)="setSpeaker({ role: optional($event) })"
            />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.speaker.mood' | translate }}</mat-label>
            <input
              matInput
              [ngModel]="sp.mood ?? ''"
              (ngModelChange)="setSpeaker({ mood: optional($event) })"
              [attr.list]="uid + '-moods'"
            />
            <datalist [id]="uid + '-moods'">
              @for (m of moods; track m) {
                <option [value]="m"></option>
              }
            </datalist>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>{{ 'simulation.editor.speaker.line' | translate }}</mat-label>
          <textarea
            matInput
            rows="2"
            required
            [ngModel]="sp.line"
            (ngModelChange)="setSpeaker({ line: $event })"
            data-path="speaker.line"
          ></textarea>
        </mat-form-field>
      }
    </fieldset>

    <fieldset>
      <legend>{{ 'simulation.editor.media.title' | translate }}</legend>
      <mat-checkbox
        class="check"
        [checked]="!!scene().media"
        (change)="toggleMedia($event.checked)"
        data-path="media"
      >
        {{ 'simulation.editor.media.toggle' | translate }}
      </mat-checkbox>
      @if (scene().media; as m) {
        <div class="grid">
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.media.kind' | translate }}</mat-label>
            <mat-select [value]="m.kind" (valueChange)="setMedia({ kind: $event })">
              <mat-option value="image">{{
                'simulation.editor.media.image' | translate
              }}</mat-option>
              <mat-option value="video">{{
                'simulation.editor.media.video' | translate
              }}</mat-option>
            </mat-select>
          </mat-form-field>
          <mat-radio-group
            class="radios"
            [value]="m.fileId !== undefined ? 'file' : 'url'"
            (change)="setMediaSource($event.value)"
            [attr.aria-label]="'simulation.editor.media.source' | translate"
          >
            <mat-radio-button value="url">{{
              'simulation.editor.media.url' | translate
            }}</mat-radio-button>
            <mat-radio-button value="file">{{
              'simulation.editor.media.fileId' | translate
            }}</mat-radio-button>
          </mat-radio-group>
        </div>
        @if (m.fileId !== undefined) {
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.media.fileId' | translate }}</mat-label>
            <input
              matInput
              class="sb-mono"
              [ngModel]="m.fileId"
              (ngModelChange)="setMedia({ fileId: $event })"
              data-path="media.fileId"
            />
            <mat-hint>{{ 'simulation.editor.media.fileIdHint' | translate }}</mat-hint>
          </mat-form-field>
        } @else {
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.media.url' | translate }}</mat-label>
            <input
              matInput
              type="url"
              [ngModel]="m.url ?? ''"
              (ngModelChange)="setMedia({ url: $event })"
              data-path="media.url"
            />
            <mat-hint>{{ 'simulation.editor.media.urlHint' | translate }}</mat-hint>
          </mat-form-field>
        }
        @if (mediaProblem(); as key) {
          <p class="error">{{ key | translate }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'simulation.editor.media.alt' | translate }}</mat-label>
          <textarea
            matInput
            rows="2"
            required
            [ngModel]="m.alt"
            (ngModelChange)="setMedia({ alt: $event })"
            data-path="media.alt"
          ></textarea>
          <mat-hint>{{ 'simulation.editor.media.altHint' | translate }}</mat-hint>
        </mat-form-field>
      }
    </fieldset>

    <fieldset>
      <legend>{{ 'simulation.editor.ending.title' | translate }}</legend>
      <mat-checkbox
        class="check"
        [checked]="!!scene().ending"
        (change)="toggleEnding($event.checked)"
        data-path="ending"
        data-testid="ending-toggle"
      >
        {{ 'simulation.editor.ending.toggle' | translate }}
      </mat-checkbox>
      @if (scene().ending; as end) {
        <mat-form-field>
          <mat-label>{{ 'simulation.editor.ending.rating' | translate }}</mat-label>
          <mat-select
            [value]="end.rating"
            (valueChange)="setEnding({ rating: $event })"
            data-path="ending.rating"
          >
            @for (r of ratings; track r) {
              <mat-option [value]="r">{{ 'simulation.editor.rating.' + r | translate }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'simulation.editor.ending.debrief' | translate }}</mat-label>
          <textarea
            matInput
            rows="4"
            required
            [ngModel]="end.debrief"
            (ngModelChange)="setEnding({ debrief: $event })"
            data-path="ending.debrief"
          ></textarea>
          <mat-hint>{{ 'simulation.editor.ending.debriefHint' | translate }}</mat-hint>
        </mat-form-field>
      }
    </fieldset>

    <sb-practice-editor
      [practice]="scene().practice"
      [competencies]="scenario().competencies"
      (practiceChange)="setPractice($event)"
    />

    <fieldset data-path="choices" tabindex="-1">
      <legend>{{ 'simulation.editor.choice.title' | translate }}</legend>
      @if (scene().ending && !scene().choices.length) {
        <p class="hint">{{ 'simulation.editor.choice.endingHasNone' | translate }}</p>
      } @else {
        @for (c of scene().choices; track c.id; let i = $index) {
          <sb-choice-editor
            [choice]="c"
            [index]="i"
            [count]="scene().choices.length"
            [scenario]="scenario()"
            [sceneId]="scene().id"
            (choiceChange)="setChoice(i, $event)"
            (remove)="removeChoice.emit(i)"
            (move)="moveChoice.emit({ index: i, delta: $event })"
            (createTarget)="createTarget.emit(c.id)"
            (goTo)="goTo.emit($event)"
          />
        } @empty {
          <p class="hint">{{ 'simulation.editor.choice.none' | translate }}</p>
        }
        <button
          mat-stroked-button
          type="button"
          [disabled]="scene().choices.length >= 20"
          (click)="addChoice.emit()"
          data-testid="add-choice"
        >
          {{ 'simulation.editor.choice.add' | translate }}
        </button>
      }
    </fieldset>
  `,
  styles: [
    EDITOR_FORM_STYLES,
    `
      .head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 8px;
        align-items: center;
        margin-bottom: 8px;
      }
      .name {
        font: var(--mat-sys-title-medium);
        margin: 0;
        overflow-wrap: anywhere;
      }
      .danger {
        color: var(--mat-sys-error);
      }
      .problems {
        border-inline-start: 4px solid var(--mat-sys-error);
        padding: 4px 12px;
        margin-bottom: 12px;
        background: color-mix(in srgb, var(--mat-sys-error-container) 35%, transparent);
      }
      .problems ul {
        margin: 0;
        padding-inline-start: 18px;
      }
      .link {
        border: 0;
        background: none;
        padding: 2px 0;
        font: inherit;
        color: var(--mat-sys-on-surface);
        text-align: start;
        text-decoration: underline;
        cursor: pointer;
      }
      .radios {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 12px;
        align-items: center;
      }
    `,
  ],
})
export class SceneFormComponent {
  readonly scene = input.required<Scene>();
  readonly scenario = input.required<Scenario>();
  readonly isStart = input(false);
  readonly problems = input<ScenarioProblem[]>([]);

  readonly sceneChange = output<Scene>();
  readonly remove = output<void>();
  readonly makeStart = output<void>();
  readonly preview = output<void>();
  readonly addChoice = output<void>();
  readonly removeChoice = output<number>();
  readonly moveChoice = output<{ index: number; delta: number }>();
  readonly createTarget = output<string>();
  readonly goTo = output<string>();

  private static next = 0;
  protected readonly uid = `sb-scene-${SceneFormComponent.next++}`;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly ratings = ENDING_RATINGS;
  protected readonly moods = [
    'tenang',
    'bingung',
    'kesal',
    'marah',
    'cemas',
    'senang',
    'terburu-buru',
  ];
  protected readonly optional = optionalText;
  /** What the server will refuse about the media (it accepts an https address or an uploaded file). */
  protected readonly mediaProblem = computed(() => {
    const m = this.scene().media;
    if (!m) return null;
    if (m.fileId !== undefined)
      return m.fileId.trim() ? null : 'simulation.editor.media.fileIdMissing';
    return /^https:\/\/\S+$/.test(m.url ?? '') ? null : 'simulation.editor.media.urlInvalid';
  });

  protected patch(p: Partial<Scene>): void {
    const next: Scene = { ...this.scene(), ...p };
    for (const k of ['speaker', 'media', 'practice', 'ending'] as const)
      if (next[k] === undefined) delete next[k];
    this.sceneChange.emit(next);
  }

  protected toggleSpeaker(on: boolean): void {
    this.patch({ speaker: on ? { name: '', line: '' } : undefined });
  }

  protected setSpeaker(p: Partial<Speaker>): void {
    const sp = this.scene().speaker;
    if (!sp) return;
    const next: Speaker = { ...sp, ...p };
    if (next.role === undefined) delete next.role;
    if (next.mood === undefined) delete next.mood;
    this.patch({ speaker: next });
  }

  protected toggleMedia(on: boolean): void {
    this.patch({ media: on ? { kind: 'image', url: '', alt: '' } : undefined });
  }

  protected setMedia(p: Partial<SceneMedia>): void {
    const m = this.scene().media;
    if (m) this.patch({ media: { ...m, ...p } });
  }

  protected setMediaSource(source: 'url' | 'file'): void {
    const m = this.scene().media;
    if (!m) return;
    const { kind, alt } = m;
    this.patch({ media: source === 'file' ? { kind, fileId: '', alt } : { kind, url: '', alt } });
  }

  protected toggleEnding(on: boolean): void {
    this.patch({ ending: on ? { rating: 'acceptable', debrief: '' } : undefined });
  }

  protected setEnding(p: Partial<Ending>): void {
    const end = this.scene().ending;
    if (end) this.patch({ ending: { ...end, ...p } });
  }

  protected setPractice(practice: Scene['practice']): void {
    this.patch({ practice });
  }

  protected setChoice(i: number, choice: Choice): void {
    this.patch({ choices: replaceAt(this.scene().choices, i, choice) });
  }

  /** Moves focus to the field a problem is about. */
  focusProblem(p: ScenarioProblem): void {
    focusProblemField(this.host.nativeElement, p.path);
  }
}

import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { MenuPathPractice, MenuScreen } from '@siantar/scenario';
import { EDITOR_FORM_STYLES } from './editor-styles';
import { RemoveRowButtonComponent } from './remove-row-button.component';
import { removeAt, replaceAt } from './list-edit';
import { addMenuScreen, newOptionId, removeMenuScreen, walkMenuPath } from './menu-practice-ops';

/**
 * An application's menus: screens with options, each option opening another screen (or
 * nothing); the start screen; and the right path, picked by clicking through the menus.
 */
@Component({
  selector: 'sb-menu-practice-editor',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    RemoveRowButtonComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field>
      <mat-label>{{ 'simulation.editor.practice.menuExplain' | translate }}</mat-label>
      <textarea
        matInput
        rows="2"
        [ngModel]="practice().explain"
        (ngModelChange)="patch({ explain: $event })"
        data-path="practice.explain"
      ></textarea>
      <mat-hint>{{ 'simulation.editor.practice.menuExplainHint' | translate }}</mat-hint>
    </mat-form-field>

    <div class="sub">{{ 'simulation.editor.practice.screens' | translate }}</div>
    @for (s of practice().screens; track s.id; let i = $index) {
      <fieldset>
        <legend>
          {{ s.title || s.id }}
          @if (s.id === practice().startScreenId) {
            · {{ 'simulation.editor.practice.startScreen' | translate }}
          }
        </legend>
        <mat-form-field>
          <mat-label>{{ 'simulation.editor.practice.screenName' | translate }}</mat-label>
          <input
            matInput
            [ngModel]="s.title"
            (ngModelChange)="setScreen(i, { title: $event })"
            [attr.data-path]="'practice.screens[' + i + '].title'"
          />
        </mat-form-field>
        @for (o of s.options; track o.id; let j = $index) {
          <div
            class="row"
            role="group"
            [attr.aria-label]="'simulation.editor.practice.optionN' | translate: { n: j + 1 }"
          >
            <mat-form-field>
              <mat-label>{{ 'simulation.editor.practice.optionLabel' | translate }}</mat-label>
              <input
                matInput
                [ngModel]="o.label"
                (ngModelChange)="setOption(i, j, { label: $event })"
                [attr.data-path]="'practice.screens[' + i + '].options[' + j + '].label'"
              />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'simulation.editor.practice.opens' | translate }}</mat-label>
              <mat-select
                [value]="o.nextScreenId ?? ''"
                (valueChange)="setOption(i, j, { nextScreenId: $event || null })"
                [attr.data-path]="'practice.screens[' + i + '].options[' + j + '].nextScreenId'"
              >
                <mat-option value="">{{
                  'simulation.editor.practice.opensNothing' | translate
                }}</mat-option>
                @for (t of practice().screens; track t.id) {
                  @if (t.id !== s.id) {
                    <mat-option [value]="t.id">{{ t.title || t.id }}</mat-option>
                  }
                }
              </mat-select>
            </mat-form-field>
            <sb-remove-row-button
              [label]="
                'simulation.editor.practice.removeOption' | translate: { label: o.label || o.id }
              "
              (remove)="setScreen(i, { options: removeAt(s.options, j) })"
            />
          </div>
        }
        <div class="actions">
          <button
            mat-stroked-button
            type="button"
            [disabled]="s.options.length >= 30"
            (click)="addOption(i)"
          >
            {{ 'simulation.editor.practice.addOption' | translate }}
          </button>
          <button
            mat-button
            type="button"
            [disabled]="practice().screens.length <= 1"
            (click)="patch(removeScreen(s.id))"
          >
            {{ 'simulation.editor.practice.removeScreen' | translate: { title: s.title || s.id } }}
          </button>
        </div>
      </fieldset>
    }
    <div class="actions">
      <button
        mat-stroked-button
        type="button"
        [disabled]="practice().screens.length >= 50"
        (click)="patch(addScreen())"
      >
        {{ 'simulation.editor.practice.addScreen' | translate }}
      </button>
    </div>
    <mat-form-field>
      <mat-label>{{ 'simulation.editor.practice.startScreen' | translate }}</mat-label>
      <mat-select
        [value]="practice().startScreenId"
        (valueChange)="patch({ startScreenId: $event, expectedPath: [] })"
        data-path="practice.startScreenId"
      >
        @for (t of practice().screens; track t.id) {
          <mat-option [value]="t.id">{{ t.title || t.id }}</mat-option>
        }
      </mat-select>
      <mat-hint>{{ 'simulation.editor.practice.startScreenHint' | translate }}</mat-hint>
    </mat-form-field>

    <section
      class="path"
      data-path="practice.expectedPath"
      tabindex="-1"
      [attr.aria-labelledby]="uid + '-path'"
    >
      <div class="sub" [id]="uid + '-path'">
        {{ 'simulation.editor.practice.expectedPath' | translate }}
      </div>
      <p class="hint">{{ 'simulation.editor.practice.expectedPathHint' | translate }}</p>
      @if (walk().steps.length) {
        <ol class="steps">
          @for (st of walk().steps; track $index) {
            <li>
              {{ st.screenTitle }} › <strong>{{ st.optionLabel }}</strong>
            </li>
          }
        </ol>
      } @else {
        <p class="hint">{{ 'simulation.editor.practice.pathEmpty' | translate }}</p>
      }
      @if (walk().broken) {
        <p class="error" role="alert">{{ 'simulation.editor.practice.pathBroken' | translate }}</p>
      } @else if (walk().screen; as here) {
        <p class="here">
          {{ 'simulation.editor.practice.pickOn' | translate: { title: here.title || here.id } }}
        </p>
        <div class="actions" role="group" [attr.aria-label]="here.title || here.id">
          @for (o of here.options; track o.id) {
            <button
              mat-stroked-button
              type="button"
              (click)="pick(o.id)"
              [disabled]="practice().expectedPath.length >= 30"
            >
              {{ o.label || o.id }}
            </button>
          }
        </div>
      } @else if (walk().steps.length) {
        <p class="done">{{ 'simulation.editor.practice.pathDone' | translate }}</p>
      }
      <div class="actions">
        <button
          mat-button
          type="button"
          [disabled]="!practice().expectedPath.length"
          (click)="patch({ expectedPath: practice().expectedPath.slice(0, -1) })"
        >
          {{ 'simulation.editor.practice.pathBack' | translate }}
        </button>
        <button
          mat-button
          type="button"
          [disabled]="!practice().expectedPath.length"
          (click)="patch({ expectedPath: [] })"
        >
          {{ 'simulation.editor.practice.pathReset' | translate }}
        </button>
      </div>
    </section>
  `,
  styles: [
    EDITOR_FORM_STYLES,
    `
      .path {
        border: 1px dashed var(--mat-sys-outline);
        border-radius: 8px;
        padding: 8px 12px;
      }
      .steps {
        margin: 0 0 8px;
        padding-inline-start: 20px;
      }
      .here,
      .done {
        margin: 4px 0;
      }
    `,
  ],
})
export class MenuPracticeEditorComponent {
  readonly practice = input.required<MenuPathPractice>();
  readonly practiceChange = output<MenuPathPractice>();

  private static next = 0;
  protected readonly uid = `sb-menu-${MenuPracticeEditorComponent.next++}`;
  protected readonly removeAt = removeAt;
  protected readonly walk = computed(() => walkMenuPath(this.practice()));

  protected patch(p: Partial<MenuPathPractice>): void {
    this.practiceChange.emit({ ...this.practice(), ...p });
  }

  protected setScreen(i: number, p: Partial<MenuScreen>): void {
    const screens = this.practice().screens;
    this.patch({ screens: replaceAt(screens, i, { ...screens[i], ...p }) });
  }

  protected setOption(i: number, j: number, p: Partial<MenuScreen['options'][number]>): void {
    const options = this.practice().screens[i].options;
    this.setScreen(i, { options: replaceAt(options, j, { ...options[j], ...p }) });
  }

  protected addOption(i: number): void {
    const option = { id: newOptionId(this.practice()), label: '', nextScreenId: null };
    this.setScreen(i, { options: [...this.practice().screens[i].options, option] });
  }

  protected addScreen(): MenuPathPractice {
    return addMenuScreen(this.practice());
  }

  protected removeScreen(id: string): MenuPathPractice {
    return removeMenuScreen(this.practice(), id);
  }

  /** Clicking through: the option becomes the path's next step. */
  protected pick(optionId: string): void {
    this.patch({ expectedPath: [...this.practice().expectedPath, optionId] });
  }
}

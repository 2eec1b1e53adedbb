import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import type { PracticeView } from '@siantar/contracts';
import type { PracticeMistake } from '@siantar/scenario';

export type MenuPracticeView = Extract<PracticeView, { kind: 'menu-path' }>;

/**
 * Finding the way through the mock application's menus: the current screen's options as
 * buttons; a wrong pick is explained (what was picked, the right one, why) and the learner
 * tries again on the same screen.
 */
@Component({
  selector: 'sb-simulation-menu-practice',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let p = practice();
    <p class="sbs-instructions">{{ p.instructions }}</p>
    <section class="sbs-app" [attr.aria-label]="p.appName">
      <div class="sbs-app-bar" aria-hidden="true">
        <span>{{ p.appName }}</span>
      </div>
      <div class="sbs-app-body">
        @if (p.screen; as screen) {
          <p class="sbs-step" data-testid="menu-step">
            {{ 'simulation.player.menu.step' | translate: { n: p.step + 1, total: p.steps } }}
          </p>
          <h4 id="sbs-menu-screen" class="sbs-app-screen" tabindex="-1" data-testid="menu-screen">
            {{ screen.title }}
          </h4>
          <ul class="sbs-menu" [attr.aria-label]="'simulation.player.menu.options' | translate">
            @for (o of screen.options; track o.id) {
              <li>
                <button
                  mat-stroked-button
                  type="button"
                  [disabled]="busy()"
                  [attr.data-testid]="'menu-option-' + o.id"
                  (click)="pick(o.id)"
                >
                  {{ o.label }}
                </button>
              </li>
            }
          </ul>
        }
        @if (p.done) {
          <p class="sbs-done" data-testid="menu-done">
            {{ 'simulation.player.menu.done' | translate }}
          </p>
        }
        @for (m of mistakes(); track $index) {
          <div class="sbs-wrong" data-testid="menu-mistake">
            <p>
              {{
                'simulation.player.menu.wrong'
                  | translate: { given: m.given, screen: m.label, expected: m.expected }
              }}
            </p>
            <p>{{ m.explain }}</p>
          </div>
        }
      </div>
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .sbs-instructions {
      margin: 0 0 12px;
    }
    .sbs-app {
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      overflow: hidden;
      background: var(--mat-sys-surface);
      max-width: 560px;
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
    .sbs-step {
      margin: 0 0 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .sbs-app-screen {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    .sbs-app-screen:focus {
      outline: none;
    }
    .sbs-app-screen:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .sbs-menu {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
      button {
        width: 100%;
        justify-content: flex-start;
        text-align: start;
      }
    }
    .sbs-wrong {
      margin-top: 12px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      p {
        margin: 0 0 4px;
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
export class MenuPracticeComponent {
  readonly practice = input.required<MenuPracticeView>();
  /** The mistakes of the last pick. */
  readonly mistakes = input<readonly PracticeMistake[]>([]);
  readonly busy = input(false);
  readonly picked = output<string>();

  protected pick(optionId: string): void {
    if (!this.busy()) {
      this.picked.emit(optionId);
    }
  }
}

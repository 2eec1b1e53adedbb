import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { SceneView } from '@siantar/contracts';

/**
 * A scene as the learner sees it: its title (the focus target after each step), the narrative
 * (HTML the server sanitised, sanitised again by Angular's `[innerHTML]`), the person speaking
 * as a speech bubble, and a picture or video with its text alternative.
 */
@Component({
  selector: 'sb-simulation-scene',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="sbs-scene-title" class="sbs-scene-title" tabindex="-1" data-testid="scene-title">
      {{ scene().title }}
    </h2>
    @if (scene().media; as m) {
      <figure class="sbs-media" data-testid="scene-media">
        @if (m.kind === 'image') {
          <img [src]="m.src" [alt]="m.alt" loading="lazy" />
        } @else {
          <!-- The video's words are in the text alternative below. -->
          <video controls preload="metadata" [src]="m.src" [attr.aria-label]="m.alt"></video>
          <details class="sbs-transcript">
            <summary>{{ 'simulation.player.videoText' | translate }}</summary>
            <p>{{ m.alt }}</p>
          </details>
        }
      </figure>
    }
    <div class="sbs-narrative" data-testid="scene-narrative" [innerHTML]="scene().narrative"></div>
    @if (scene().speaker; as s) {
      <figure class="sbs-speaker" data-testid="scene-speaker">
        <figcaption class="sbs-speaker-who">
          <span class="sbs-avatar" aria-hidden="true">{{ initial(s.name) }}</span>
          <span>
            <strong>{{ s.name }}</strong>
            @if (s.role) {
              <span class="sbs-speaker-role">· {{ s.role }}</span>
            }
          </span>
          @if (s.mood) {
            <span class="sb-chip" data-testid="speaker-mood">
              <span class="sb-visually-hidden">{{ 'simulation.player.mood' | translate }}:</span>
              {{ s.mood }}
            </span>
          }
        </figcaption>
        <blockquote class="sbs-bubble">
          <p>{{ s.line }}</p>
        </blockquote>
      </figure>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .sbs-scene-title {
      font: var(--mat-sys-headline-small);
      margin: 0 0 12px;
    }
    .sbs-scene-title:focus {
      outline: none;
    }
    .sbs-scene-title:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 4px;
    }
    .sbs-media {
      margin: 0 0 12px;
      img,
      video {
        display: block;
        width: 100%;
        max-height: 420px;
        object-fit: contain;
        border-radius: 12px;
        background: var(--mat-sys-surface-container);
      }
    }
    .sbs-transcript {
      margin-top: 4px;
      summary {
        cursor: pointer;
      }
    }
    .sbs-narrative {
      line-height: 1.6;
      overflow-wrap: anywhere;
    }
    .sbs-speaker {
      margin: 16px 0 0;
    }
    .sbs-speaker-who {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-bottom: 6px;
    }
    .sbs-avatar {
      display: inline-grid;
      place-items: center;
      width: 36px;
      height: 36px;
      border-radius: 50%;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font: var(--mat-sys-title-medium);
    }
    .sbs-speaker-role {
      color: var(--mat-sys-on-surface-variant);
    }
    .sbs-bubble {
      position: relative;
      margin: 0 0 0 18px;
      padding: 12px 16px;
      border-radius: 4px 16px 16px 16px;
      background: var(--mat-sys-surface-container-high);
      p {
        margin: 0;
        font: var(--mat-sys-body-large);
      }
    }
  `,
})
export class SceneViewComponent {
  readonly scene = input.required<SceneView>();

  protected initial(name: string): string {
    return name.trim().charAt(0).toUpperCase();
  }
}

import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import { LIVE_REACTIONS, type LiveReaction } from '@siantar/contracts';
import { LiveRoomService } from '../live-room.service';

interface Floating {
  id: number;
  emoji: LiveReaction;
  /** Horizontal position, % of the stage width. */
  left: number;
}

/** How long a reaction floats up the stage. */
const FLOAT_MS = 3_000;
/** More on screen at once than this and the oldest go first. */
const MAX_FLOATING = 30;

/** The reactions bar, and everyone's reactions floating up over the stage. */
@Component({
  selector: 'sb-reactions',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="layer" aria-hidden="true">
      @for (f of floating(); track f.id) {
        <span class="float" [style.left.%]="f.left">{{ f.emoji }}</span>
      }
    </div>
    <div class="bar" role="group" [attr.aria-label]="'live.reactions.label' | translate">
      @for (r of reactions; track r) {
        <button
          mat-button
          type="button"
          class="reaction"
          (click)="send(r)"
          [attr.aria-label]="'live.reactions.send' | translate: { emoji: r }"
        >
          {{ r }}
        </button>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .layer {
      position: absolute;
      inset: 0;
      pointer-events: none;
      overflow: hidden;
    }
    .float {
      position: absolute;
      bottom: 0;
      font-size: 28px;
      animation: sb-float 3s ease-out forwards;
    }
    @keyframes sb-float {
      from {
        transform: translateY(0);
        opacity: 1;
      }
      to {
        transform: translateY(-260px);
        opacity: 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .float {
        animation: none;
        opacity: 0.9;
      }
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .reaction {
      min-width: 44px;
      font-size: 20px;
    }
  `,
})
export class ReactionsComponent {
  private readonly room = inject(LiveRoomService);
  protected readonly reactions = LIVE_REACTIONS;
  protected readonly floating = signal<Floating[]>([]);
  private nextId = 0;

  constructor() {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    this.room.reactions.pipe(takeUntilDestroyed()).subscribe((e) => {
      const item: Floating = { id: this.nextId++, emoji: e.emoji, left: 5 + Math.random() * 85 };
      this.floating.update((list) => [...list.slice(-(MAX_FLOATING - 1)), item]);
      const timer = setTimeout(() => {
        timers.delete(timer);
        this.floating.update((list) => list.filter((f) => f.id !== item.id));
      }, FLOAT_MS);
      timers.add(timer);
    });
    inject(DestroyRef).onDestroy(() => timers.forEach((t) => clearTimeout(t)));
  }

  protected send(emoji: LiveReaction): void {
    void this.room.send('reaction', { emoji });
  }
}

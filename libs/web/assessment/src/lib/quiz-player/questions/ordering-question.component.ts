import {
  CdkDrag,
  type CdkDragDrop,
  CdkDragHandle,
  CdkDropList,
  moveItemInArray,
} from '@angular/cdk/drag-drop';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { OrderingItem } from '@siantar/contracts';

/**
 * Ordering: a list the learner rearranges by dragging (mouse, touch) or with the "up"/"down"
 * buttons of each item (keyboard, screen readers); every move is announced.
 */
@Component({
  selector: 'sb-ordering-question',
  imports: [CdkDropList, CdkDrag, CdkDragHandle, MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol
      class="sb-order"
      cdkDropList
      [cdkDropListDisabled]="disabled()"
      [attr.aria-labelledby]="labelledBy()"
      (cdkDropListDropped)="drop($event)"
    >
      @for (item of shown(); track item.id; let i = $index; let first = $first; let last = $last) {
        <li
          class="sb-item"
          cdkDrag
          [cdkDragData]="item"
          [attr.data-testid]="'order-item-' + item.id"
        >
          <span class="sb-handle" cdkDragHandle aria-hidden="true">
            <mat-icon svgIcon="sbq-drag" />
          </span>
          <span class="sb-pos" aria-hidden="true">{{ i + 1 }}.</span>
          <span class="sb-text">{{ item.text }}</span>
          <span class="sb-moves">
            <button
              mat-icon-button
              type="button"
              [attr.data-move]="item.id + ':up'"
              [disabled]="disabled() || first"
              [attr.aria-label]="
                'quiz.ordering.up' | translate: { text: item.text, pos: i + 1, n: shown().length }
              "
              (click)="move(i, -1)"
            >
              <mat-icon svgIcon="sbq-up" aria-hidden="true" />
            </button>
            <button
              mat-icon-button
              type="button"
              [attr.data-move]="item.id + ':down'"
              [disabled]="disabled() || last"
              [attr.aria-label]="
                'quiz.ordering.down' | translate: { text: item.text, pos: i + 1, n: shown().length }
              "
              (click)="move(i, 1)"
            >
              <mat-icon svgIcon="sbq-down" aria-hidden="true" />
            </button>
          </span>
        </li>
      }
    </ol>
    @if (!order() && !disabled()) {
      <button mat-stroked-button type="button" data-testid="order-keep" (click)="keep()">
        {{ 'quiz.ordering.keep' | translate }}
      </button>
    }
    <p class="sb-visually-hidden" aria-live="polite">{{ announcement() }}</p>
  `,
  styles: `
    .sb-order {
      list-style: none;
      padding: 0;
      margin: 0 0 8px;
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .sb-item {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 4px 4px 4px 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: var(--mat-sys-surface);
    }
    .sb-handle {
      cursor: grab;
      display: inline-flex;
      color: var(--mat-sys-on-surface-variant);
    }
    .sb-text {
      flex: 1;
      overflow-wrap: anywhere;
    }
    .sb-moves {
      display: inline-flex;
      flex-shrink: 0;
    }
    .cdk-drag-preview {
      box-shadow: var(--mat-sys-level3);
    }
    .cdk-drag-placeholder {
      opacity: 0.4;
    }
  `,
})
export class OrderingQuestionComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly translate = inject(TranslateService);

  /** The items in the order the server shows them (shuffled per attempt). */
  readonly items = input.required<readonly OrderingItem[]>();
  /** The learner's order (item ids); null until they moved something or kept the order. */
  readonly order = input<readonly string[] | null>(null);
  readonly disabled = input(false);
  readonly labelledBy = input<string | null>(null);
  readonly orderChange = output<string[]>();

  protected readonly announcement = signal('');

  protected readonly shown = computed<OrderingItem[]>(() => {
    const items = this.items();
    const order = this.order();
    if (!order || order.length !== items.length) {
      return [...items];
    }
    const byId = new Map(items.map((i) => [i.id, i]));
    const sorted = order.map((id) => byId.get(id)).filter((i): i is OrderingItem => !!i);
    return sorted.length === items.length ? sorted : [...items];
  });

  protected move(index: number, delta: -1 | 1): void {
    const target = index + delta;
    const list = this.shown();
    if (target < 0 || target >= list.length) {
      return;
    }
    const item = list[index];
    this.commit(index, target);
    // The moved item's button keeps the focus (the other one when it reached an end).
    setTimeout(() => {
      const atEnd = target === 0 || target === list.length - 1;
      const dir = atEnd ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down';
      const wanted = `${item.id}:${dir}`;
      this.host.nativeElement.querySelectorAll<HTMLButtonElement>('[data-move]').forEach((b) => {
        if (b.dataset['move'] === wanted) {
          b.focus();
        }
      });
    });
  }

  protected drop(event: CdkDragDrop<unknown>): void {
    if (event.previousIndex !== event.currentIndex) {
      this.commit(event.previousIndex, event.currentIndex);
    }
  }

  protected keep(): void {
    this.orderChange.emit(this.shown().map((i) => i.id));
    this.announcement.set(this.translate.instant('quiz.ordering.kept'));
  }

  private commit(from: number, to: number): void {
    const list = [...this.shown()];
    const item = list[from];
    moveItemInArray(list, from, to);
    this.orderChange.emit(list.map((i) => i.id));
    this.announcement.set(
      this.translate.instant('quiz.ordering.moved', {
        text: item.text,
        pos: to + 1,
        n: list.length,
      }),
    );
  }
}

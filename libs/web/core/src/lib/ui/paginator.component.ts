import {
  ChangeDetectionStrategy,
  Component,
  type WritableSignal,
  computed,
  input,
  signal,
} from '@angular/core';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { TranslatedPaginatorIntl } from './translated-paginator-intl';

/** Which page of a list is shown. A changed filter calls `first()`: its results start over. */
export class PageState {
  readonly index = signal(0);
  readonly size: WritableSignal<number>;
  /** For the API's `offset`. */
  readonly offset = computed(() => this.index() * this.size());

  constructor(size = 20) {
    this.size = signal(size);
  }

  first(): void {
    this.index.set(0);
  }

  change(event: PageEvent): void {
    this.size.set(event.pageSize);
    this.index.set(event.pageIndex);
  }
}

/** The app's paginator for a `PageState`: translated labels, the usual page sizes. */
@Component({
  selector: 'sb-paginator',
  imports: [MatPaginatorModule],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-paginator
      [length]="length()"
      [pageIndex]="state().index()"
      [pageSize]="state().size()"
      [pageSizeOptions]="[10, 20, 50, 100]"
      (page)="state().change($event)"
      showFirstLastButtons
    />
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class PaginatorComponent {
  readonly state = input.required<PageState>();
  readonly length = input.required<number>();
}

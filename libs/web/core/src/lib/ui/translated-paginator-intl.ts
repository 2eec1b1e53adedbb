import { Injectable, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslateService } from '@ngx-translate/core';

/** Paginator labels from the translation files, refreshed when the language changes. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly translate = inject(TranslateService);

  constructor() {
    super();
    this.translate.onLangChange.subscribe(() => this.update());
    this.update();
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) {
      return this.translate.instant('paginator.rangeEmpty') as string;
    }
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return this.translate.instant('paginator.range', { start, end, length }) as string;
  };

  private update(): void {
    this.itemsPerPageLabel = this.translate.instant('paginator.itemsPerPage') as string;
    this.nextPageLabel = this.translate.instant('paginator.next') as string;
    this.previousPageLabel = this.translate.instant('paginator.previous') as string;
    this.firstPageLabel = this.translate.instant('paginator.first') as string;
    this.lastPageLabel = this.translate.instant('paginator.last') as string;
    this.changes.next();
  }
}

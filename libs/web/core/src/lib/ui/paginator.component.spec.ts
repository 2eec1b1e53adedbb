import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { PageState, PaginatorComponent } from './paginator.component';

@Component({
  imports: [PaginatorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<sb-paginator [state]="paging" [length]="95" />`,
})
class HostComponent {
  readonly paging = new PageState();
}

describe('PaginatorComponent', () => {
  it('moves its PageState, and a new filter starts at the first page', async () => {
    TestBed.configureTestingModule({
      providers: [provideTranslateService({ fallbackLang: 'id' })],
    });
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const paging = fixture.componentInstance.paging;
    const el = fixture.nativeElement as HTMLElement;

    el.querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next')?.click();
    await fixture.whenStable();
    expect([paging.index(), paging.size(), paging.offset()]).toEqual([1, 20, 20]);

    el.querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-last')?.click();
    expect(paging.offset()).toBe(80);

    paging.first();
    expect(paging.offset()).toBe(0);
  });
});

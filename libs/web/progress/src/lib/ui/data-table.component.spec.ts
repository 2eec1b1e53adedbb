import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { DataTableComponent, type TableColumn } from './data-table.component';

@Component({
  imports: [DataTableComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-data-table label="t.title" testId="things" [columns]="columns">
      <tbody>
        <tr data-testid="thing-row">
          <th scope="row">A</th>
          <td class="num">1</td>
        </tr>
      </tbody>
    </sb-data-table>
  `,
})
class HostComponent {
  readonly columns: readonly TableColumn[] = [{ key: 't.name' }, { text: 'JP', num: true }];
}

describe('DataTableComponent', () => {
  it('puts the projected rows in a captioned table, in a named scroll region', async () => {
    TestBed.configureTestingModule({
      providers: [provideTranslateService({ fallbackLang: 'id' })],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', { t: { title: 'Hal-hal', name: 'Nama' } });
    translate.use('id');
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;

    const region = host.querySelector('sb-table-region');
    expect(region?.getAttribute('role')).toBe('region');
    expect(region?.getAttribute('aria-label')).toBe('Hal-hal');
    const table = region?.querySelector('table[data-testid="things"]');
    expect(table?.querySelector('caption')?.className).toBe('sb-visually-hidden');
    expect(table?.querySelector('caption')?.textContent?.trim()).toBe('Hal-hal');
    const heads = Array.from(table?.querySelectorAll('thead th[scope="col"]') ?? []);
    expect(heads.map((th) => th.textContent?.trim())).toEqual(['Nama', 'JP']);
    expect(heads.map((th) => th.classList.contains('num'))).toEqual([false, true]);
    expect(table?.querySelectorAll(':scope > tbody > tr[data-testid="thing-row"]')).toHaveLength(1);
  });
});

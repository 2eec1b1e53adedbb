import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TableRegionComponent } from './table-region.component';

@Component({
  imports: [TableRegionComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<sb-table-region label="Soal"><table></table></sb-table-region>`,
})
class HostComponent {}

describe('TableRegionComponent', () => {
  it('is a named, focusable scroll region around its table', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const region = (fixture.nativeElement as HTMLElement).querySelector('sb-table-region');
    expect(region?.className).toBe('sb-table-scroll');
    expect(region?.getAttribute('role')).toBe('region');
    expect(region?.getAttribute('tabindex')).toBe('0');
    expect(region?.getAttribute('aria-label')).toBe('Soal');
    expect(region?.querySelector('table')).not.toBeNull();
  });
});

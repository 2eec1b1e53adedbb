import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { JpRingComponent } from './jp-ring.component';

@Component({
  imports: [JpRingComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<sb-jp-ring [jp]="jp()" [target]="target()" />`,
})
class HostComponent {
  readonly jp = signal(7.5);
  readonly target = signal<number | null>(20);
}

describe('JpRingComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideTranslateService({ fallbackLang: 'id' })],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', {
      progress: {
        ring: {
          label: 'JP tahun ini',
          value: '{{jp}} dari {{target}} JP',
          valueNoTarget: '{{jp}} JP (tanpa target)',
        },
      },
    });
    translate.use('id');
  });

  it('is a progressbar whose value and text say what the ring shows', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const ring = (fixture.nativeElement as HTMLElement).querySelector('[role=progressbar]');
    expect(ring?.getAttribute('aria-label')).toBe('JP tahun ini');
    expect(ring?.getAttribute('aria-valuemin')).toBe('0');
    expect(ring?.getAttribute('aria-valuemax')).toBe('20');
    expect(ring?.getAttribute('aria-valuenow')).toBe('7.5');
    expect(ring?.getAttribute('aria-valuetext')).toBe('7.5 dari 20 JP');
    expect(ring?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');

    fixture.componentInstance.target.set(null);
    await fixture.whenStable();
    expect(ring?.hasAttribute('aria-valuemax')).toBe(false);
    expect(ring?.getAttribute('aria-valuetext')).toBe('7.5 JP (tanpa target)');
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { QueueDashboardComponent } from './queue-dashboard.component';

describe('QueueDashboardComponent', () => {
  const setup = () => {
    TestBed.configureTestingModule({
      imports: [QueueDashboardComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateService()],
    });
    const fixture = TestBed.createComponent(QueueDashboardComponent);
    fixture.detectChanges();
    return { fixture, http: TestBed.inject(HttpTestingController) };
  };
  const click = (el: HTMLElement) =>
    (el.querySelector('[data-testid="open-queues"]') as HTMLButtonElement).click();

  it('opens the dashboard the api names in a tab opened on the click', () => {
    const tab = { opener: {}, location: { href: '' }, close: jest.fn() };
    const open = jest.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    const { fixture, http } = setup();
    click(fixture.nativeElement as HTMLElement);
    expect(open).toHaveBeenCalledWith('', '_blank');
    http
      .expectOne((r) => r.url.endsWith('/admin/queue-dashboard'))
      .flush({ url: '/api/admin/queues/' });
    expect(tab.location.href).toBe('/api/admin/queues/');
    expect(tab.opener).toBeNull();
  });

  it('closes the tab and shows why when the api refuses (an OPD admin)', async () => {
    const tab = { opener: {}, location: { href: '' }, close: jest.fn() };
    jest.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    const { fixture, http } = setup();
    click(fixture.nativeElement as HTMLElement);
    http
      .expectOne((r) => r.url.endsWith('/admin/queue-dashboard'))
      .flush(
        {
          title: 'Forbidden',
          status: 403,
          detail: 'Dasbor antrean hanya untuk admin tingkat kota (BKPSDM).',
        },
        {
          status: 403,
          statusText: 'Forbidden',
          headers: { 'content-type': 'application/problem+json' },
        },
      );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(tab.close).toHaveBeenCalled();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(
      'hanya untuk admin tingkat kota',
    );
  });
});

import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  CERTIFICATE_VERIFY_PAGE,
  type CertificateView,
  type ProblemDetails,
} from '@siantar/contracts';
import { LanguageService, ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { type Subscription, timer } from 'rxjs';
import { CertificatesApi } from '../api/certificates.api';
import { calendarDate, dateRange, wibDate } from '../shared/dates';
import { PdfDownloads } from '../shared/download';
import { CERTIFICATE_PDF_POLL_LIMIT, CERTIFICATE_PDF_POLL_MS } from '../shared/tokens';
import { CertificateStatusComponent } from '../ui/certificate-status.component';

/**
 * "Sertifikat saya" (`/belajar/sertifikat`): the learner's certificates, newest first, each with
 * its number, dates, JP and status (a revoked one with when and why), the PDF to download and
 * the public verification page. Asks again while a PDF is still being made.
 */
@Component({
  selector: 'sb-my-certificates',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    CertificateStatusComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="sb-page-title">{{ 'certificates.mine.title' | translate }}</h1>
    <p class="sb-lead">{{ 'certificates.mine.lead' | translate }}</p>

    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (problem(); as p) {
      <sb-problem-alert [problem]="p" />
      <button mat-stroked-button type="button" (click)="load()" data-testid="mine-retry">
        {{ 'certificates.retry' | translate }}
      </button>
    }

    @if (certificates(); as list) {
      @if (list.length === 0) {
        <div class="sb-cert-empty" data-testid="mine-empty">
          <mat-icon svgIcon="sbc-certificate" aria-hidden="true" />
          <h2>{{ 'certificates.mine.emptyTitle' | translate }}</h2>
          <p>{{ 'certificates.mine.empty' | translate }}</p>
          <div class="sb-actions">
            <a mat-flat-button routerLink="/belajar">{{
              'certificates.mine.toLearning' | translate
            }}</a>
            <a mat-stroked-button routerLink="/katalog">{{
              'certificates.mine.toCatalog' | translate
            }}</a>
          </div>
        </div>
      } @else {
        <p class="cdk-visually-hidden" aria-live="polite">
          {{ 'certificates.mine.count' | translate: { count: list.length } }}
        </p>
        <ul class="sb-cert-list">
          @for (c of list; track c.id) {
            <li
              class="sb-cert-card"
              data-testid="certificate"
              [attr.data-status]="c.status"
              [attr.aria-labelledby]="'cert-title-' + c.id"
            >
              <div class="sb-cert-head">
                <h2 [id]="'cert-title-' + c.id">{{ c.title }}</h2>
                <div class="sb-cert-chips">
                  <span class="sb-chip sb-chip-off">{{
                    'certificates.kind.' + c.kind | translate
                  }}</span>
                  <sb-certificate-status [status]="c.status" />
                </div>
              </div>
              <dl class="sb-details">
                <dt>{{ 'certificates.field.registerNumber' | translate }}</dt>
                <dd class="sb-mono" data-testid="register-number">{{ c.registerNumber }}</dd>
                <dt>{{ 'certificates.field.dates' | translate }}</dt>
                <dd>{{ range(c) }}</dd>
                <dt>{{ 'certificates.field.issuedOn' | translate }}</dt>
                <dd data-testid="issued-on">
                  {{ day(c.issuedAt) }}
                  @if (c.reissuedAt) {
                    <span class="sb-muted">
                      ·
                      {{
                        'certificates.reissuedOn'
                          | translate: { date: day(c.reissuedAt), count: c.reissueCount }
                      }}</span
                    >
                  }
                </dd>
                <dt>{{ 'certificates.field.jp' | translate }}</dt>
                <dd data-testid="jp">{{ 'certificates.jpValue' | translate: { jp: c.jp } }}</dd>
                <dt>{{ 'certificates.field.issuer' | translate }}</dt>
                <dd>{{ c.issuerName }}</dd>
              </dl>

              @if (c.status === 'revoked') {
                <div class="sb-cert-revoked" data-testid="revoked-note">
                  <mat-icon svgIcon="sbc-revoked" aria-hidden="true" />
                  <div>
                    <p class="sb-strong">
                      {{
                        'certificates.revokedOn'
                          | translate: { date: c.revokedAt ? day(c.revokedAt) : '—' }
                      }}
                    </p>
                    @if (c.revokeReason) {
                      <p>
                        {{ 'certificates.revokeReason' | translate: { reason: c.revokeReason } }}
                      </p>
                    }
                    <p class="sb-muted">{{ 'certificates.mine.revokedHelp' | translate }}</p>
                  </div>
                </div>
              }

              <div class="sb-actions sb-cert-actions">
                @if (c.status === 'valid') {
                  <button
                    mat-flat-button
                    type="button"
                    (click)="downloads.start(c)"
                    [disabled]="!c.pdfReady || downloads.busy(c.id)"
                    data-testid="download"
                  >
                    <mat-icon svgIcon="download" aria-hidden="true" />
                    {{ 'certificates.download' | translate }}
                    <span class="sb-visually-hidden">: {{ c.title }}</span>
                  </button>
                }
                <a
                  mat-stroked-button
                  [routerLink]="[verifyPage, c.code]"
                  target="_blank"
                  rel="noopener"
                  data-testid="verify-link"
                >
                  <mat-icon svgIcon="sbc-open" aria-hidden="true" />
                  {{ 'certificates.verifyPage' | translate }}
                  <span class="sb-visually-hidden">{{
                    'certificates.opensNewTab' | translate
                  }}</span>
                </a>
              </div>
              <div class="sb-cert-pdf" aria-live="polite">
                @if (c.status === 'valid' && !c.pdfReady) {
                  <span class="sb-muted" data-testid="pdf-pending">
                    <mat-icon svgIcon="sbc-wait" aria-hidden="true" />
                    {{ 'certificates.pdfPending' | translate }}
                  </span>
                } @else if (downloads.busy(c.id)) {
                  <mat-progress-bar
                    [mode]="downloads.progress(c.id) === null ? 'indeterminate' : 'determinate'"
                    [value]="downloads.progress(c.id) ?? 0"
                    [attr.aria-label]="'certificates.downloadProgress' | translate"
                  />
                  <span data-testid="download-progress">
                    @if (downloads.progress(c.id) === null) {
                      {{ 'certificates.downloading' | translate }}
                    } @else {
                      {{
                        'certificates.downloadingPercent'
                          | translate: { percent: downloads.progress(c.id) }
                      }}
                    }
                  </span>
                }
              </div>
            </li>
          }
        </ul>
      }
    }
    @if (downloads.problem(); as d) {
      <p class="sb-error-text" data-testid="download-failed">
        {{ 'certificates.downloadFailed' | translate: { number: d.registerNumber } }}
      </p>
      <sb-problem-alert [problem]="d.problem" />
    }
  `,
  styles: `
    .sb-cert-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 420px), 1fr));
      gap: 16px;
    }
    .sb-cert-card {
      display: flex;
      flex-direction: column;
      gap: 12px;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
      &[data-status='revoked'] {
        border-inline-start: 4px solid var(--mat-sys-error);
      }
    }
    .sb-cert-head {
      display: flex;
      flex-direction: column;
      gap: 8px;
      h2 {
        margin: 0;
        font: var(--mat-sys-title-large);
        overflow-wrap: anywhere;
      }
    }
    .sb-cert-chips {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .sb-cert-revoked {
      display: flex;
      gap: 8px;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      p {
        margin: 0 0 4px;
        overflow-wrap: anywhere;
      }
      .sb-muted {
        color: inherit;
      }
      mat-icon {
        flex: none;
      }
    }
    .sb-cert-pdf {
      display: flex;
      flex-direction: column;
      gap: 4px;
      &:empty {
        display: none;
      }
      span {
        display: inline-flex;
        align-items: center;
        gap: 4px;
      }
      mat-icon {
        width: 18px;
        height: 18px;
      }
    }
    .sb-cert-empty {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      padding: 32px 16px;
      text-align: center;
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: 12px;
      h2 {
        margin: 0;
        font: var(--mat-sys-title-large);
      }
      p {
        max-width: 60ch;
        margin: 0;
        color: var(--mat-sys-on-surface-variant);
      }
      mat-icon {
        width: 48px;
        height: 48px;
        color: var(--mat-sys-primary);
      }
    }
  `,
})
export class MyCertificatesComponent {
  private readonly api = inject(CertificatesApi);
  private readonly language = inject(LanguageService);
  private readonly pollMs = inject(CERTIFICATE_PDF_POLL_MS);

  protected readonly verifyPage = CERTIFICATE_VERIFY_PAGE;
  protected readonly certificates = signal<CertificateView[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly downloads = new PdfDownloads(this.api, inject(DestroyRef));
  /** A valid certificate whose PDF is still being rendered: ask again a little later. */
  private readonly pending = computed(() =>
    (this.certificates() ?? []).some((c) => c.status === 'valid' && !c.pdfReady),
  );
  private request: Subscription | null = null;
  private poll: Subscription | null = null;
  private polls = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.request?.unsubscribe();
      this.poll?.unsubscribe();
    });
    this.load();
  }

  protected load(): void {
    this.request?.unsubscribe();
    this.poll?.unsubscribe();
    this.polls = 0;
    this.loading.set(true);
    this.problem.set(null);
    this.request = this.api.mine().subscribe({
      next: (list) => {
        this.loading.set(false);
        this.show(list);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  protected range(c: CertificateView): string {
    return dateRange(c.startDate, c.endDate, this.language.current());
  }

  /** An instant's date (WIB), or a calendar date as it is. */
  protected day(value: string): string {
    return value.length === 10
      ? calendarDate(value, this.language.current())
      : wibDate(value, this.language.current());
  }

  private show(list: CertificateView[]): void {
    this.certificates.set(list);
    if (this.pending() && this.polls < CERTIFICATE_PDF_POLL_LIMIT) {
      this.polls++;
      this.poll = timer(this.pollMs).subscribe(() => {
        this.request = this.api.mine().subscribe({
          next: (again) => this.show(again),
          // A failed look-up leaves the list as it was; the button stays disabled.
          error: () => undefined,
        });
      });
    }
  }
}

import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type OnChanges,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { CertificateVerification, ProblemDetails } from '@siantar/contracts';
import { LanguageService, ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { type Subscription, interval, take } from 'rxjs';
import { CertificateVerificationApi } from '../api/certificates.api';
import { calendarDate, dateRange, wibDate, wibTime } from '../shared/dates';
import { retryAfterSeconds } from './retry-after';

type VerifyState =
  | { kind: 'loading' }
  | { kind: 'found'; certificate: CertificateVerification; checkedAt: string }
  | { kind: 'not-found' }
  | { kind: 'too-many' }
  | { kind: 'error'; problem: ProblemDetails };

/**
 * The public verification page (`/verify/:code`), where the QR code on a certificate leads:
 * no sign-in, outside the signed-in shell. Valid or revoked in words and an icon, then what a
 * verifier compares with the paper (register number, name, masked NIP, programme, dates, JP,
 * issuer); a revoked one says when and why. Unknown codes and rate limits have pages of their
 * own. Prints without its buttons.
 */
@Component({
  selector: 'sb-verify-certificate',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="sb-verify" [attr.data-state]="stateKind()" data-testid="verify-page">
      <p class="sb-verify-overline">{{ 'certificates.verify.overline' | translate }}</p>
      @switch (state().kind) {
        @case ('loading') {
          <h1 class="sb-verify-verdict">{{ 'certificates.verify.checking' | translate }}</h1>
          <mat-progress-bar
            mode="indeterminate"
            [attr.aria-label]="'certificates.verify.checking' | translate"
          />
        }
        @case ('found') {
          @if (found(); as f) {
            <div
              class="sb-verify-banner"
              [class.sb-verify-valid]="f.certificate.status === 'valid'"
              [class.sb-verify-revoked]="f.certificate.status === 'revoked'"
              data-testid="verify-verdict"
            >
              <mat-icon
                [svgIcon]="f.certificate.status === 'valid' ? 'sbc-valid' : 'sbc-revoked'"
                aria-hidden="true"
              />
              <div>
                <h1 class="sb-verify-verdict">
                  {{ 'certificates.verify.verdict.' + f.certificate.status | translate }}
                </h1>
                <p>{{ 'certificates.verify.explain.' + f.certificate.status | translate }}</p>
              </div>
            </div>

            @if (f.certificate.status === 'revoked') {
              <dl class="sb-details sb-verify-revocation" data-testid="verify-revocation">
                <dt>{{ 'certificates.verify.revokedAt' | translate }}</dt>
                <dd>{{ f.certificate.revokedAt ? day(f.certificate.revokedAt) : '—' }}</dd>
                <dt>{{ 'certificates.verify.revokeReason' | translate }}</dt>
                <dd>{{ f.certificate.revokeReason || '—' }}</dd>
              </dl>
            }

            <dl class="sb-details sb-verify-details" data-testid="verify-details">
              <dt>{{ 'certificates.field.registerNumber' | translate }}</dt>
              <dd class="sb-mono">{{ f.certificate.registerNumber }}</dd>
              <dt>{{ 'certificates.field.learner' | translate }}</dt>
              <dd class="sb-strong">{{ f.certificate.learnerName }}</dd>
              <dt>{{ 'certificates.field.nip' | translate }}</dt>
              <dd class="sb-mono" data-testid="verify-nip">
                @if (f.certificate.nipMasked) {
                  {{ f.certificate.nipMasked }}
                  <span class="sb-visually-hidden">{{
                    'certificates.verify.nipMaskedHint' | translate
                  }}</span>
                } @else {
                  {{ 'certificates.verify.noNip' | translate }}
                }
              </dd>
              <dt>{{ 'certificates.field.programme.' + f.certificate.kind | translate }}</dt>
              <dd>{{ f.certificate.title }}</dd>
              <dt>{{ 'certificates.field.dates' | translate }}</dt>
              <dd>{{ range(f.certificate) }}</dd>
              <dt>{{ 'certificates.field.jp' | translate }}</dt>
              <dd>{{ 'certificates.jpValue' | translate: { jp: f.certificate.jp } }}</dd>
              <dt>{{ 'certificates.field.issuer' | translate }}</dt>
              <dd>{{ f.certificate.issuerName }}</dd>
              <dt>{{ 'certificates.field.issuedOn' | translate }}</dt>
              <dd>
                {{ day(f.certificate.issuedOn) }}
                @if (f.certificate.reissueCount > 0) {
                  <span class="sb-muted">
                    ·
                    {{
                      'certificates.verify.reissued'
                        | translate: { count: f.certificate.reissueCount }
                    }}</span
                  >
                }
              </dd>
              <dt>{{ 'certificates.verify.code' | translate }}</dt>
              <dd class="sb-mono">{{ f.certificate.code }}</dd>
            </dl>
            <p class="sb-muted sb-verify-footnote">
              {{ 'certificates.verify.checkedAt' | translate: { time: f.checkedAt } }}
              {{ 'certificates.verify.compare' | translate }}
            </p>
            <div class="sb-actions sb-verify-actions">
              <button mat-stroked-button type="button" (click)="print()" data-testid="verify-print">
                <mat-icon svgIcon="sbc-print" aria-hidden="true" />
                {{ 'certificates.verify.print' | translate }}
              </button>
            </div>
          }
        }
        @case ('not-found') {
          <div class="sb-verify-banner sb-verify-unknown" data-testid="verify-verdict">
            <mat-icon svgIcon="sbc-unknown" aria-hidden="true" />
            <div>
              <h1 class="sb-verify-verdict">{{ 'certificates.verify.notFound' | translate }}</h1>
              <p>{{ 'certificates.verify.notFoundHelp' | translate }}</p>
            </div>
          </div>
          <dl class="sb-details">
            <dt>{{ 'certificates.verify.code' | translate }}</dt>
            <dd class="sb-mono" data-testid="verify-code">{{ code() }}</dd>
          </dl>
        }
        @case ('too-many') {
          <div class="sb-verify-banner sb-verify-unknown" data-testid="verify-verdict">
            <mat-icon svgIcon="sbc-wait" aria-hidden="true" />
            <div>
              <h1 class="sb-verify-verdict">
                {{ 'certificates.verify.tooManyTitle' | translate }}
              </h1>
              <p data-testid="verify-wait">
                @if (waitSeconds() > 0) {
                  {{ 'certificates.verify.tooMany' | translate: { seconds: waitSeconds() } }}
                } @else {
                  {{ 'certificates.verify.tryNow' | translate }}
                }
              </p>
            </div>
          </div>
          <div class="sb-actions sb-verify-actions">
            <button
              mat-flat-button
              type="button"
              (click)="load()"
              [disabled]="waitSeconds() > 0"
              data-testid="verify-retry"
            >
              {{ 'certificates.retry' | translate }}
            </button>
          </div>
        }
        @case ('error') {
          <h1 class="sb-verify-verdict">{{ 'certificates.verify.failed' | translate }}</h1>
          <sb-problem-alert [problem]="problem()" />
          <div class="sb-actions sb-verify-actions">
            <button mat-flat-button type="button" (click)="load()" data-testid="verify-retry">
              {{ 'certificates.retry' | translate }}
            </button>
          </div>
        }
      }
      <p class="cdk-visually-hidden" aria-live="polite" data-testid="verify-announce">
        {{ announcement() }}
      </p>
    </article>
  `,
  styles: `
    :host {
      display: block;
      width: 100%;
      max-width: 720px;
    }
    .sb-verify {
      display: flex;
      flex-direction: column;
      gap: 16px;
      padding: 24px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 16px;
      background: var(--mat-sys-surface);
      box-sizing: border-box;
    }
    .sb-verify-overline {
      margin: 0;
      font: var(--mat-sys-label-large);
      letter-spacing: 0.04em;
      text-transform: uppercase;
      color: var(--mat-sys-on-surface-variant);
    }
    .sb-verify-verdict {
      margin: 0;
      font: var(--mat-sys-headline-medium);
    }
    .sb-verify-banner {
      display: flex;
      align-items: flex-start;
      gap: 16px;
      padding: 16px;
      border-radius: 12px;
      border: 2px solid var(--mat-sys-outline);
      p {
        margin: 4px 0 0;
      }
      mat-icon {
        flex: none;
        width: 48px;
        height: 48px;
      }
    }
    .sb-verify-valid {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .sb-verify-revoked {
      border-color: var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .sb-verify-unknown {
      background: var(--mat-sys-surface-container-high);
    }
    .sb-verify-revocation {
      padding: 12px 16px;
      border-inline-start: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-surface-container-low);
    }
    .sb-verify-footnote {
      margin: 0;
    }
    @media (max-width: 599.98px) {
      .sb-verify {
        padding: 16px;
      }
      .sb-verify .sb-details {
        grid-template-columns: 1fr;
        gap: 2px;
        dd {
          margin-bottom: 8px;
        }
      }
      .sb-verify-banner mat-icon {
        width: 36px;
        height: 36px;
      }
    }
    @media print {
      :host {
        max-width: none;
      }
      .sb-verify {
        border: none;
        padding: 0;
      }
      .sb-verify-banner {
        border-width: 3px;
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
      .sb-verify-actions {
        display: none;
      }
      /* The public frame's language switch and tagline have no place on paper. */
      ::ng-deep sb-language-switch,
      ::ng-deep .sb-skip-link,
      ::ng-deep .sb-tagline {
        display: none !important;
      }
    }
  `,
})
export class VerifyCertificateComponent implements OnChanges {
  private readonly api = inject(CertificateVerificationApi);
  private readonly language = inject(LanguageService);
  private readonly translate = inject(TranslateService);

  /** From the route (`/verify/:code`). */
  readonly code = input.required<string>();

  protected readonly state = signal<VerifyState>({ kind: 'loading' });
  protected readonly waitSeconds = signal(0);
  protected readonly announcement = signal('');
  private request: Subscription | null = null;
  private countdown: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.request?.unsubscribe();
      this.countdown?.unsubscribe();
    });
  }

  ngOnChanges(): void {
    this.load();
  }

  protected stateKind(): VerifyState['kind'] {
    return this.state().kind;
  }

  protected found(): Extract<VerifyState, { kind: 'found' }> | null {
    const s = this.state();
    return s.kind === 'found' ? s : null;
  }

  protected problem(): ProblemDetails | null {
    const s = this.state();
    return s.kind === 'error' ? s.problem : null;
  }

  protected load(): void {
    this.request?.unsubscribe();
    this.countdown?.unsubscribe();
    this.waitSeconds.set(0);
    this.state.set({ kind: 'loading' });
    this.announcement.set('');
    const code = this.code().trim();
    this.request = this.api.verify(code).subscribe({
      next: (certificate) => {
        this.state.set({
          kind: 'found',
          certificate,
          checkedAt: wibTime(new Date().toISOString(), this.language.current()),
        });
        this.announce(`certificates.verify.verdict.${certificate.status}`);
      },
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400)) {
          this.state.set({ kind: 'not-found' });
          this.announce('certificates.verify.notFound');
        } else if (error instanceof HttpErrorResponse && error.status === 429) {
          this.wait(retryAfterSeconds(error));
        } else {
          this.state.set({ kind: 'error', problem: toProblem(error) });
        }
      },
    });
  }

  protected range(c: CertificateVerification): string {
    return dateRange(c.startDate, c.endDate, this.language.current());
  }

  protected day(value: string): string {
    return value.length === 10
      ? calendarDate(value, this.language.current())
      : wibDate(value, this.language.current());
  }

  protected print(): void {
    window.print();
  }

  private announce(key: string, params?: Record<string, unknown>): void {
    this.announcement.set(this.translate.instant(key, params) as string);
  }

  /** Counts down to when asking again is allowed; the button and the text follow. */
  private wait(seconds: number): void {
    this.state.set({ kind: 'too-many' });
    this.waitSeconds.set(seconds);
    // Said once; the countdown on the page is not read out every second.
    this.announce('certificates.verify.tooMany', { seconds });
    this.countdown = interval(1000)
      .pipe(take(seconds))
      .subscribe(() => {
        this.waitSeconds.update((s) => Math.max(0, s - 1));
        if (this.waitSeconds() === 0) {
          this.announce('certificates.verify.tryNow');
        }
      });
  }
}

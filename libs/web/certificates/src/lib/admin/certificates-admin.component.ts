import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  type AuthoringCourseSummary,
  CERTIFICATE_STATUSES,
  CERTIFICATE_VERIFY_PAGE,
  type CertificateStatus,
  type CertificateView,
  type ProblemDetails,
} from '@siantar/contracts';
import {
  LanguageService,
  ProblemAlertComponent,
  ReasonDialogComponent,
  type ReasonDialogData,
  TableRegionComponent,
  confirmAction,
  toProblem,
} from '@siantar/web-core';
import {
  type Observable,
  type Subscription,
  debounceTime,
  distinctUntilChanged,
  filter,
  map,
  timer,
} from 'rxjs';
import {
  type AdminCertificateFilter,
  CertificatesAdminApi,
  CertificatesApi,
} from '../api/certificates.api';
import { dateRange, wibDate } from '../shared/dates';
import { PdfDownloads } from '../shared/download';
import { CERTIFICATE_PDF_POLL_LIMIT, CERTIFICATE_PDF_POLL_MS } from '../shared/tokens';
import { CertificateStatusComponent } from '../ui/certificate-status.component';
import { CertificateExportComponent } from './certificate-export.component';

export const SEARCH_DEBOUNCE_MS = 300;
/** The API's rule for a revocation reason. */
export const REVOKE_REASON_MIN = 5;

/**
 * Admin › Sertifikat (`/admin/sertifikat`): the certificates in the admin's reach, per course
 * or all, by status and a search on name, NIP or number; each downloadable, re-issued after a
 * confirmation or revoked with a reason. A chosen course can be downloaded whole as a zip.
 */
@Component({
  selector: 'sb-certificates-admin',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTooltipModule,
    TranslatePipe,
    ProblemAlertComponent,
    TableRegionComponent,
    CertificateStatusComponent,
    CertificateExportComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ 'certificates.admin.title' | translate }}</h1>
        <p class="sb-lead">{{ 'certificates.admin.lead' | translate }}</p>
      </div>
      <a mat-stroked-button routerLink="/admin/sertifikat/templat" data-testid="to-template">
        <mat-icon svgIcon="sbc-template" aria-hidden="true" />
        {{ 'certificates.template.title' | translate }}
      </a>
    </div>

    <div
      class="sb-filters"
      role="search"
      [attr.aria-label]="'certificates.admin.filters' | translate"
    >
      <mat-form-field>
        <mat-label>{{ 'certificates.admin.course' | translate }}</mat-label>
        <mat-select
          [value]="courseId()"
          (selectionChange)="setCourse($event.value)"
          data-testid="filter-course"
        >
          <mat-option value="">{{ 'certificates.admin.allCourses' | translate }}</mat-option>
          @for (c of courses(); track c.courseId) {
            <mat-option [value]="c.courseId">
              {{ c.title }} <span class="sb-muted">· {{ c.code }}</span>
            </mat-option>
          }
        </mat-select>
        @if (coursesProblem()) {
          <mat-hint class="sb-error-text">{{
            'certificates.admin.coursesFailed' | translate
          }}</mat-hint>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'certificates.admin.status' | translate }}</mat-label>
        <mat-select
          [value]="status()"
          (selectionChange)="setStatus($event.value)"
          data-testid="filter-status"
        >
          <mat-option value="">{{ 'certificates.admin.allStatuses' | translate }}</mat-option>
          @for (s of statuses; track s) {
            <mat-option [value]="s">{{ 'certificates.status.' + s | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'certificates.admin.search' | translate }}</mat-label>
        <input matInput type="search" [formControl]="search" data-testid="filter-q" />
        <mat-hint>{{ 'certificates.admin.searchHint' | translate }}</mat-hint>
      </mat-form-field>
    </div>

    @if (course(); as c) {
      <sb-certificate-export [courseId]="c.courseId" [courseTitle]="c.title" />
    }

    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (problem(); as p) {
      <sb-problem-alert [problem]="p" />
      <button mat-stroked-button type="button" (click)="reload()" data-testid="list-retry">
        {{ 'certificates.retry' | translate }}
      </button>
    }
    @if (actionProblem(); as ap) {
      <sb-problem-alert [problem]="ap" />
    }
    @if (downloads.problem(); as d) {
      <p class="sb-error-text" data-testid="download-failed">
        {{ 'certificates.downloadFailed' | translate: { number: d.registerNumber } }}
      </p>
      <sb-problem-alert [problem]="d.problem" />
    }

    <p class="sb-summary" aria-live="polite" data-testid="list-count">
      @if (loaded() && !problem()) {
        {{ 'certificates.admin.count' | translate: { count: total() } }}
      }
    </p>

    @if (loaded() && !loading() && !problem() && items().length === 0) {
      <p class="sb-empty" data-testid="list-empty">
        {{
          (filtered() ? 'certificates.admin.emptyFiltered' : 'certificates.admin.empty') | translate
        }}
      </p>
    }

    @if (items().length > 0) {
      <sb-table-region [label]="'certificates.admin.tableLabel' | translate">
        <table class="sb-table sb-cert-table">
          <thead>
            <tr>
              <th scope="col">{{ 'certificates.field.registerNumber' | translate }}</th>
              <th scope="col">{{ 'certificates.field.learner' | translate }}</th>
              <th scope="col">{{ 'certificates.admin.programme' | translate }}</th>
              <th scope="col">{{ 'certificates.field.issuedOn' | translate }}</th>
              <th scope="col">{{ 'certificates.field.jp' | translate }}</th>
              <th scope="col">{{ 'certificates.admin.statusCol' | translate }}</th>
              <th scope="col">{{ 'common.actions' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (c of items(); track c.id) {
              <tr data-testid="cert-row" [attr.data-status]="c.status">
                <td class="sb-mono">
                  <a [href]="verifyPage + '/' + c.code" target="_blank" rel="noopener">{{
                    c.registerNumber
                  }}</a>
                </td>
                <td>
                  <div class="sb-strong">{{ c.learner.name }}</div>
                  <div class="sb-muted">{{ c.learner.nip ?? '—' }}</div>
                  <div class="sb-muted">{{ c.learner.opdName }}</div>
                </td>
                <td>
                  <div>{{ c.title }}</div>
                  <div class="sb-muted">
                    {{ 'certificates.kind.' + c.kind | translate }} · {{ range(c) }}
                  </div>
                </td>
                <td>
                  {{ day(c.issuedAt) }}
                  @if (c.reissuedAt) {
                    <div class="sb-muted">
                      {{
                        'certificates.reissuedOn'
                          | translate: { date: day(c.reissuedAt), count: c.reissueCount }
                      }}
                    </div>
                  }
                </td>
                <td>{{ c.jp }}</td>
                <td>
                  <sb-certificate-status [status]="c.status" />
                  @if (c.status === 'revoked') {
                    <div class="sb-muted" data-testid="row-revocation">
                      {{ c.revokedAt ? day(c.revokedAt) : '' }}
                      @if (c.revokeReason) {
                        · {{ c.revokeReason }}
                      }
                    </div>
                  }
                  @if (!c.pdfReady) {
                    <div class="sb-muted" data-testid="row-pdf-pending">
                      {{ 'certificates.pdfPending' | translate }}
                    </div>
                  }
                </td>
                <td>
                  <div class="sb-cert-row-actions">
                    <button
                      mat-icon-button
                      type="button"
                      (click)="downloads.start(c)"
                      [disabled]="!c.pdfReady || downloads.busy(c.id)"
                      [attr.aria-label]="
                        'certificates.admin.downloadOne' | translate: { number: c.registerNumber }
                      "
                      [matTooltip]="'certificates.download' | translate"
                      data-testid="row-download"
                    >
                      <mat-icon svgIcon="download" aria-hidden="true" />
                    </button>
                    <!-- A revoked certificate is neither re-issued nor revoked again (the api refuses). -->
                    @if (c.status === 'valid') {
                      <button
                        mat-icon-button
                        type="button"
                        (click)="reissue(c)"
                        [disabled]="acting() === c.id"
                        [attr.aria-label]="
                          'certificates.admin.reissueOne' | translate: { number: c.registerNumber }
                        "
                        [matTooltip]="'certificates.admin.reissue' | translate"
                        data-testid="row-reissue"
                      >
                        <mat-icon svgIcon="sbc-reissue" aria-hidden="true" />
                      </button>
                      <button
                        mat-icon-button
                        type="button"
                        (click)="revoke(c)"
                        [disabled]="acting() === c.id"
                        [attr.aria-label]="
                          'certificates.admin.revokeOne' | translate: { number: c.registerNumber }
                        "
                        [matTooltip]="'certificates.admin.revoke' | translate"
                        data-testid="row-revoke"
                      >
                        <mat-icon svgIcon="sbc-revoked" aria-hidden="true" />
                      </button>
                    }
                  </div>
                  @if (downloads.busy(c.id)) {
                    <mat-progress-bar
                      [mode]="downloads.progress(c.id) === null ? 'indeterminate' : 'determinate'"
                      [value]="downloads.progress(c.id) ?? 0"
                      [attr.aria-label]="'certificates.downloadProgress' | translate"
                      data-testid="row-download-progress"
                    />
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </sb-table-region>
    }

    @if (moreProblem(); as mp) {
      <sb-problem-alert [problem]="mp" />
    }
    @if (nextBefore() && !problem()) {
      <div class="sb-cert-more">
        <button
          mat-stroked-button
          type="button"
          (click)="loadMore()"
          [disabled]="loadingMore() || loading()"
          data-testid="list-more"
        >
          {{ 'certificates.admin.more' | translate }}
        </button>
        @if (loadingMore()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
        }
      </div>
    }
  `,
  styles: `
    sb-certificate-export {
      display: block;
      margin-bottom: 16px;
    }
    .sb-cert-table {
      min-width: 960px;
      border-collapse: collapse;
      th {
        text-align: start;
        font: var(--mat-sys-title-small);
        padding-inline: 12px;
      }
      td {
        padding-inline: 12px;
        vertical-align: top;
        border-top: 1px solid var(--mat-sys-outline-variant);
        overflow-wrap: anywhere;
      }
      tr[data-status='revoked'] td:first-child {
        border-inline-start: 4px solid var(--mat-sys-error);
      }
    }
    .sb-cert-row-actions {
      display: flex;
      flex-wrap: nowrap;
    }
    .sb-cert-more {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      margin-top: 16px;
      mat-progress-bar {
        max-width: 240px;
      }
    }
  `,
})
export class CertificatesAdminComponent {
  private readonly api = inject(CertificatesAdminApi);
  private readonly certificates = inject(CertificatesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  private readonly pollMs = inject(CERTIFICATE_PDF_POLL_MS);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly verifyPage = CERTIFICATE_VERIFY_PAGE;
  protected readonly statuses = CERTIFICATE_STATUSES;
  protected readonly courses = signal<AuthoringCourseSummary[]>([]);
  protected readonly coursesProblem = signal<ProblemDetails | null>(null);
  protected readonly courseId = signal('');
  protected readonly status = signal<CertificateStatus | ''>('');
  protected readonly search = new FormControl('', { nonNullable: true });
  private readonly q = signal('');
  protected readonly course = computed(
    () => this.courses().find((c) => c.courseId === this.courseId()) ?? null,
  );
  protected readonly filtered = computed(() => !!(this.courseId() || this.status() || this.q()));

  protected readonly items = signal<CertificateView[]>([]);
  protected readonly total = signal(0);
  protected readonly nextBefore = signal<string | null>(null);
  protected readonly loaded = signal(false);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly loadingMore = signal(false);
  protected readonly moreProblem = signal<ProblemDetails | null>(null);
  /** The certificate being revoked or re-issued. */
  protected readonly acting = signal<string | null>(null);
  protected readonly actionProblem = signal<ProblemDetails | null>(null);
  protected readonly downloads = new PdfDownloads(this.certificates, this.destroyRef);

  private request: Subscription | null = null;
  /** Re-issued certificates whose new PDF is awaited. */
  private readonly pdfPolls = new Map<string, Subscription>();

  constructor() {
    this.api
      .courses()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (courses) =>
          this.courses.set([...courses].sort((a, b) => a.title.localeCompare(b.title, 'id'))),
        error: (error: unknown) => this.coursesProblem.set(toProblem(error)),
      });
    this.search.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((v) => v.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => {
        this.q.set(q);
        this.reload();
      });
    this.destroyRef.onDestroy(() => {
      this.request?.unsubscribe();
      this.pdfPolls.forEach((s) => s.unsubscribe());
    });
    this.reload();
  }

  protected setCourse(id: string): void {
    this.courseId.set(id);
    this.reload();
  }

  protected setStatus(status: CertificateStatus | ''): void {
    this.status.set(status);
    this.reload();
  }

  protected range(c: CertificateView): string {
    return dateRange(c.startDate, c.endDate, this.language.current());
  }

  protected day(iso: string): string {
    return wibDate(iso, this.language.current());
  }

  /** The first page for the current filter. */
  protected reload(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.loadingMore.set(false);
    this.problem.set(null);
    this.moreProblem.set(null);
    this.request = this.api.list(this.filter()).subscribe({
      next: (page) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.items.set(page.items);
        this.total.set(page.total);
        this.nextBefore.set(page.nextBefore);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.items.set([]);
        this.total.set(0);
        this.nextBefore.set(null);
        this.problem.set(toProblem(error));
      },
    });
  }

  protected loadMore(): void {
    const before = this.nextBefore();
    if (!before || this.loadingMore() || this.loading()) {
      return;
    }
    this.loadingMore.set(true);
    this.moreProblem.set(null);
    this.request = this.api.list({ ...this.filter(), before }).subscribe({
      next: (page) => {
        this.loadingMore.set(false);
        const known = new Set(this.items().map((c) => c.id));
        this.items.update((items) => [...items, ...page.items.filter((c) => !known.has(c.id))]);
        this.total.set(page.total);
        this.nextBefore.set(page.nextBefore);
      },
      error: (error: unknown) => {
        this.loadingMore.set(false);
        this.moreProblem.set(toProblem(error));
      },
    });
  }

  protected revoke(c: CertificateView): void {
    this.dialog
      .open<ReasonDialogComponent, ReasonDialogData, string>(ReasonDialogComponent, {
        data: {
          title: 'certificates.admin.revokeTitle',
          label: 'certificates.admin.revokeReason',
          confirm: 'certificates.admin.revokeYes',
          context: this.translate.instant('certificates.admin.revokeContext', {
            number: c.registerNumber,
            name: c.learner.name,
            title: c.title,
          }) as string,
          minLength: REVOKE_REASON_MIN,
          required: true,
        },
      })
      .afterClosed()
      .pipe(filter((reason): reason is string => typeof reason === 'string' && reason.length > 0))
      .subscribe((reason) =>
        this.act(c, this.api.revoke(c.id, reason), 'certificates.admin.revoked'),
      );
  }

  protected reissue(c: CertificateView): void {
    confirmAction(this.dialog, {
      title: 'certificates.admin.reissueTitle',
      message: 'certificates.admin.reissueMessage',
      params: { number: c.registerNumber, name: c.learner.name },
      confirm: 'certificates.admin.reissueYes',
    }).subscribe((yes) => {
      if (yes) {
        this.act(c, this.api.reissue(c.id), 'certificates.admin.reissued');
      }
    });
  }

  private act(c: CertificateView, request: Observable<CertificateView>, done: string): void {
    this.acting.set(c.id);
    this.actionProblem.set(null);
    request.subscribe({
      next: (updated) => {
        this.acting.set(null);
        this.replace(updated);
        this.snackBar.open(
          this.translate.instant(done, { number: updated.registerNumber }) as string,
          this.translate.instant('common.close') as string,
          { duration: 5000, politeness: 'polite' },
        );
        if (!updated.pdfReady) {
          this.awaitPdf(updated.id);
        }
      },
      error: (error: unknown) => {
        this.acting.set(null);
        this.actionProblem.set(toProblem(error));
      },
    });
  }

  private replace(updated: CertificateView): void {
    this.items.update((items) => items.map((c) => (c.id === updated.id ? updated : c)));
  }

  /** Asks for the certificate again until its new PDF is there (a few seconds). */
  private awaitPdf(id: string, tries = 0): void {
    this.pdfPolls.get(id)?.unsubscribe();
    if (tries >= CERTIFICATE_PDF_POLL_LIMIT) {
      return;
    }
    this.pdfPolls.set(
      id,
      timer(this.pollMs).subscribe(() => {
        this.pdfPolls.set(
          id,
          this.certificates.one(id).subscribe({
            next: (c) => {
              this.replace(c);
              if (c.pdfReady) {
                this.pdfPolls.delete(id);
              } else {
                this.awaitPdf(id, tries + 1);
              }
            },
            error: () => this.pdfPolls.delete(id),
          }),
        );
      }),
    );
  }

  private filter(): AdminCertificateFilter {
    return {
      courseId: this.courseId() || null,
      status: this.status() || null,
      q: this.q() || null,
    };
  }
}

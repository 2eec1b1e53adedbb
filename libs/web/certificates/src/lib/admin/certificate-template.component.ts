import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  CERTIFICATE_NUMBER_FORMAT,
  type CertificateTemplateRequest,
  type CertificateTemplateView,
  type OrgUnitResponse,
  type ProblemDetails,
} from '@siantar/contracts';
import {
  AuthService,
  OrgUnitsApi,
  ProblemAlertComponent,
  SERVER_ERROR,
  applyProblemToForm,
  confirmAction,
  controlErrorMessage,
  fieldErrors,
  toProblem,
} from '@siantar/web-core';
import type { Subscription } from 'rxjs';
import { CertificatesAdminApi } from '../api/certificates.api';
import { ImageUploadComponent, type UploadedImage } from './image-upload.component';

/** Units an admin may pick: those under their admin scope (all for a scope-less or root admin). */
export function unitsInReach(
  units: readonly OrgUnitResponse[],
  scopeId: string | null | undefined,
): OrgUnitResponse[] {
  if (!scopeId || !units.some((u) => u.id === scopeId)) {
    return [...units];
  }
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const within = (id: string | null): boolean => {
    for (let at = id, hops = 0; at && hops < 100; at = parent.get(at) ?? null, hops++) {
      if (at === scopeId) {
        return true;
      }
    }
    return false;
  };
  return units.filter((u) => within(u.id));
}

/** Breadcrumb order: the root first, each unit after its parent. */
function byPath(a: OrgUnitResponse, b: OrgUnitResponse): number {
  return a.path.join(' / ').localeCompare(b.path.join(' / '), 'id');
}

/**
 * Admin › Sertifikat › Templat (`/admin/sertifikat/templat`): the certificate template of an
 * issuing unit (its own, inherited from a parent unit, or the built-in one): heading, intro,
 * issuer, place, signatory, logo and signature images, the register number format with the
 * next number it gives, and a sketch of the page as the fields are typed.
 */
@Component({
  selector: 'sb-certificate-template',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
    ImageUploadComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink="/admin/sertifikat">
      <mat-icon svgIcon="sbc-back" aria-hidden="true" />
      {{ 'certificates.admin.title' | translate }}
    </a>
    <h1 class="sb-page-title">{{ 'certificates.template.title' | translate }}</h1>
    <p class="sb-lead">{{ 'certificates.template.lead' | translate }}</p>

    <div class="sb-filters">
      <mat-form-field>
        <mat-label>{{ 'certificates.template.unit' | translate }}</mat-label>
        <mat-select [formControl]="unitControl" data-testid="template-unit">
          @for (u of units(); track u.id) {
            <mat-option [value]="u.id">{{ u.path.join(' › ') }}</mat-option>
          }
        </mat-select>
        <mat-hint>{{ 'certificates.template.unitHint' | translate }}</mat-hint>
      </mat-form-field>
    </div>
    <sb-problem-alert [problem]="unitsProblem()" />

    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (loadProblem(); as lp) {
      <sb-problem-alert [problem]="lp" />
      <button mat-stroked-button type="button" (click)="load()" data-testid="template-retry">
        {{ 'certificates.retry' | translate }}
      </button>
    }

    @if (view(); as v) {
      <p class="sb-cert-source" data-testid="template-source" [attr.data-source]="v.source">
        @switch (v.source) {
          @case ('own') {
            {{ 'certificates.template.source.own' | translate: { unit: v.orgUnitName } }}
          }
          @case ('inherited') {
            {{
              'certificates.template.source.inherited'
                | translate: { unit: v.orgUnitName, from: v.templateOrgUnitName }
            }}
          }
          @default {
            {{ 'certificates.template.source.default' | translate: { unit: v.orgUnitName } }}
          }
        }
      </p>

      <div class="sb-two-columns">
        <form
          [formGroup]="form"
          (ngSubmit)="save()"
          novalidate
          class="sb-form"
          data-testid="template-form"
        >
          <div class="sb-form-grid">
            <mat-form-field class="sb-form-wide">
              <mat-label>{{ 'certificates.template.field.title' | translate }}</mat-label>
              <input matInput formControlName="title" maxlength="120" required />
              <mat-error>{{ error(form.controls.title) }}</mat-error>
            </mat-form-field>
            <mat-form-field class="sb-form-wide">
              <mat-label>{{ 'certificates.template.field.introText' | translate }}</mat-label>
              <textarea
                matInput
                formControlName="introText"
                rows="2"
                maxlength="300"
                required
              ></textarea>
              <mat-error>{{ error(form.controls.introText) }}</mat-error>
            </mat-form-field>
            <mat-form-field class="sb-form-wide">
              <mat-label>{{ 'certificates.template.field.issuerName' | translate }}</mat-label>
              <input matInput formControlName="issuerName" maxlength="200" required />
              <mat-error>{{ error(form.controls.issuerName) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'certificates.template.field.place' | translate }}</mat-label>
              <input matInput formControlName="place" maxlength="80" required />
              <mat-error>{{ error(form.controls.place) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'certificates.template.field.numberFormat' | translate }}</mat-label>
              <input
                matInput
                class="sb-mono"
                formControlName="numberFormat"
                maxlength="80"
                required
                data-testid="template-number-format"
              />
              <mat-hint>{{ 'certificates.template.numberHint' | translate }}</mat-hint>
              <mat-error>{{ error(form.controls.numberFormat) }}</mat-error>
            </mat-form-field>
          </div>
          <p class="sb-muted" data-testid="template-number-preview">
            {{ 'certificates.template.numberPreview' | translate: { number: v.numberPreview } }}
            @if (form.controls.numberFormat.value !== v.fields.numberFormat) {
              {{ 'certificates.template.numberPreviewAfterSave' | translate }}
            }
          </p>

          <h2>{{ 'certificates.template.signatory' | translate }}</h2>
          <div class="sb-form-grid">
            <mat-form-field>
              <mat-label>{{ 'certificates.template.field.signatoryName' | translate }}</mat-label>
              <input matInput formControlName="signatoryName" maxlength="150" required />
              <mat-error>{{ error(form.controls.signatoryName) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'certificates.template.field.signatoryNip' | translate }}</mat-label>
              <input
                matInput
                formControlName="signatoryNip"
                inputmode="numeric"
                maxlength="18"
                data-testid="template-nip"
              />
              <mat-hint>{{ 'certificates.template.nipHint' | translate }}</mat-hint>
              <mat-error>{{ error(form.controls.signatoryNip) }}</mat-error>
            </mat-form-field>
            <mat-form-field class="sb-form-wide">
              <mat-label>{{
                'certificates.template.field.signatoryPosition' | translate
              }}</mat-label>
              <input matInput formControlName="signatoryPosition" maxlength="200" required />
              <mat-error>{{ error(form.controls.signatoryPosition) }}</mat-error>
            </mat-form-field>
          </div>

          <div class="sb-cert-images">
            <div>
              <sb-cert-image-upload
                label="certificates.template.logo"
                [imageUrl]="logoUrl()"
                (uploaded)="setImage('logo', $event)"
                (removed)="setImage('logo', null)"
                data-testid="template-logo"
              />
              @for (e of imageErrors('logoFileId'); track e) {
                <p class="sb-error-text" data-testid="logo-error">{{ e }}</p>
              }
            </div>
            <div>
              <sb-cert-image-upload
                label="certificates.template.signature"
                hint="certificates.template.signatureHint"
                [imageUrl]="signatureUrl()"
                (uploaded)="setImage('signature', $event)"
                (removed)="setImage('signature', null)"
                data-testid="template-signature"
              />
              @for (e of imageErrors('signatureFileId'); track e) {
                <p class="sb-error-text" data-testid="signature-error">{{ e }}</p>
              }
            </div>
          </div>

          <sb-problem-alert [problem]="saveProblem()" />
          <div class="sb-actions">
            <button mat-flat-button type="submit" [disabled]="saving()" data-testid="template-save">
              {{ 'certificates.template.save' | translate }}
            </button>
            @if (v.source === 'own') {
              <button
                mat-stroked-button
                type="button"
                (click)="reset()"
                [disabled]="saving()"
                data-testid="template-reset"
              >
                {{ 'certificates.template.reset' | translate }}
              </button>
            }
          </div>
          @if (v.updatedAt && v.source === 'own') {
            <p class="sb-muted">{{ 'certificates.template.ownNote' | translate }}</p>
          }
        </form>

        <aside class="sb-side-card" [attr.aria-labelledby]="'cert-preview-title'">
          <h2 id="cert-preview-title">{{ 'certificates.template.preview' | translate }}</h2>
          <p class="sb-muted">{{ 'certificates.template.previewNote' | translate }}</p>
          <div class="sb-cert-sheet" data-testid="template-preview" aria-hidden="true">
            @if (logoUrl(); as logo) {
              <img class="sb-cert-logo" [src]="logo" alt="" />
            }
            <div class="sb-cert-issuer">{{ preview().issuerName }}</div>
            <div class="sb-cert-title">{{ preview().title }}</div>
            <div class="sb-cert-number sb-mono">
              {{ 'certificates.template.sheetNumber' | translate: { number: v.numberPreview } }}
            </div>
            <div>{{ preview().introText }}</div>
            <div class="sb-cert-learner">
              {{ 'certificates.template.sheetLearner' | translate }}
            </div>
            <div class="sb-muted">{{ 'certificates.template.sheetBody' | translate }}</div>
            <div class="sb-cert-sign">
              <div>{{ preview().place }}, {{ 'certificates.template.sheetDate' | translate }}</div>
              <div>{{ preview().signatoryPosition }}</div>
              <div class="sb-cert-signature">
                @if (signatureUrl(); as sig) {
                  <img [src]="sig" alt="" />
                }
              </div>
              <div class="sb-strong">{{ preview().signatoryName }}</div>
              @if (preview().signatoryNip) {
                <div>NIP {{ preview().signatoryNip }}</div>
              }
            </div>
          </div>
        </aside>
      </div>
    }
  `,
  styles: `
    .sb-cert-source {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 8px;
    }
    .sb-cert-images {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 240px), 1fr));
      gap: 16px;
      margin-bottom: 8px;
    }
    .sb-cert-sheet {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 6px;
      padding: 20px;
      aspect-ratio: 297 / 210;
      box-sizing: border-box;
      overflow: hidden;
      border: 6px double var(--mat-sys-outline);
      background: #fff;
      color: #222;
      font-size: 11px;
      text-align: center;
      overflow-wrap: anywhere;
    }
    .sb-cert-logo {
      max-height: 40px;
      max-width: 80px;
      object-fit: contain;
    }
    .sb-cert-issuer {
      font-weight: 600;
    }
    .sb-cert-title {
      font-size: 16px;
      font-weight: 700;
      letter-spacing: 0.04em;
    }
    .sb-cert-learner {
      font-size: 14px;
      font-weight: 700;
    }
    .sb-cert-sign {
      align-self: flex-end;
      margin-top: auto;
      text-align: center;
      max-width: 55%;
    }
    .sb-cert-signature {
      height: 32px;
      img {
        max-height: 32px;
        max-width: 100%;
        object-fit: contain;
      }
    }
  `,
})
export class CertificateTemplateComponent {
  private readonly api = inject(CertificatesAdminApi);
  private readonly orgUnits = inject(OrgUnitsApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  protected readonly units = signal<OrgUnitResponse[]>([]);
  protected readonly unitsProblem = signal<ProblemDetails | null>(null);
  protected readonly unitId = signal<string | null>(null);
  /** The unit select; set back without an event when leaving unsaved changes is declined. */
  protected readonly unitControl = new FormControl<string | null>(null);
  protected readonly view = signal<CertificateTemplateView | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<ProblemDetails | null>(null);
  /** Previews of images uploaded since the template was loaded (null: removed). */
  private readonly logoPreview = signal<string | null | undefined>(undefined);
  private readonly signaturePreview = signal<string | null | undefined>(undefined);

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(120)]],
    introText: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(300)]],
    issuerName: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(200)]],
    place: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(80)]],
    numberFormat: [
      '',
      [
        Validators.required,
        Validators.maxLength(80),
        Validators.pattern(CERTIFICATE_NUMBER_FORMAT),
      ],
    ],
    signatoryName: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(150)]],
    signatoryNip: ['', [Validators.pattern(/^\d{18}$/)]],
    signatoryPosition: [
      '',
      [Validators.required, Validators.minLength(3), Validators.maxLength(200)],
    ],
    logoFileId: [null as string | null],
    signatureFileId: [null as string | null],
  });

  /** Follows the typing, for the sketch of the page. */
  private readonly changes = toSignal(this.form.valueChanges, { initialValue: this.form.value });
  protected readonly preview = computed(() => {
    this.changes();
    return this.form.getRawValue();
  });

  protected readonly logoUrl = computed(() => {
    const local = this.logoPreview();
    return local === undefined ? (this.view()?.logoUrl ?? null) : local;
  });
  protected readonly signatureUrl = computed(() => {
    const local = this.signaturePreview();
    return local === undefined ? (this.view()?.signatureUrl ?? null) : local;
  });

  private request: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
    this.unitControl.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => {
      if (id) {
        this.pickUnit(id);
      }
    });
    this.orgUnits
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (units) => {
          const scopeId = this.auth.user()?.adminScope?.id ?? null;
          const reach = unitsInReach(units, scopeId).sort(byPath);
          this.units.set(reach);
          const first = reach.find((u) => u.id === scopeId) ?? reach[0];
          if (first) {
            this.unitId.set(first.id);
            this.unitControl.setValue(first.id, { emitEvent: false });
            this.load();
          }
        },
        error: (error: unknown) => this.unitsProblem.set(toProblem(error)),
      });
  }

  protected error(control: AbstractControl): string {
    const errors = control.errors;
    if (errors && !errors[SERVER_ERROR] && errors['pattern']) {
      return this.translate.instant(
        control === this.form.controls.signatoryNip
          ? 'validation.pattern.nip'
          : 'certificates.template.numberInvalid',
      ) as string;
    }
    return controlErrorMessage(control, this.translate);
  }

  /** The server's word on an image (e.g. a WebP the PDF cannot embed); it has no field to sit under. */
  protected imageErrors(field: 'logoFileId' | 'signatureFileId'): string[] {
    return fieldErrors(this.saveProblem(), field);
  }

  private pickUnit(id: string): void {
    if (id === this.unitId()) {
      return;
    }
    const previous = this.unitId();
    const go = (): void => {
      this.unitId.set(id);
      this.load();
    };
    if (!this.form.dirty) {
      go();
      return;
    }
    confirmAction(this.dialog, {
      title: 'certificates.template.discardTitle',
      message: 'certificates.template.discardMessage',
      confirm: 'certificates.template.discardYes',
    }).subscribe((yes) => {
      if (yes) {
        go();
      } else {
        // The select shows the unit still being edited.
        this.unitControl.setValue(previous, { emitEvent: false });
      }
    });
  }

  protected load(): void {
    const id = this.unitId();
    if (!id) {
      return;
    }
    this.request?.unsubscribe();
    this.loading.set(true);
    this.loadProblem.set(null);
    this.saveProblem.set(null);
    this.request = this.api.template(id).subscribe({
      next: (view) => {
        this.loading.set(false);
        this.show(view);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.view.set(null);
        this.loadProblem.set(toProblem(error));
      },
    });
  }

  protected setImage(which: 'logo' | 'signature', image: UploadedImage | null): void {
    const control =
      which === 'logo' ? this.form.controls.logoFileId : this.form.controls.signatureFileId;
    control.setValue(image?.fileId ?? null);
    control.markAsDirty();
    (which === 'logo' ? this.logoPreview : this.signaturePreview).set(image?.previewUrl ?? null);
  }

  protected save(): void {
    const id = this.unitId();
    if (!id || this.saving()) {
      return;
    }
    // The server's earlier word goes with a new attempt (it will say it again if it still holds):
    // an image field has no input to clear it from.
    Object.values(this.form.controls).forEach((c) =>
      c.updateValueAndValidity({ emitEvent: false }),
    );
    this.form.updateValueAndValidity({ emitEvent: false });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const raw = this.form.getRawValue();
    const body: CertificateTemplateRequest = {
      ...raw,
      signatoryNip: raw.signatoryNip.trim() || null,
    };
    this.saving.set(true);
    this.saveProblem.set(null);
    this.api.saveTemplate(id, body).subscribe({
      next: (view) => {
        this.saving.set(false);
        this.show(view);
        this.notify('certificates.template.saved', view.orgUnitName);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = toProblem(error);
        applyProblemToForm(this.form, problem);
        this.saveProblem.set(problem);
      },
    });
  }

  /** Drops the unit's own template after a confirmation; the inherited one applies again. */
  protected reset(): void {
    const id = this.unitId();
    const view = this.view();
    if (!id || !view) {
      return;
    }
    confirmAction(this.dialog, {
      title: 'certificates.template.resetTitle',
      message: 'certificates.template.resetMessage',
      params: { unit: view.orgUnitName },
      confirm: 'certificates.template.resetYes',
    }).subscribe((yes) => {
      if (!yes) {
        return;
      }
      this.saving.set(true);
      this.saveProblem.set(null);
      this.api.resetTemplate(id).subscribe({
        next: (next) => {
          this.saving.set(false);
          this.show(next);
          this.notify('certificates.template.resetDone', next.orgUnitName);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.saveProblem.set(toProblem(error));
        },
      });
    });
  }

  private show(view: CertificateTemplateView): void {
    this.view.set(view);
    this.logoPreview.set(undefined);
    this.signaturePreview.set(undefined);
    this.form.reset({ ...view.fields, signatoryNip: view.fields.signatoryNip ?? '' });
  }

  private notify(key: string, unit: string): void {
    this.snackBar.open(
      this.translate.instant(key, { unit }) as string,
      this.translate.instant('common.close') as string,
      { duration: 5000, politeness: 'polite' },
    );
  }
}

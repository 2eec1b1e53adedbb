import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import type { ProblemDetails } from '@siantar/contracts';
import { UploadsApi } from '@siantar/web-authoring';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import type { Subscription } from 'rxjs';

/** What the API takes for a logo or a signature (PNG or JPEG). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg'];

export interface UploadedImage {
  fileId: string;
  /** A local URL of the picked file, for the preview until the template is saved. */
  previewUrl: string;
}

let nextId = 0;

/**
 * An image of the template (logo, signature): the current one, a file input that uploads at once
 * to POST /files (purpose `cover`) with its progress, and a button to remove it.
 */
@Component({
  selector: 'sb-cert-image-upload',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="sb-cert-image">
      <legend class="sb-file-label">{{ label() | translate }}</legend>
      <div class="sb-cert-image-box">
        @if (imageUrl(); as url) {
          <img [src]="url" [alt]="label() | translate" data-testid="image-preview" />
        } @else {
          <span class="sb-muted" data-testid="image-none">{{
            'certificates.template.noImage' | translate
          }}</span>
        }
      </div>
      <label class="sb-visually-hidden" [for]="inputId">{{ label() | translate }}</label>
      <input
        class="sb-file-input"
        type="file"
        [id]="inputId"
        accept="image/png,image/jpeg"
        [disabled]="busy()"
        [attr.aria-describedby]="inputId + '-hint'"
        (change)="onChange($event)"
        data-testid="image-input"
      />
      <span class="sb-muted" [id]="inputId + '-hint'">{{ hint() | translate }}</span>
      @if (busy()) {
        <div class="sb-progress" role="status">
          <mat-progress-bar
            mode="determinate"
            [value]="progress()"
            [attr.aria-label]="
              'certificates.template.uploading' | translate: { percent: progress() }
            "
          />
          <span>{{ 'certificates.template.uploading' | translate: { percent: progress() } }}</span>
        </div>
      }
      @if (imageUrl() && !busy()) {
        <button mat-button type="button" (click)="removed.emit()" data-testid="image-remove">
          <mat-icon svgIcon="sbc-delete" aria-hidden="true" />
          {{ 'certificates.template.removeImage' | translate }}
        </button>
      }
      @if (refusal(); as r) {
        <p class="sb-error-text" role="alert" data-testid="image-refused">{{ r | translate }}</p>
      }
      <sb-problem-alert [problem]="problem()" />
    </fieldset>
  `,
  styles: `
    .sb-cert-image {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
      margin: 0;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      min-width: 0;
    }
    .sb-cert-image-box {
      display: flex;
      align-items: center;
      justify-content: center;
      width: 160px;
      height: 96px;
      border-radius: 8px;
      background: repeating-conic-gradient(
          var(--mat-sys-surface-container) 0 25%,
          var(--mat-sys-surface) 0 50%
        )
        0 0 / 16px 16px;
      img {
        max-width: 100%;
        max-height: 100%;
        object-fit: contain;
      }
    }
  `,
})
export class ImageUploadComponent {
  private readonly api = inject(UploadsApi);

  /** Translation keys. */
  readonly label = input.required<string>();
  readonly hint = input('certificates.template.imageHint');
  /** The image shown now (the saved one, or the one just uploaded). */
  readonly imageUrl = input<string | null>(null);

  readonly uploaded = output<UploadedImage>();
  readonly removed = output<void>();

  protected readonly inputId = `sb-cert-image-${nextId++}`;
  protected readonly busy = signal(false);
  protected readonly progress = signal(0);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** Why a picked file was not sent (translation key). */
  protected readonly refusal = signal<string | null>(null);
  private subscription: Subscription | null = null;
  private readonly localUrls: string[] = [];

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.subscription?.unsubscribe();
      this.localUrls.forEach((u) => URL.revokeObjectURL(u));
    });
  }

  protected onChange(event: Event): void {
    const element = event.target as HTMLInputElement;
    const file = element.files?.[0];
    element.value = '';
    if (!file) {
      return;
    }
    this.problem.set(null);
    // The server decides by the bytes (and the size); an unknown browser type goes to it too.
    if (file.type && !IMAGE_TYPES.includes(file.type)) {
      this.refusal.set('certificates.template.imageType');
      return;
    }
    this.refusal.set(null);
    this.upload(file);
  }

  private upload(file: File): void {
    this.subscription?.unsubscribe();
    this.busy.set(true);
    this.progress.set(0);
    this.subscription = this.api.uploadFile(file, 'cover').subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          this.progress.set(event.total ? Math.round((100 * event.loaded) / event.total) : 0);
        } else if (event.type === HttpEventType.Response && event.body) {
          this.busy.set(false);
          this.progress.set(100);
          const previewUrl = URL.createObjectURL(file);
          this.localUrls.push(previewUrl);
          this.uploaded.emit({ fileId: event.body.id, previewUrl });
        }
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }
}

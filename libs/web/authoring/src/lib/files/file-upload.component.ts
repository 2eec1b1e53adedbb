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
import type { FilePurpose, ProblemDetails, StoredFileResponse } from '@siantar/contracts';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import type { Subscription } from 'rxjs';
import { UploadsApi } from '../api/authoring.api';

let nextId = 0;

/** A labelled file input that uploads at once to POST /files, with upload progress. */
@Component({
  selector: 'sb-file-upload',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-upload upload">
      <label class="sb-file-label" [for]="inputId">{{ label() | translate }}</label>
      <input
        class="sb-file-input"
        type="file"
        [id]="inputId"
        [accept]="accept()"
        [disabled]="disabled() || busy()"
        [attr.aria-describedby]="inputId + '-hint'"
        (change)="onChange($event)"
      />
      <span class="sb-muted" [id]="inputId + '-hint'">{{ hint() | translate }}</span>
      @if (busy()) {
        <div class="sb-progress" role="status">
          <mat-progress-bar
            mode="determinate"
            [value]="progress()"
            [attr.aria-label]="'authoring.upload.progressLabel' | translate"
          />
          <span>{{ 'authoring.upload.uploading' | translate: { percent: progress() } }}</span>
        </div>
      } @else if (uploadedName()) {
        <span role="status" data-testid="upload-done">{{
          'authoring.upload.done' | translate: { name: uploadedName() }
        }}</span>
      }
      <sb-problem-alert [problem]="problem()" />
    </div>
  `,
  styles: `
    .upload {
      margin-top: 8px;
    }
  `,
})
export class FileUploadComponent {
  private readonly api = inject(UploadsApi);

  readonly purpose = input.required<FilePurpose>();
  /** Translation key of the label. */
  readonly label = input.required<string>();
  readonly hint = input('');
  readonly accept = input('');
  readonly disabled = input(false);

  /** The picked file, before the upload (for a local preview). */
  readonly picked = output<File>();
  readonly uploaded = output<StoredFileResponse>();

  protected readonly inputId = `sb-file-upload-${nextId++}`;
  protected readonly busy = signal(false);
  protected readonly progress = signal(0);
  protected readonly uploadedName = signal('');
  protected readonly problem = signal<ProblemDetails | null>(null);
  private subscription: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
  }

  protected onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) {
      return;
    }
    this.picked.emit(file);
    this.upload(file);
  }

  private upload(file: File): void {
    this.subscription?.unsubscribe();
    this.busy.set(true);
    this.progress.set(0);
    this.problem.set(null);
    this.uploadedName.set('');
    this.subscription = this.api.uploadFile(file, this.purpose()).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          this.progress.set(event.total ? Math.round((100 * event.loaded) / event.total) : 0);
        } else if (event.type === HttpEventType.Response && event.body) {
          this.progress.set(100);
          this.busy.set(false);
          this.uploadedName.set(event.body.filename);
          this.uploaded.emit(event.body);
        }
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }
}

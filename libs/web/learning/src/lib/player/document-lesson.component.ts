import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { TranslatePipe } from '@ngx-translate/core';
import { sameOrigin } from './urls';

/** PDF/document: the browser's own viewer in an iframe (same-origin signed URL) plus a download link. */
@Component({
  selector: 'sb-document-lesson',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-actions sb-doc-actions">
      <a mat-stroked-button [href]="downloadUrl()" download data-testid="document-download">
        <mat-icon svgIcon="download" aria-hidden="true" />
        {{ 'learning.player.download' | translate: { name: filename() } }}
      </a>
      <a mat-button [href]="url()" target="_blank" rel="noopener">
        <mat-icon svgIcon="sbl-open" aria-hidden="true" />
        {{ 'learning.player.openNewTab' | translate }}
      </a>
    </div>
    @if (frameUrl(); as src) {
      <iframe class="sb-doc-frame" [src]="src" [title]="filename()"></iframe>
    }
  `,
  styles: `
    .sb-doc-actions {
      margin-bottom: 12px;
    }
    .sb-doc-frame {
      width: 100%;
      height: 75vh;
      min-height: 360px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
    }
  `,
})
export class DocumentLessonComponent {
  private readonly sanitizer = inject(DomSanitizer);
  readonly url = input.required<string>();
  readonly downloadUrl = input.required<string>();
  readonly filename = input('');

  /** Only our own signed URLs are framed. */
  protected readonly frameUrl = computed<SafeResourceUrl | null>(() =>
    sameOrigin(this.url()) ? this.sanitizer.bypassSecurityTrustResourceUrl(this.url()) : null,
  );
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { CertificateStatus } from '@siantar/contracts';

/** "Berlaku" or "Dicabut": an icon and the word, never the colour alone. */
@Component({
  selector: 'sb-certificate-status',
  imports: [MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'sb-chip sb-cert-status',
    '[class.sb-cert-valid]': "status() === 'valid'",
    '[class.sb-chip-error]': "status() === 'revoked'",
    '[attr.data-status]': 'status()',
  },
  template: `
    <mat-icon [svgIcon]="status() === 'valid' ? 'sbc-valid' : 'sbc-revoked'" aria-hidden="true" />
    <span>{{ 'certificates.status.' + status() | translate }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    :host.sb-cert-valid {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    mat-icon {
      width: 16px;
      height: 16px;
    }
  `,
})
export class CertificateStatusComponent {
  readonly status = input.required<CertificateStatus>();
}

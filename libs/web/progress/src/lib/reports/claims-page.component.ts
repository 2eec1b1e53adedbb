import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ClaimsReviewComponent } from '../team/claims-review.component';

/** `/laporan/klaim`: the training claims of an admin's reach. */
@Component({
  selector: 'sb-claims-page',
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslatePipe, ClaimsReviewComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink="/laporan">
      <mat-icon svgIcon="sbp-back" aria-hidden="true" />
      {{ 'progress.dashboard.title' | translate }}
    </a>
    <h1 class="sb-page-title">{{ 'progress.claims.toDecide' | translate }}</h1>
    <sb-claims-review />
  `,
})
export class ClaimsPageComponent {}

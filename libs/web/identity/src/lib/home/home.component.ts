import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthService } from '@siantar/web-core';

@Component({
  selector: 'sb-home',
  imports: [RouterLink, MatButtonModule, MatCardModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (auth.user(); as user) {
      <h1 class="sb-page-title">{{ 'home.welcome' | translate: { name: user.name } }}</h1>
      <p class="sb-lead">
        {{ 'home.orgUnit' | translate: { orgUnit: user.orgUnit.name } }}
      </p>
      <div class="sb-card-grid">
        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title>
              <h2>{{ 'home.profileCard.title' | translate }}</h2>
            </mat-card-title>
          </mat-card-header>
          <mat-card-content>
            <p>{{ user.position }}</p>
            <p>{{ 'home.profileCard.nip' | translate: { nip: user.nip } }}</p>
          </mat-card-content>
          <mat-card-actions>
            <a mat-button routerLink="/profil">{{ 'home.profileCard.action' | translate }}</a>
          </mat-card-actions>
        </mat-card>
        @if (auth.isAdmin()) {
          <mat-card appearance="outlined">
            <mat-card-header>
              <mat-card-title>
                <h2>{{ 'home.adminCard.title' | translate }}</h2>
              </mat-card-title>
            </mat-card-header>
            <mat-card-content>
              <p>{{ 'home.adminCard.body' | translate }}</p>
            </mat-card-content>
            <mat-card-actions>
              <a mat-button routerLink="/admin/pengguna">{{ 'nav.users' | translate }}</a>
              <a mat-button routerLink="/admin/unit-organisasi">{{ 'nav.orgUnits' | translate }}</a>
            </mat-card-actions>
          </mat-card>
        }
      </div>
    }
  `,
})
export class HomeComponent {
  protected readonly auth = inject(AuthService);
}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageSwitchComponent } from '@siantar/web-core';
import { SkipLinkComponent } from './skip-link.component';

/** Frame of the signed-out pages: app name, language switch, centred content. */
@Component({
  selector: 'sb-public-layout',
  imports: [
    RouterOutlet,
    MatToolbarModule,
    TranslatePipe,
    LanguageSwitchComponent,
    SkipLinkComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-skip-link target="sb-main" />
    <header>
      <mat-toolbar class="sb-toolbar">
        <span class="sb-brand">
          <img src="favicon.svg" alt="" width="28" height="28" />
          <span>{{ 'app.name' | translate }}</span>
        </span>
        <span class="sb-spacer"></span>
        <sb-language-switch />
      </mat-toolbar>
    </header>
    <main id="sb-main" class="sb-public-main" tabindex="-1">
      <p class="sb-tagline">{{ 'app.tagline' | translate }}</p>
      <router-outlet />
    </main>
  `,
})
export class PublicLayoutComponent {}

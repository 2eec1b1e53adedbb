import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { type MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { Role } from '@siantar/contracts';
import { ASSESSMENT_TRAINER_ROLES } from '@siantar/web-assessment';
import { AuthService, LanguageSwitchComponent } from '@siantar/web-core';
import { NotificationBellComponent, isCityWideAdmin } from '@siantar/web-notify';
import { filter, map } from 'rxjs';
import { SkipLinkComponent } from './skip-link.component';

export interface NavItem {
  path: string;
  label: string;
  icon: string;
  /** Shown only to users with this role; everyone when absent. */
  role?: Role;
  /** Shown only to users with at least one of these roles. */
  roles?: readonly Role[];
  /** Only for ASN (PNS, PPPK): the learning-hours ledger is theirs. */
  asnOnly?: boolean;
  /** Only for admins of the whole city (BKPSDM), not of one OPD. */
  cityWideOnly?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/beranda', label: 'nav.home', icon: 'home' },
  { path: '/belajar', label: 'learning.nav.myLearning', icon: 'sbl-school' },
  { path: '/belajar/jam-pelajaran', label: 'progress.nav.hours', icon: 'sbp-hours', asnOnly: true },
  { path: '/belajar/sertifikat', label: 'certificates.nav.mine', icon: 'sbc-certificate' },
  { path: '/katalog', label: 'learning.nav.catalog', icon: 'sbl-catalog' },
  { path: '/live', label: 'live.nav', icon: 'sbv-live' },
  {
    path: '/evaluasi/tindak-lanjut',
    label: 'evaluation.nav.myFollowUps',
    icon: 'sbe-follow-up',
  },
  { path: '/profil', label: 'nav.profile', icon: 'person' },
  {
    path: '/penulisan',
    label: 'authoring.nav',
    icon: 'edit-note',
    roles: ['trainer', 'partner', 'admin'],
  },
  {
    path: '/penilaian/bank-soal',
    label: 'assessment.nav.banks',
    icon: 'sba-bank',
    roles: ASSESSMENT_TRAINER_ROLES,
  },
  {
    path: '/penilaian/kuis',
    label: 'assessment.nav.quizzes',
    icon: 'sba-quiz',
    roles: ASSESSMENT_TRAINER_ROLES,
  },
  {
    path: '/penilaian/penilaian-esai',
    label: 'assessment.nav.grading',
    icon: 'sba-grading',
    roles: ASSESSMENT_TRAINER_ROLES,
  },
  { path: '/tim', label: 'progress.nav.team', icon: 'sbp-team', role: 'supervisor' },
  {
    path: '/evaluasi/tim',
    label: 'evaluation.nav.teamFollowUps',
    icon: 'sbe-team-check',
    role: 'supervisor',
  },
  { path: '/laporan', label: 'progress.nav.dashboard', icon: 'sbp-dashboard', role: 'admin' },
  { path: '/evaluasi', label: 'evaluation.nav.evaluation', icon: 'sbe-evaluation', role: 'admin' },
  { path: '/admin/pengguna', label: 'nav.users', icon: 'group', role: 'admin' },
  { path: '/admin/unit-organisasi', label: 'nav.orgUnits', icon: 'tree', role: 'admin' },
  {
    path: '/admin/sertifikat',
    label: 'certificates.nav.admin',
    icon: 'sbc-certificate',
    role: 'admin',
  },
  { path: '/admin/antrean', label: 'notify.ops.nav', icon: 'sbn-queues', role: 'admin' },
  {
    path: '/admin/notifikasi',
    label: 'notify.admin.nav.defaults',
    icon: 'sbn-bell',
    role: 'admin',
    cityWideOnly: true,
  },
  {
    path: '/admin/notifikasi/log',
    label: 'notify.admin.nav.log',
    icon: 'sbn-history',
    role: 'admin',
  },
];

/** Phones and small tablets get an overlay drawer opened from a menu button. */
const HANDSET_QUERY = '(max-width: 959.98px)';

@Component({
  selector: 'sb-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
    TranslatePipe,
    LanguageSwitchComponent,
    NotificationBellComponent,
    SkipLinkComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-skip-link target="sb-main" />
    <header>
      <mat-toolbar class="sb-toolbar">
        @if (handset()) {
          <button
            mat-icon-button
            type="button"
            (click)="drawer.toggle()"
            [attr.aria-label]="'nav.menu' | translate"
            [attr.aria-expanded]="drawer.opened"
            aria-controls="sb-nav"
          >
            <mat-icon svgIcon="menu" aria-hidden="true" />
          </button>
        }
        <a class="sb-brand" routerLink="/beranda">
          <img src="favicon.svg" alt="" width="28" height="28" />
          <span class="sb-brand-text">{{ 'app.name' | translate }}</span>
        </a>
        <span class="sb-spacer"></span>
        @if (auth.user(); as user) {
          <div class="sb-user sb-hide-narrow" data-testid="toolbar-user">
            <span class="sb-user-name">{{ user.name }}</span>
            <span class="sb-user-unit">{{ user.orgUnit.name }}</span>
          </div>
          <sb-notification-bell />
        }
        <sb-language-switch />
        <button
          mat-icon-button
          type="button"
          (click)="signOut()"
          [disabled]="signingOut()"
          [attr.aria-label]="'nav.signOut' | translate"
          [title]="'nav.signOut' | translate"
        >
          <mat-icon svgIcon="logout" aria-hidden="true" />
        </button>
      </mat-toolbar>
    </header>

    <mat-sidenav-container class="sb-container">
      <mat-sidenav
        #drawer
        id="sb-nav"
        class="sb-sidenav"
        [mode]="handset() ? 'over' : 'side'"
        [opened]="!handset()"
        [autoFocus]="handset() ? 'first-tabbable' : false"
      >
        <nav [attr.aria-label]="'nav.label' | translate">
          @if (auth.user(); as user) {
            <div class="sb-nav-user">
              <div class="sb-user-name">{{ user.name }}</div>
              <div class="sb-user-unit">{{ user.orgUnit.name }}</div>
            </div>
          }
          <mat-nav-list>
            @for (item of navItems(); track item.path) {
              <a
                mat-list-item
                [routerLink]="item.path"
                [attr.aria-current]="item.path === activePath() ? 'page' : null"
                [activated]="item.path === activePath()"
              >
                <mat-icon matListItemIcon [svgIcon]="item.icon" aria-hidden="true" />
                <span matListItemTitle>{{ item.label | translate }}</span>
              </a>
            }
          </mat-nav-list>
        </nav>
      </mat-sidenav>
      <mat-sidenav-content>
        <main id="sb-main" class="sb-main" tabindex="-1">
          <router-outlet />
        </main>
      </mat-sidenav-content>
    </mat-sidenav-container>
  `,
})
export class ShellComponent {
  protected readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly sidenav = viewChild.required<MatSidenav>('drawer');
  protected readonly signingOut = signal(false);

  protected readonly handset = toSignal(
    inject(BreakpointObserver)
      .observe(HANDSET_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url),
    ),
    { initialValue: this.router.url },
  );

  /** The most specific nav item the page belongs to (a ledger page is not also "my learning"). */
  protected activePath(): string | null {
    const path = (this.url() ?? '').split(/[?#]/)[0];
    return (
      this.navItems()
        .map((i) => i.path)
        .filter((p) => path === p || path.startsWith(`${p}/`))
        .sort((a, b) => b.length - a.length)[0] ?? null
    );
  }

  protected navItems(): NavItem[] {
    return NAV_ITEMS.filter(
      (item) =>
        (!item.role || this.auth.hasRole(item.role)) &&
        (!item.roles || item.roles.some((r) => this.auth.hasRole(r))) &&
        (!item.asnOnly || this.auth.user()?.employmentType !== 'NON_ASN') &&
        (!item.cityWideOnly || isCityWideAdmin(this.auth.user())),
    );
  }

  constructor() {
    // The overlay drawer closes after navigating on a phone.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        if (this.handset()) {
          void this.sidenav().close();
        }
      });
  }

  protected signOut(): void {
    this.signingOut.set(true);
    this.auth.logout().subscribe({
      complete: () => {
        this.signingOut.set(false);
        void this.router.navigateByUrl('/masuk');
      },
    });
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { Language } from '@siantar/contracts';
import { toProblem } from '../api/problem';
import { LanguageService } from './language.service';

@Component({
  selector: 'sb-language-switch',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-button
      type="button"
      class="language-button"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="'language.change' | translate"
      [disabled]="busy()"
    >
      <mat-icon svgIcon="translate" aria-hidden="true" />
      <span class="code">{{ 'language.short.' + language.current() | translate }}</span>
    </button>
    <mat-menu #menu="matMenu">
      @for (lang of language.languages; track lang) {
        <button
          mat-menu-item
          type="button"
          [attr.lang]="lang"
          [attr.aria-current]="lang === language.current() ? 'true' : null"
          (click)="choose(lang)"
        >
          {{ 'language.name.' + lang | translate }}
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .language-button {
      color: inherit;
    }
    .code {
      text-transform: uppercase;
    }
  `,
})
export class LanguageSwitchComponent {
  protected readonly language = inject(LanguageService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  protected readonly busy = signal(false);

  protected choose(lang: Language): void {
    if (lang === this.language.current()) {
      return;
    }
    this.busy.set(true);
    this.language.change(lang).subscribe({
      next: () => this.busy.set(false),
      error: (error: unknown) => {
        this.busy.set(false);
        const detail =
          toProblem(error).detail || (this.translate.instant('errors.generic') as string);
        this.snackBar.open(detail, this.translate.instant('common.close') as string, {
          duration: 6000,
        });
      },
    });
  }
}

import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/** "Skip to content": the first focusable element; moves focus to the main region. */
@Component({
  selector: 'sb-skip-link',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="sb-skip-link" [attr.href]="'#' + target()" (click)="skip($event)">
      {{ 'a11y.skipToContent' | translate }}
    </a>
  `,
})
export class SkipLinkComponent {
  readonly target = input.required<string>();
  private readonly document = inject(DOCUMENT);

  protected skip(event: Event): void {
    event.preventDefault();
    const main = this.document.getElementById(this.target());
    main?.focus();
    main?.scrollIntoView();
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import type { Scenario } from '@siantar/scenario';
import { confirmAction } from '@siantar/web-core';
import { type ImportReport, MAX_IMPORT_BYTES, readScenarioImport } from './scenario-file';

/**
 * Imports a scenario from a JSON file or pasted text: every error with its line, column and
 * path; the scenario replaces the one being edited only after a confirmation.
 */
@Component({
  selector: 'sb-scenario-import-dialog',
  imports: [
    FormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'simulation.editor.import.title' | translate }}</h2>
    <mat-dialog-content>
      <div class="file">
        <label class="sb-file-label" for="sb-scenario-import-file">{{
          'simulation.editor.import.file' | translate
        }}</label>
        <input
          id="sb-scenario-import-file"
          class="sb-file-input"
          type="file"
          accept=".json,application/json"
          (change)="onFile($event)"
        />
      </div>
      <mat-form-field>
        <mat-label>{{ 'simulation.editor.import.paste' | translate }}</mat-label>
        <textarea
          matInput
          rows="10"
          class="sb-mono"
          [ngModel]="text()"
          (ngModelChange)="text.set($event); report.set(null)"
          data-testid="import-text"
        ></textarea>
      </mat-form-field>
      <button
        mat-stroked-button
        type="button"
        (click)="check()"
        [disabled]="!text().trim()"
        data-testid="import-check"
      >
        {{ 'simulation.editor.import.check' | translate }}
      </button>
      @if (fileError(); as err) {
        <p class="sb-error-text" role="alert">{{ err | translate }}</p>
      }
      @if (report(); as r) {
        @if (r.ok) {
          <p class="ok" role="status" data-testid="import-ok">
            {{
              'simulation.editor.import.ok'
                | translate: { title: r.scenario.title, scenes: r.scenes, problems: r.problems }
            }}
          </p>
        } @else {
          <div role="alert" class="errors">
            <p>{{ 'simulation.editor.import.errors' | translate: { count: r.errors.length } }}</p>
            <ol>
              @for (e of r.errors; track $index) {
                <li data-testid="import-error">
                  <span class="where">
                    {{
                      'simulation.editor.import.at' | translate: { line: e.line, column: e.column }
                    }}
                    @if (e.path) {
                      <code class="sb-code">{{ e.path }}</code>
                    }
                  </span>
                  — {{ e.message }}
                  @if (e.excerpt) {
                    <pre class="excerpt" aria-hidden="true"
                      >{{ e.excerpt }}
{{ caret(e.caret) }}</pre>
                  }
                </li>
              }
            </ol>
          </div>
        }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
      <button
        mat-flat-button
        type="button"
        [disabled]="!ready()"
        (click)="replace()"
        data-testid="import-replace"
      >
        {{ 'simulation.editor.import.replace' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    mat-form-field {
      width: 100%;
    }
    .file {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-bottom: 8px;
    }
    mat-dialog-content > button {
      align-self: flex-start;
    }
    .ok {
      padding: 8px 12px;
      border-radius: 8px;
      background: #d8f5dc;
      color: #0f4a1b;
    }
    .errors {
      color: var(--mat-sys-on-surface);
    }
    .errors ol {
      padding-inline-start: 20px;
    }
    .where {
      font-weight: 600;
    }
    .excerpt {
      margin: 4px 0 8px;
      padding: 6px 8px;
      background: var(--mat-sys-surface-container-high);
      border-radius: 4px;
      overflow-x: auto;
      font-size: 12px;
    }
  `,
})
export class ScenarioImportDialogComponent {
  private readonly ref = inject(MatDialogRef<ScenarioImportDialogComponent, Scenario>);
  private readonly dialog = inject(MatDialog);

  protected readonly text = signal('');
  protected readonly report = signal<ImportReport | null>(null);
  protected readonly fileError = signal<string | null>(null);

  protected ready(): boolean {
    return this.report()?.ok === true;
  }

  protected caret(at: number): string {
    return `${' '.repeat(at)}^`;
  }

  protected onFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    this.fileError.set(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      this.fileError.set('simulation.editor.import.tooBig');
      return;
    }
    file.text().then(
      (text) => {
        this.text.set(text);
        this.check();
      },
      () => this.fileError.set('simulation.editor.import.unreadable'),
    );
  }

  protected check(): void {
    this.report.set(readScenarioImport(this.text()));
  }

  protected replace(): void {
    const r = this.report();
    if (!r?.ok) return;
    confirmAction(this.dialog, {
      title: 'simulation.editor.import.confirmTitle',
      message: 'simulation.editor.import.confirmMessage',
      params: { title: r.scenario.title },
      confirm: 'simulation.editor.import.replace',
    }).subscribe((yes) => {
      if (yes) this.ref.close(r.scenario);
    });
  }
}

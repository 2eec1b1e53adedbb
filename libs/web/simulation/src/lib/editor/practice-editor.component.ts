import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type MatSelect, MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { Competency, PracticeTask } from '@siantar/scenario';
import { confirmAction } from '@siantar/web-core';
import { EDITOR_FORM_STYLES } from './editor-styles';
import { FormPracticeEditorComponent } from './form-practice-editor.component';
import { optionalText } from './list-edit';
import { MenuPracticeEditorComponent } from './menu-practice-editor.component';
import { starterFormPractice, starterMenuPractice } from './starter-content';

type Kind = 'none' | PracticeTask['kind'];
/** What both kinds of practice share. */
type CommonPatch = Partial<
  Pick<PracticeTask, 'instructions' | 'appName' | 'competency' | 'penaltyPerMistake'>
>;

/**
 * A scene's practice task: none, a service form filled in from the citizen's documents, or
 * a path through an application's menus; with the instructions, the application's name and
 * what each mistake costs.
 */
@Component({
  selector: 'sb-practice-editor',
  imports: [
    FormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FormPracticeEditorComponent,
    MenuPracticeEditorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset>
      <legend>{{ 'simulation.editor.practice.title' | translate }}</legend>
      <mat-form-field>
        <mat-label>{{ 'simulation.editor.practice.kindLabel' | translate }}</mat-label>
        <mat-select
          #kindSelect
          [value]="practice()?.kind ?? 'none'"
          (valueChange)="setKind($event)"
          data-path="practice"
        >
          <mat-option value="none">{{
            'simulation.editor.practice.kind.none' | translate
          }}</mat-option>
          <mat-option value="form">{{
            'simulation.editor.practice.kind.form' | translate
          }}</mat-option>
          <mat-option value="menu-path">{{
            'simulation.editor.practice.kind.menu-path' | translate
          }}</mat-option>
        </mat-select>
        <mat-hint>{{ 'simulation.editor.practice.kindHint' | translate }}</mat-hint>
      </mat-form-field>
      @if (practice(); as p) {
        <mat-form-field>
          <mat-label>{{ 'simulation.editor.practice.instructions' | translate }}</mat-label>
          <textarea
            matInput
            rows="2"
            [ngModel]="p.instructions"
            (ngModelChange)="patch({ instructions: $event })"
            data-path="practice.instructions"
          ></textarea>
        </mat-form-field>
        <div class="grid">
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.practice.appName' | translate }}</mat-label>
            <input
              matInput
              [ngModel]="p.appName"
              (ngModelChange)="patch({ appName: $event })"
              data-path="practice.appName"
            />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.practice.competency' | translate }}</mat-label>
            <mat-select
              [value]="p.competency ?? ''"
              (valueChange)="patch({ competency: optional($event) })"
              data-path="practice.competency"
            >
              <mat-option value="">{{
                'simulation.editor.practice.noCompetency' | translate
              }}</mat-option>
              @for (c of competencies(); track c.key) {
                <mat-option [value]="c.key">{{ c.label || c.key }}</mat-option>
              }
              @if (p.competency && !known(p.competency)) {
                <mat-option [value]="p.competency"
                  >{{ p.competency }} ({{ 'simulation.editor.undefined' | translate }})</mat-option
                >
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.practice.penalty' | translate }}</mat-label>
            <input
              matInput
              type="number"
              min="0"
              [ngModel]="p.penaltyPerMistake ?? null"
              (ngModelChange)="setPenalty($event)"
              data-path="practice.penaltyPerMistake"
            />
            <mat-hint>{{ 'simulation.editor.practice.penaltyHint' | translate }}</mat-hint>
          </mat-form-field>
        </div>
        @if (p.kind === 'form') {
          <sb-form-practice-editor [practice]="p" (practiceChange)="practiceChange.emit($event)" />
        } @else {
          <sb-menu-practice-editor [practice]="p" (practiceChange)="practiceChange.emit($event)" />
        }
      }
    </fieldset>
  `,
  styles: EDITOR_FORM_STYLES,
})
export class PracticeEditorComponent {
  readonly practice = input<PracticeTask | undefined>(undefined);
  readonly competencies = input<Competency[]>([]);
  readonly practiceChange = output<PracticeTask | undefined>();

  private readonly dialog = inject(MatDialog);
  private readonly kindSelect = viewChild<MatSelect>('kindSelect');
  protected readonly optional = optionalText;

  protected known(key: string): boolean {
    return this.competencies().some((c) => c.key === key);
  }

  protected setKind(kind: Kind): void {
    const current = this.practice();
    if ((current?.kind ?? 'none') === kind) return;
    const apply = () =>
      this.practiceChange.emit(
        kind === 'none'
          ? undefined
          : kind === 'form'
            ? starterFormPractice()
            : starterMenuPractice(),
      );
    if (!current) return apply();
    confirmAction(this.dialog, {
      title: 'simulation.editor.practice.replaceTitle',
      message: 'simulation.editor.practice.replaceMessage',
      confirm: 'simulation.editor.practice.replaceConfirm',
    }).subscribe((yes) => {
      const select = this.kindSelect();
      if (yes) apply();
      else if (select) select.value = current.kind;
    });
  }

  protected patch(p: CommonPatch): void {
    const current = this.practice();
    if (!current) return;
    const next = { ...current, ...p } as PracticeTask;
    if (next.competency === undefined) delete next.competency;
    if (next.penaltyPerMistake === undefined) delete next.penaltyPerMistake;
    this.practiceChange.emit(next);
  }

  protected setPenalty(v: number | null): void {
    this.patch({ penaltyPerMistake: typeof v === 'number' && Number.isFinite(v) ? v : undefined });
  }
}

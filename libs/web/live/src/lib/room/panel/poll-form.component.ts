import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import {
  FormArray,
  type FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { LIVE_LIMITS, type LivePollView, type PollCreate } from '@siantar/contracts';
import { LiveRoomService } from '../live-room.service';

const OPTIONS_MIN = 2;

/** Host: a new poll (question, 2–10 options, single or multiple choice, optionally graded). */
@Component({
  selector: 'sb-poll-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" class="sb-form" novalidate>
      <mat-form-field>
        <mat-label>{{ 'live.polls.question' | translate }}</mat-label>
        <input matInput formControlName="question" maxlength="300" data-testid="poll-question" />
      </mat-form-field>
      <fieldset class="options">
        <legend>{{ 'live.polls.options' | translate }}</legend>
        @for (c of options.controls; track c; let i = $index) {
          <div class="option">
            <mat-form-field>
              <mat-label>{{ 'live.polls.option' | translate: { n: i + 1 } }}</mat-label>
              <input
                matInput
                [formControl]="c"
                maxlength="200"
                [attr.data-testid]="'poll-option-' + i"
              />
            </mat-form-field>
            @if (form.controls.graded.value) {
              <mat-checkbox
                [checked]="correct().includes(i)"
                (change)="toggleCorrect(i, $event.checked)"
                >{{ 'live.polls.correct' | translate }}</mat-checkbox
              >
            }
            @if (options.length > minOptions) {
              <button
                mat-icon-button
                type="button"
                (click)="removeOption(i)"
                [attr.aria-label]="'live.polls.removeOption' | translate: { n: i + 1 }"
              >
                <mat-icon svgIcon="close" aria-hidden="true" />
              </button>
            }
          </div>
        }
        @if (options.length < maxOptions) {
          <button mat-button type="button" (click)="addOption()">
            <mat-icon svgIcon="add" aria-hidden="true" />
            {{ 'live.polls.addOption' | translate }}
          </button>
        }
      </fieldset>
      <mat-checkbox formControlName="multiple">{{
        'live.polls.multiple' | translate
      }}</mat-checkbox>
      <mat-checkbox formControlName="graded">{{ 'live.polls.graded' | translate }}</mat-checkbox>
      @if (invalid()) {
        <p class="sb-error-text" role="alert">{{ 'live.polls.invalid' | translate }}</p>
      }
      <div class="sb-actions">
        <button mat-flat-button type="submit" [disabled]="sending()" data-testid="poll-create">
          {{ 'live.polls.create' | translate }}
        </button>
        <button mat-button type="button" (click)="cancelled.emit()">
          {{ 'common.cancel' | translate }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .options {
      border: 0;
      padding: 0;
      margin: 0;
      legend {
        font: var(--mat-sys-title-small);
        margin-bottom: 4px;
      }
    }
    .option {
      display: flex;
      align-items: center;
      gap: 4px;
      mat-form-field {
        flex: 1 1 auto;
      }
    }
  `,
})
export class PollFormComponent {
  private readonly room = inject(LiveRoomService);
  private readonly fb = inject(NonNullableFormBuilder);
  readonly created = output<LivePollView>();
  readonly cancelled = output<void>();

  protected readonly minOptions = OPTIONS_MIN;
  protected readonly maxOptions = LIVE_LIMITS.pollOptionsMax;
  protected readonly sending = signal(false);
  protected readonly invalid = signal(false);
  protected readonly correct = signal<number[]>([]);

  protected readonly options = new FormArray<FormControl<string>>([
    this.optionControl(),
    this.optionControl(),
  ]);
  protected readonly form = this.fb.group({
    question: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(300)]],
    options: this.options,
    multiple: [false],
    graded: [false],
  });

  protected addOption(): void {
    this.options.push(this.optionControl());
  }

  protected removeOption(index: number): void {
    this.options.removeAt(index);
    this.correct.update((c) => c.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)));
  }

  protected toggleCorrect(index: number, checked: boolean): void {
    this.correct.update((c) =>
      checked ? [...new Set([...c, index])].sort((a, b) => a - b) : c.filter((i) => i !== index),
    );
  }

  protected async submit(): Promise<void> {
    const v = this.form.getRawValue();
    const graded = v.graded && this.correct().length > 0;
    this.invalid.set(this.form.invalid || (v.graded && !graded));
    if (this.invalid()) {
      this.form.markAllAsTouched();
      return;
    }
    const body: PollCreate = {
      question: v.question.trim(),
      options: v.options.map((o) => o.trim()),
      multiple: v.multiple,
      ...(graded ? { correctOptions: this.correct() } : {}),
    };
    this.sending.set(true);
    const res = await this.room.send('poll:create', body);
    this.sending.set(false);
    if (res) {
      this.room.store.pollCreated(res.data);
      this.created.emit(res.data);
    }
  }

  private optionControl(): FormControl<string> {
    return this.fb.control('', [Validators.required, Validators.maxLength(200)]);
  }
}

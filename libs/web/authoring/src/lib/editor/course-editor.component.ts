import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { AuthoringCourseResponse, ProblemDetails } from '@siantar/contracts';
import { CourseEvaluationSettingsComponent } from '@siantar/web-evaluation';
import {
  ProblemAlertComponent,
  toProblem,
  ConfirmDialogComponent,
  type ConfirmDialogData,
} from '@siantar/web-core';
import type { Observable } from 'rxjs';
import { AuthoringApi } from '../api/authoring.api';
import { StatusChipComponent } from '../shared/status-chip.component';
import {
  TextPromptDialogComponent,
  type TextPromptDialogData,
} from '../shared/text-prompt-dialog.component';
import { MetadataFormComponent } from './metadata-form.component';
import { OutlineEditorComponent } from './outline-editor.component';
import { ReviewPanelComponent } from './review-panel.component';
import { VersionHistoryComponent } from './version-history.component';

export type EditorTab = 'info' | 'outline' | 'review' | 'history' | 'evaluation';
const TABS: readonly EditorTab[] = ['info', 'outline', 'review', 'history', 'evaluation'];

/** /penulisan/:courseId (and …/review): the working version's editor and its review. */
@Component({
  selector: 'sb-course-editor',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTabsModule,
    TranslatePipe,
    ProblemAlertComponent,
    StatusChipComponent,
    MetadataFormComponent,
    OutlineEditorComponent,
    ReviewPanelComponent,
    VersionHistoryComponent,
    CourseEvaluationSettingsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink="/penulisan" class="back">
      <mat-icon svgIcon="arrow-back" aria-hidden="true" />
      {{ 'authoring.editor.back' | translate }}
    </a>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />

    @if (course(); as c) {
      <div class="sb-page-header">
        <div class="title-block">
          <h1 class="sb-page-title">{{ c.working.title }}</h1>
          <div class="meta">
            <span class="sb-code">{{ c.code }}</span>
            <sb-status-chip [status]="c.working.status" />
            <span>{{ 'authoring.version' | translate: { n: c.working.number } }}</span>
            <span class="sb-muted">{{ c.ownerOrgUnit.name }}</span>
          </div>
          @if (c.authors.length) {
            <div class="sb-muted">
              {{ 'authoring.editor.authors' | translate }}:
              @for (a of c.authors; track a.id; let last = $last) {
                {{ a.name }}{{ last ? '' : ', ' }}
              }
            </div>
          }
        </div>
        <div class="sb-actions">
          @if (c.can.submit) {
            <button mat-flat-button type="button" (click)="submit()">
              <mat-icon svgIcon="send" aria-hidden="true" />
              {{ 'authoring.editor.submit' | translate }}
            </button>
          }
          @if (c.can.newDraft) {
            <button mat-flat-button type="button" [disabled]="busy()" (click)="newDraft()">
              <mat-icon svgIcon="add" aria-hidden="true" />
              {{ 'authoring.editor.newDraft' | translate }}
            </button>
          }
          @if (c.can.archive) {
            <button mat-stroked-button type="button" [disabled]="busy()" (click)="archive()">
              <mat-icon svgIcon="archive" aria-hidden="true" />
              {{ 'authoring.editor.archive' | translate }}
            </button>
          }
        </div>
      </div>
      @if (!c.can.edit) {
        <p class="notice" role="note">
          {{ 'authoring.editor.readOnly.' + c.working.status | translate }}
        </p>
      }

      <mat-tab-group
        [selectedIndex]="tabIndex()"
        (selectedIndexChange)="tabIndex.set($event)"
        mat-stretch-tabs="false"
        [attr.aria-label]="'authoring.editor.tabsLabel' | translate"
      >
        <mat-tab [label]="'authoring.editor.tab.info' | translate">
          <div class="tab">
            <sb-metadata-form [course]="c" (saved)="course.set($event)" />
          </div>
        </mat-tab>
        <mat-tab [label]="'authoring.editor.tab.outline' | translate">
          <div class="tab">
            <sb-outline-editor [course]="c" (changed)="course.set($event)" />
          </div>
        </mat-tab>
        <mat-tab [label]="'authoring.editor.tab.review' | translate">
          <div class="tab">
            <sb-review-panel [course]="c" (changed)="onDecided($event)" />
          </div>
        </mat-tab>
        <mat-tab [label]="'authoring.editor.tab.history' | translate">
          <div class="tab">
            <sb-version-history [versions]="c.versions" />
          </div>
        </mat-tab>
        <!-- Survey settings, follow-up days and links to the results (web-evaluation); loaded when opened. -->
        <mat-tab [label]="'evaluation.settings.tab' | translate">
          <ng-template matTabContent>
            <div class="tab">
              <sb-course-evaluation-settings [courseId]="c.courseId" />
            </div>
          </ng-template>
        </mat-tab>
      </mat-tab-group>
    }
  `,
  styles: `
    .back {
      margin-bottom: 8px;
    }
    .title-block {
      min-width: 0;
      h1 {
        overflow-wrap: anywhere;
      }
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .notice {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    .tab {
      padding-block: 16px;
    }
  `,
})
export class CourseEditorComponent {
  private readonly api = inject(AuthoringApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  /** Route parameter. */
  readonly courseId = input.required<string>();
  /** Route data: the tab to open (`review` for /penulisan/:courseId/review). */
  readonly tab = input<EditorTab>('info');

  protected readonly course = signal<AuthoringCourseResponse | null>(null);
  protected readonly tabIndex = linkedSignal(() => Math.max(0, TABS.indexOf(this.tab())));
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = computed(() => this.course()?.working.status ?? null);

  constructor() {
    effect(() => {
      const id = this.courseId();
      untracked(() => this.load(id));
    });
  }

  private load(id: string): void {
    this.loading.set(true);
    this.problem.set(null);
    this.api.get(id).subscribe({
      next: (course) => {
        this.course.set(course);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.loading.set(false);
      },
    });
  }

  protected onDecided(course: AuthoringCourseResponse): void {
    this.course.set(course);
    this.notify(`authoring.editor.nowStatus.${course.working.status}`);
  }

  protected submit(): void {
    const c = this.course();
    if (!c) {
      return;
    }
    this.prompt({
      title: 'authoring.editor.submitTitle',
      message: 'authoring.editor.submitMessage',
      label: 'authoring.editor.changelog',
      hint: 'authoring.editor.changelogHint',
      submit: 'authoring.editor.submitAction',
      multiline: true,
      minLength: 3,
      action: (changelog) => this.api.submit(c.courseId, { changelog }),
    });
  }

  protected newDraft(): void {
    const c = this.course();
    if (c) {
      this.run(this.api.newDraft(c.courseId), 'authoring.editor.newDraftCreated');
    }
  }

  protected archive(): void {
    const c = this.course();
    if (!c) {
      return;
    }
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: {
          title: 'authoring.editor.archiveTitle',
          message: 'authoring.editor.archiveMessage',
          params: { title: c.working.title },
          confirm: 'authoring.editor.archive',
        },
        width: '420px',
        maxWidth: '100vw',
      })
      .afterClosed()
      .subscribe((yes) => {
        if (yes) {
          this.run(this.api.archive(c.courseId), 'authoring.editor.nowStatus.archived');
        }
      });
  }

  private run(call: Observable<AuthoringCourseResponse>, message: string): void {
    this.busy.set(true);
    this.problem.set(null);
    call.subscribe({
      next: (course) => {
        this.busy.set(false);
        this.course.set(course);
        this.notify(message);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  private prompt(data: TextPromptDialogData): void {
    this.dialog
      .open<TextPromptDialogComponent, TextPromptDialogData, AuthoringCourseResponse>(
        TextPromptDialogComponent,
        { data, width: '520px', maxWidth: '100vw' },
      )
      .afterClosed()
      .subscribe((course) => {
        if (course) {
          this.onDecided(course);
        }
      });
  }

  private notify(key: string): void {
    this.snackBar.open(
      this.translate.instant(key) as string,
      this.translate.instant('common.close') as string,
      { duration: 5000 },
    );
  }
}

import { LiveAnnouncer } from '@angular/cdk/a11y';
import { type CdkDragDrop, DragDropModule } from '@angular/cdk/drag-drop';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type {
  AuthoringCourseResponse,
  LessonResponse,
  ModuleResponse,
  ProblemDetails,
  ReorderOutlineRequest,
} from '@siantar/contracts';
import {
  ProblemAlertComponent,
  toProblem,
  ConfirmDialogComponent,
  type ConfirmDialogData,
} from '@siantar/web-core';
import { AuthoringApi } from '../api/authoring.api';
import {
  LessonDialogComponent,
  type LessonDialogData,
} from '../lesson-dialog/lesson-dialog.component';
import {
  type MoveResult,
  applyOutlineOrder,
  moveLesson,
  moveLessonBy,
  moveModule,
  moveModuleBy,
  outlineOrder,
} from '../outline/outline-order';
import {
  TextPromptDialogComponent,
  type TextPromptDialogData,
} from '../shared/text-prompt-dialog.component';

const sortByPosition = <T extends { position: number }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.position - b.position);

/**
 * Modules and lessons of the working version: add, rename, delete, and reorder by drag and
 * drop (lessons may move between modules) or with the move buttons. Every reorder sends the
 * whole order (PUT …/draft/outline).
 */
@Component({
  selector: 'sb-outline-editor',
  imports: [
    DragDropModule,
    MatButtonModule,
    MatIconModule,
    MatTooltipModule,
    RouterLink,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="toolbar">
      <p class="sb-muted">
        {{ (canEdit() ? 'authoring.outline.help' : 'authoring.outline.readOnly') | translate }}
      </p>
      @if (canEdit()) {
        <button mat-flat-button type="button" (click)="addModule()">
          <mat-icon svgIcon="add" aria-hidden="true" />
          {{ 'authoring.outline.addModule' | translate }}
        </button>
      }
    </div>
    <p class="sb-muted" role="status">
      @if (busy()) {
        {{ 'authoring.outline.saving' | translate }}
      }
    </p>
    <sb-problem-alert [problem]="problem()" />

    @if (modules().length === 0) {
      <p class="sb-empty">{{ 'authoring.outline.empty' | translate }}</p>
    }
    <ol
      class="modules"
      cdkDropList
      [cdkDropListDisabled]="!canEdit()"
      (cdkDropListDropped)="dropModule($event)"
      [attr.aria-label]="'authoring.outline.modulesLabel' | translate"
    >
      @for (
        m of modules();
        track m.id;
        let mi = $index;
        let firstModule = $first;
        let lastModule = $last
      ) {
        <li class="module" cdkDrag [cdkDragData]="m.id" [attr.data-testid]="'module-' + mi">
          <div class="module-head">
            @if (canEdit()) {
              <span
                class="handle"
                cdkDragHandle
                [matTooltip]="'authoring.outline.dragHint' | translate"
              >
                <mat-icon svgIcon="drag" aria-hidden="true" />
              </span>
            }
            <h3 class="module-title">
              <span class="sb-muted">{{
                'authoring.outline.moduleN' | translate: { n: mi + 1 }
              }}</span>
              {{ m.title }}
            </h3>
            @if (canEdit()) {
              <span class="buttons">
                <button
                  mat-icon-button
                  type="button"
                  [id]="'up-' + m.id"
                  [disabled]="firstModule"
                  [attr.aria-label]="'authoring.outline.moduleUp' | translate: { title: m.title }"
                  (click)="keyMoveModule(m, -1)"
                >
                  <mat-icon svgIcon="arrow-up" aria-hidden="true" />
                </button>
                <button
                  mat-icon-button
                  type="button"
                  [id]="'down-' + m.id"
                  [disabled]="lastModule"
                  [attr.aria-label]="'authoring.outline.moduleDown' | translate: { title: m.title }"
                  (click)="keyMoveModule(m, 1)"
                >
                  <mat-icon svgIcon="arrow-down" aria-hidden="true" />
                </button>
                <button
                  mat-icon-button
                  type="button"
                  [attr.aria-label]="
                    'authoring.outline.renameModule' | translate: { title: m.title }
                  "
                  (click)="renameModule(m)"
                >
                  <mat-icon svgIcon="edit" aria-hidden="true" />
                </button>
                <button
                  mat-icon-button
                  type="button"
                  [attr.aria-label]="
                    'authoring.outline.deleteModule' | translate: { title: m.title }
                  "
                  (click)="deleteModule(m)"
                >
                  <mat-icon svgIcon="delete" aria-hidden="true" />
                </button>
              </span>
            }
          </div>

          <ol
            class="lessons"
            cdkDropList
            [id]="'lessons-' + m.id"
            [cdkDropListData]="m.id"
            [cdkDropListConnectedTo]="lessonListIds()"
            [cdkDropListDisabled]="!canEdit()"
            (cdkDropListDropped)="dropLesson($event)"
            [attr.aria-label]="'authoring.outline.lessonsOf' | translate: { title: m.title }"
          >
            @for (l of m.lessons; track l.id; let li = $index) {
              <li class="lesson" cdkDrag [cdkDragData]="l.id">
                @if (canEdit()) {
                  <span class="handle" cdkDragHandle>
                    <mat-icon svgIcon="drag" aria-hidden="true" />
                  </span>
                }
                <div class="lesson-main">
                  <span class="sb-chip">{{ 'authoring.lessonType.' + l.type | translate }}</span>
                  <span class="lesson-title">{{ l.title }}</span>
                  <span class="sb-muted">{{
                    'authoring.outline.minutes' | translate: { n: l.durationMinutes }
                  }}</span>
                </div>
                @if (l.type === 'simulation') {
                  <!-- What the learners did: the simulation's analytics (web-simulation). -->
                  <a
                    mat-button
                    [routerLink]="['/penulisan', course().courseId, 'simulasi', l.id, 'analitik']"
                    [attr.aria-label]="
                      'simulation.analytics.openFor' | translate: { title: l.title }
                    "
                    [attr.data-testid]="'simulation-analytics-' + l.id"
                    >{{ 'simulation.analytics.open' | translate }}</a
                  >
                }
                @if (canEdit()) {
                  <span class="buttons">
                    <button
                      mat-icon-button
                      type="button"
                      [id]="'up-' + l.id"
                      [disabled]="firstModule && li === 0"
                      [attr.aria-label]="
                        'authoring.outline.lessonUp' | translate: { title: l.title }
                      "
                      (click)="keyMoveLesson(l, -1)"
                    >
                      <mat-icon svgIcon="arrow-up" aria-hidden="true" />
                    </button>
                    <button
                      mat-icon-button
                      type="button"
                      [id]="'down-' + l.id"
                      [disabled]="lastModule && li === m.lessons.length - 1"
                      [attr.aria-label]="
                        'authoring.outline.lessonDown' | translate: { title: l.title }
                      "
                      (click)="keyMoveLesson(l, 1)"
                    >
                      <mat-icon svgIcon="arrow-down" aria-hidden="true" />
                    </button>
                    <button
                      mat-icon-button
                      type="button"
                      [attr.aria-label]="
                        'authoring.outline.editLesson' | translate: { title: l.title }
                      "
                      (click)="editLesson(m, l)"
                    >
                      <mat-icon svgIcon="edit" aria-hidden="true" />
                    </button>
                    <button
                      mat-icon-button
                      type="button"
                      [attr.aria-label]="
                        'authoring.outline.deleteLesson' | translate: { title: l.title }
                      "
                      (click)="deleteLesson(l)"
                    >
                      <mat-icon svgIcon="delete" aria-hidden="true" />
                    </button>
                  </span>
                }
              </li>
            } @empty {
              <li class="no-lessons sb-muted">{{ 'authoring.outline.noLessons' | translate }}</li>
            }
          </ol>
          @if (canEdit()) {
            <button mat-stroked-button type="button" class="add-lesson" (click)="addLesson(m)">
              <mat-icon svgIcon="add" aria-hidden="true" />
              {{ 'authoring.outline.addLesson' | translate: { title: m.title } }}
            </button>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      justify-content: space-between;
    }
    .modules,
    .lessons {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .modules {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .module {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 12px 12px;
      background: var(--mat-sys-surface);
    }
    .module-head,
    .lesson {
      display: flex;
      align-items: center;
      gap: 4px;
      flex-wrap: wrap;
    }
    .module-title {
      flex: 1 1 180px;
      margin: 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
      display: flex;
      flex-direction: column;
    }
    .lessons {
      min-height: 48px;
      margin-block: 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-low);
      padding: 4px;
    }
    .lesson {
      padding: 4px 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      margin: 4px 0;
    }
    .lesson-main {
      flex: 1 1 200px;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: center;
      min-width: 0;
    }
    .lesson-title {
      overflow-wrap: anywhere;
    }
    .buttons {
      display: inline-flex;
      flex-wrap: wrap;
    }
    .handle {
      cursor: grab;
      display: inline-flex;
      padding: 8px 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .no-lessons {
      padding: 12px;
    }
    .cdk-drag-preview {
      box-shadow: var(--mat-sys-level3);
    }
    .cdk-drag-placeholder {
      opacity: 0.4;
    }
    .cdk-drag-animating,
    .cdk-drop-list-dragging .cdk-drag {
      transition: transform 200ms cubic-bezier(0, 0, 0.2, 1);
    }
  `,
})
export class OutlineEditorComponent {
  private readonly api = inject(AuthoringApi);
  private readonly dialog = inject(MatDialog);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly translate = inject(TranslateService);
  private readonly injector = inject(Injector);

  readonly course = input.required<AuthoringCourseResponse>();
  readonly changed = output<AuthoringCourseResponse>();

  protected readonly canEdit = computed(() => this.course().can.edit);
  /** Shown order: follows the server, and moves at once on a drop (optimistic). */
  protected readonly modules = linkedSignal<ModuleResponse[]>(() =>
    sortByPosition(this.course().working.modules).map((m) => ({
      ...m,
      lessons: sortByPosition(m.lessons),
    })),
  );
  protected readonly lessonListIds = computed(() => this.modules().map((m) => `lessons-${m.id}`));
  protected readonly busy = signal(false);
  private inFlight = false;
  private queued: ReorderOutlineRequest | null = null;
  private lastSaved: ModuleResponse[] | null = null;
  protected readonly problem = signal<ProblemDetails | null>(null);

  private get courseId(): string {
    return this.course().courseId;
  }

  protected dropModule(event: CdkDragDrop<unknown>): void {
    if (event.previousIndex === event.currentIndex) {
      return;
    }
    this.reorder(moveModule(outlineOrder(this.modules()), event.previousIndex, event.currentIndex));
  }

  protected dropLesson(event: CdkDragDrop<string>): void {
    const from = { moduleId: event.previousContainer.data, index: event.previousIndex };
    const to = { moduleId: event.container.data, index: event.currentIndex };
    if (from.moduleId === to.moduleId && from.index === to.index) {
      return;
    }
    this.reorder(moveLesson(outlineOrder(this.modules()), from, to));
  }

  protected keyMoveModule(module: ModuleResponse, delta: -1 | 1): void {
    const result = moveModuleBy(outlineOrder(this.modules()), module.id, delta);
    if (result) {
      this.reorder(result.request);
      this.afterKeyMove(module.id, delta, 'authoring.outline.movedModule', module.title, result);
    }
  }

  protected keyMoveLesson(lesson: LessonResponse, delta: -1 | 1): void {
    const result = moveLessonBy(outlineOrder(this.modules()), lesson.id, delta);
    if (result) {
      this.reorder(result.request);
      this.afterKeyMove(lesson.id, delta, 'authoring.outline.movedLesson', lesson.title, result);
    }
  }

  /** Announces the new place and keeps the focus on the item's move button. */
  private afterKeyMove(
    id: string,
    delta: -1 | 1,
    key: string,
    title: string,
    result: MoveResult,
  ): void {
    const moduleIndex = this.modules().findIndex((m) => m.id === result.moduleId);
    const module = this.modules()[moduleIndex];
    void this.announcer.announce(
      this.translate.instant(key, {
        title,
        position: result.index + 1,
        count: result.count,
        module: module?.title ?? '',
        moduleN: moduleIndex + 1,
      }) as string,
      'polite',
    );
    afterNextRender(
      () => {
        const same = document.getElementById(`${delta < 0 ? 'up' : 'down'}-${id}`);
        const other = document.getElementById(`${delta < 0 ? 'down' : 'up'}-${id}`);
        const target = same && !(same as HTMLButtonElement).disabled ? same : other;
        target?.focus();
      },
      { injector: this.injector },
    );
  }

  /**
   * Shows the new order at once and sends it. Moves made while a request is in flight are
   * queued (only the latest order is sent next), so the server ends with the order shown.
   */
  private reorder(request: ReorderOutlineRequest): void {
    if (!this.inFlight) {
      this.lastSaved = this.modules();
    }
    this.modules.set(applyOutlineOrder(this.modules(), request));
    if (this.inFlight) {
      this.queued = request;
      return;
    }
    this.send(request);
  }

  private send(request: ReorderOutlineRequest): void {
    this.inFlight = true;
    this.busy.set(true);
    this.problem.set(null);
    this.api.reorder(this.courseId, request).subscribe({
      next: (course) => {
        const queued = this.queued;
        this.queued = null;
        if (queued) {
          this.send(queued);
          return;
        }
        this.inFlight = false;
        this.busy.set(false);
        this.changed.emit(course);
      },
      error: (error: unknown) => {
        this.inFlight = false;
        this.queued = null;
        this.busy.set(false);
        if (this.lastSaved) {
          this.modules.set(this.lastSaved);
        }
        this.problem.set(toProblem(error));
      },
    });
  }

  protected addModule(): void {
    this.prompt({
      title: 'authoring.outline.addModule',
      label: 'authoring.outline.moduleTitle',
      submit: 'common.save',
      maxLength: 200,
      action: (title) => this.api.addModule(this.courseId, { title }),
    });
  }

  protected renameModule(module: ModuleResponse): void {
    this.prompt({
      title: 'authoring.outline.renameModuleTitle',
      label: 'authoring.outline.moduleTitle',
      submit: 'common.save',
      initial: module.title,
      maxLength: 200,
      action: (title) => this.api.renameModule(this.courseId, module.id, { title }),
    });
  }

  protected deleteModule(module: ModuleResponse): void {
    this.confirm(
      {
        title: 'authoring.outline.deleteModuleTitle',
        message:
          module.lessons.length > 0
            ? 'authoring.outline.deleteModuleWithLessons'
            : 'authoring.outline.deleteModuleMessage',
        params: { title: module.title, count: module.lessons.length },
        confirm: 'authoring.delete',
      },
      () => this.api.deleteModule(this.courseId, module.id),
    );
  }

  protected addLesson(module: ModuleResponse): void {
    this.openLesson({ courseId: this.courseId, moduleId: module.id });
  }

  protected editLesson(module: ModuleResponse, lesson: LessonResponse): void {
    this.openLesson({ courseId: this.courseId, moduleId: module.id, lesson });
  }

  protected deleteLesson(lesson: LessonResponse): void {
    this.confirm(
      {
        title: 'authoring.outline.deleteLessonTitle',
        message: 'authoring.outline.deleteLessonMessage',
        params: { title: lesson.title },
        confirm: 'authoring.delete',
      },
      () => this.api.deleteLesson(this.courseId, lesson.id),
    );
  }

  private openLesson(data: LessonDialogData): void {
    this.dialog
      .open<LessonDialogComponent, LessonDialogData, AuthoringCourseResponse>(
        LessonDialogComponent,
        {
          data,
          width: '760px',
          maxWidth: '100vw',
          autoFocus: 'first-tabbable',
        },
      )
      .afterClosed()
      .subscribe((course) => {
        if (course) {
          this.changed.emit(course);
        }
      });
  }

  private prompt(data: TextPromptDialogData): void {
    this.dialog
      .open<TextPromptDialogComponent, TextPromptDialogData, AuthoringCourseResponse>(
        TextPromptDialogComponent,
        { data, width: '480px', maxWidth: '100vw' },
      )
      .afterClosed()
      .subscribe((course) => {
        if (course) {
          this.changed.emit(course);
        }
      });
  }

  private confirm(data: ConfirmDialogData, action: () => ReturnType<AuthoringApi['get']>): void {
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data,
        width: '420px',
        maxWidth: '100vw',
      })
      .afterClosed()
      .subscribe((yes) => {
        if (!yes) {
          return;
        }
        this.busy.set(true);
        this.problem.set(null);
        action().subscribe({
          next: (course) => {
            this.busy.set(false);
            this.changed.emit(course);
          },
          error: (error: unknown) => {
            this.busy.set(false);
            this.problem.set(toProblem(error));
          },
        });
      });
  }
}

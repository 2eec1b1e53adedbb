import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  AuthoringCourseResponse,
  ProblemDetails,
  ReviewCommentResponse,
} from '@siantar/contracts';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { AuthoringApi } from '../api/authoring.api';
import {
  TextPromptDialogComponent,
  type TextPromptDialogData,
} from '../shared/text-prompt-dialog.component';

/**
 * Review of the working version: per-lesson and general comments for everyone who can see
 * the course; approve & publish or send back for reviewers (admins).
 */
@Component({
  selector: 'sb-review-panel',
  imports: [
    DatePipe,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (course().can.review) {
      <section class="decision" aria-labelledby="sb-review-decision">
        <h2 id="sb-review-decision">{{ 'authoring.review.decision' | translate }}</h2>
        <p class="sb-muted">{{ 'authoring.review.decisionHelp' | translate }}</p>
        <div class="sb-actions">
          <button mat-flat-button type="button" (click)="approve()">
            <mat-icon svgIcon="check" aria-hidden="true" />
            {{ 'authoring.review.approve' | translate }}
          </button>
          <button mat-stroked-button type="button" (click)="sendBack()">
            <mat-icon svgIcon="undo" aria-hidden="true" />
            {{ 'authoring.review.sendBack' | translate }}
          </button>
        </div>
      </section>
    } @else if (course().working.status === 'in_review') {
      <p class="sb-muted">{{ 'authoring.review.waiting' | translate }}</p>
    }
    <sb-problem-alert [problem]="problem()" />

    <section class="sb-section" aria-labelledby="sb-general-comments">
      <h2 id="sb-general-comments">{{ 'authoring.review.general' | translate }}</h2>
      <ul class="comments">
        @for (c of generalComments(); track c.id) {
          <li class="comment">
            <div class="sb-muted">
              <span class="sb-strong">{{ c.author.name }}</span> ·
              {{ 'authoring.version' | translate: { n: c.versionNumber } }} ·
              <time [attr.datetime]="c.createdAt">{{ c.createdAt | date: 'medium' }}</time>
            </div>
            <p>{{ c.body }}</p>
          </li>
        } @empty {
          <li class="sb-muted">{{ 'authoring.review.noComments' | translate }}</li>
        }
      </ul>
      <form class="comment-form" (ngSubmit)="post(null)">
        <mat-form-field>
          <mat-label>{{ 'authoring.review.generalLabel' | translate }}</mat-label>
          <textarea
            matInput
            rows="3"
            name="general"
            maxlength="4000"
            [ngModel]="draft(null)"
            (ngModelChange)="setDraft(null, $event)"
          ></textarea>
        </mat-form-field>
        <button mat-stroked-button type="submit" [disabled]="posting() || !draft(null).trim()">
          {{ 'authoring.review.post' | translate }}
        </button>
      </form>
    </section>

    <section class="sb-section" aria-labelledby="sb-lesson-comments">
      <h2 id="sb-lesson-comments">{{ 'authoring.review.perLesson' | translate }}</h2>
      @for (m of modules(); track m.id; let mi = $index) {
        <h3 class="module-title">
          {{ 'authoring.outline.moduleN' | translate: { n: mi + 1 } }} — {{ m.title }}
        </h3>
        <ul class="lessons">
          @for (l of m.lessons; track l.id) {
            <li class="lesson" [attr.data-testid]="'review-lesson-' + l.id">
              <div class="lesson-head">
                <span class="sb-chip">{{ 'authoring.lessonType.' + l.type | translate }}</span>
                <span class="sb-strong lesson-title">{{ l.title }}</span>
                <span class="sb-muted">{{
                  'authoring.outline.minutes' | translate: { n: l.durationMinutes }
                }}</span>
              </div>
              @if (l.type === 'text' && htmlOf(l.content); as html) {
                <details>
                  <summary>{{ 'authoring.review.showContent' | translate }}</summary>
                  <div class="preview" [innerHTML]="html"></div>
                </details>
              } @else if (urlOf(l.content); as url) {
                <div class="sb-muted url">{{ url }}</div>
              }
              <ul class="comments">
                @for (c of commentsOf(l.id); track c.id) {
                  <li class="comment">
                    <div class="sb-muted">
                      <span class="sb-strong">{{ c.author.name }}</span> ·
                      <time [attr.datetime]="c.createdAt">{{ c.createdAt | date: 'medium' }}</time>
                    </div>
                    <p>{{ c.body }}</p>
                  </li>
                }
              </ul>
              @if (openFor() === l.id) {
                <form class="comment-form" (ngSubmit)="post(l.id)">
                  <mat-form-field>
                    <mat-label>{{
                      'authoring.review.lessonLabel' | translate: { title: l.title }
                    }}</mat-label>
                    <textarea
                      matInput
                      rows="3"
                      maxlength="4000"
                      [name]="'c-' + l.id"
                      [ngModel]="draft(l.id)"
                      (ngModelChange)="setDraft(l.id, $event)"
                    ></textarea>
                  </mat-form-field>
                  <div class="sb-actions">
                    <button
                      mat-flat-button
                      type="submit"
                      [disabled]="posting() || !draft(l.id).trim()"
                    >
                      {{ 'authoring.review.post' | translate }}
                    </button>
                    <button mat-button type="button" (click)="openFor.set(null)">
                      {{ 'common.cancel' | translate }}
                    </button>
                  </div>
                </form>
              } @else {
                <button
                  mat-button
                  type="button"
                  (click)="openFor.set(l.id)"
                  [attr.aria-label]="'authoring.review.commentOn' | translate: { title: l.title }"
                >
                  <mat-icon svgIcon="comment" aria-hidden="true" />
                  {{ 'authoring.review.comment' | translate }}
                  @if (commentsOf(l.id).length) {
                    ({{ commentsOf(l.id).length }})
                  }
                </button>
              }
            </li>
          } @empty {
            <li class="sb-muted">{{ 'authoring.outline.noLessons' | translate }}</li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .decision {
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      h2 {
        margin: 0;
        font: var(--mat-sys-title-large);
      }
    }
    .comments,
    .lessons {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .comment {
      border-inline-start: 3px solid var(--mat-sys-primary);
      padding: 4px 12px;
      p {
        margin: 4px 0 0;
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
    }
    .comment-form {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin-top: 8px;
      mat-form-field {
        width: 100%;
      }
      button {
        align-self: flex-start;
      }
    }
    .module-title {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 8px;
    }
    .lesson {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 12px;
      background: var(--mat-sys-surface);
    }
    .lesson-head {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: center;
    }
    .lesson-title,
    .url {
      overflow-wrap: anywhere;
    }
    .preview {
      padding: 8px 12px;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: 8px;
      overflow-wrap: anywhere;
    }
  `,
})
export class ReviewPanelComponent {
  private readonly api = inject(AuthoringApi);
  private readonly dialog = inject(MatDialog);

  readonly course = input.required<AuthoringCourseResponse>();
  readonly changed = output<AuthoringCourseResponse>();

  protected readonly comments = signal<ReviewCommentResponse[]>([]);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly posting = signal(false);
  protected readonly openFor = signal<string | null>(null);
  private readonly drafts = signal<Record<string, string>>({});

  protected readonly modules = computed(() =>
    [...this.course().working.modules]
      .sort((a, b) => a.position - b.position)
      .map((m) => ({ ...m, lessons: [...m.lessons].sort((a, b) => a.position - b.position) })),
  );
  protected readonly generalComments = computed(() =>
    this.comments().filter((c) => c.lessonId === null),
  );
  private readonly byLesson = computed(() => {
    const map = new Map<string, ReviewCommentResponse[]>();
    for (const c of this.comments()) {
      if (c.lessonId) {
        map.set(c.lessonId, [...(map.get(c.lessonId) ?? []), c]);
      }
    }
    return map;
  });

  constructor() {
    // Comments are read again when another version or status comes in.
    let key = '';
    effect(() => {
      const course = this.course();
      const next = `${course.courseId}:${course.working.number}:${course.working.status}`;
      if (next !== key) {
        key = next;
        untracked(() => this.load());
      }
    });
  }

  protected commentsOf(lessonId: string): ReviewCommentResponse[] {
    return this.byLesson().get(lessonId) ?? [];
  }

  protected draft(lessonId: string | null): string {
    return this.drafts()[lessonId ?? ''] ?? '';
  }

  protected setDraft(lessonId: string | null, value: string): void {
    this.drafts.update((d) => ({ ...d, [lessonId ?? '']: value }));
  }

  /** The sanitised HTML the server stored for a text lesson (Angular sanitises it again). */
  protected htmlOf(content: Record<string, unknown>): string {
    return typeof content['html'] === 'string' ? content['html'] : '';
  }

  protected urlOf(content: Record<string, unknown>): string {
    return typeof content['url'] === 'string' ? content['url'] : '';
  }

  private load(): void {
    this.api.comments(this.course().courseId).subscribe({
      next: (comments) => this.comments.set(comments),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  protected post(lessonId: string | null): void {
    const body = this.draft(lessonId).trim();
    if (!body) {
      return;
    }
    this.posting.set(true);
    this.problem.set(null);
    this.api
      .addComment(this.course().courseId, lessonId ? { lessonId, body } : { body })
      .subscribe({
        next: (comment) => {
          this.posting.set(false);
          this.setDraft(lessonId, '');
          this.openFor.set(null);
          if (comment && typeof comment === 'object' && 'id' in comment) {
            this.comments.update((list) => [...list, comment]);
          } else {
            this.load();
          }
        },
        error: (error: unknown) => {
          this.posting.set(false);
          this.problem.set(toProblem(error));
        },
      });
  }

  protected approve(): void {
    this.decide({
      title: 'authoring.review.approveTitle',
      message: 'authoring.review.approveMessage',
      label: 'authoring.review.noteOptional',
      submit: 'authoring.review.approve',
      multiline: true,
      optional: true,
      action: (note) => this.api.approve(this.course().courseId, note ? { note } : {}),
    });
  }

  protected sendBack(): void {
    this.decide({
      title: 'authoring.review.sendBackTitle',
      message: 'authoring.review.sendBackMessage',
      label: 'authoring.review.noteRequired',
      submit: 'authoring.review.sendBack',
      multiline: true,
      minLength: 3,
      action: (note) => this.api.sendBack(this.course().courseId, { note }),
    });
  }

  private decide(data: TextPromptDialogData): void {
    this.dialog
      .open<TextPromptDialogComponent, TextPromptDialogData, AuthoringCourseResponse>(
        TextPromptDialogComponent,
        { data, width: '520px', maxWidth: '100vw' },
      )
      .afterClosed()
      .subscribe((course) => {
        if (course) {
          this.changed.emit(course);
        }
      });
  }
}

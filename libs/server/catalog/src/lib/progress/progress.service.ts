import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LessonType, ProgressBatchResponse, ProgressEventRequest } from '@siantar/contracts';
import type { Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { ACCEPTED_EVENTS, DEFAULT_VIDEO_SHARE, TEXT_SCROLL_DONE } from './lesson-rules';
import { CompletionSignals } from '../completion/completion-signals';
import { lessonOutline } from '../player/lesson-outline';

interface Target {
  enrolment_status: string;
  user_id: string;
  lesson_type: LessonType;
  content: { minSeconds?: number; completionShare?: number };
}

type LessonState = ProgressBatchResponse['lessons'][number];

/**
 * Applies progress events. Each event is stored once under the id the browser
 * gave it (a resend is a duplicate, not a second count), and every update is
 * monotonic: GREATEST for what was seen, sticky completion, and the video
 * position only moves for an event that happened later on the device.
 */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly signals: CompletionSignals,
  ) {}

  async ingest(events: ProgressEventRequest[], p: Principal): Promise<ProgressBatchResponse> {
    const out: ProgressBatchResponse = { accepted: [], duplicates: [], rejected: [], lessons: [] };
    const touched = new Map<string, LessonState>();
    const sorted = [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    for (const e of sorted) {
      const result = await this.db.transaction((em) => this.apply(em, e, p));
      if (result.kind === 'rejected') out.rejected.push({ id: e.id, reason: result.reason });
      else {
        (result.kind === 'accepted' ? out.accepted : out.duplicates).push(e.id);
        touched.set(`${e.enrolmentId}:${e.lessonId}`, result.state);
      }
    }
    out.lessons = [...touched.values()];
    return out;
  }

  private async state(
    em: EntityManager,
    enrolmentId: string,
    lessonId: string,
  ): Promise<LessonState> {
    const rows: { status: LessonState['status']; percent: string }[] = await em.query(
      `SELECT status, percent FROM lesson_progress WHERE enrolment_id = $1 AND lesson_id = $2`,
      [enrolmentId, lessonId],
    );
    return {
      enrolmentId,
      lessonId,
      status: rows[0]?.status ?? 'not-started',
      percent: Number(rows[0]?.percent ?? 0),
    };
  }

  private async apply(
    em: EntityManager,
    e: ProgressEventRequest,
    p: Principal,
  ): Promise<
    { kind: 'accepted' | 'duplicate'; state: LessonState } | { kind: 'rejected'; reason: string }
  > {
    const rows: Target[] = await em.query(
      `SELECT en.status AS enrolment_status, en.user_id, l.type AS lesson_type, l.content
         FROM enrolment en JOIN lesson l ON l.version_id = en.version_id AND l.id = $2
        WHERE en.id = $1`,
      [e.enrolmentId, e.lessonId],
    );
    const t = rows[0];
    if (!t || t.user_id !== p.id)
      return { kind: 'rejected', reason: 'materi ini bukan bagian dari kursus yang Anda ikuti' };
    if (t.enrolment_status === 'withdrawn')
      return { kind: 'rejected', reason: 'pendaftaran Anda di kursus ini sudah dibatalkan' };
    if (!ACCEPTED_EVENTS[t.lesson_type].includes(e.kind)) {
      return {
        kind: 'rejected',
        reason: `peristiwa "${e.kind}" tidak berlaku untuk materi berjenis ${t.lesson_type}`,
      };
    }
    const lesson = (await lessonOutline(em, e.enrolmentId)).find((r) => r.lesson_id === e.lessonId);
    if (lesson?.locked)
      return {
        kind: 'rejected',
        reason: `materi ini terkunci. ${lesson.lockedReason ?? ''}`.trim(),
      };

    const claimed: unknown[] = await em.query(
      `INSERT INTO progress_event (id, enrolment_id, lesson_id, kind, occurred_at, data) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [e.id, e.enrolmentId, e.lessonId, e.kind, e.occurredAt, JSON.stringify(e)],
    );
    if (claimed.length === 0)
      return { kind: 'duplicate', state: await this.state(em, e.enrolmentId, e.lessonId) };

    await em.query(
      `INSERT INTO lesson_progress (enrolment_id, lesson_id, first_opened_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [e.enrolmentId, e.lessonId, e.occurredAt],
    );
    await em.query(
      `UPDATE lesson_progress SET
         seconds_spent = seconds_spent + $3,
         max_scroll = GREATEST(max_scroll, $4),
         watched_seconds = GREATEST(watched_seconds, $5),
         duration_seconds = coalesce(GREATEST(duration_seconds, $6), $6, duration_seconds),
         position_seconds = CASE WHEN $7::numeric IS NOT NULL AND (position_at IS NULL OR position_at <= $8) THEN $7 ELSE position_seconds END,
         position_at = CASE WHEN $7::numeric IS NOT NULL AND (position_at IS NULL OR position_at <= $8) THEN $8 ELSE position_at END,
         updated_at = now()
       WHERE enrolment_id = $1 AND lesson_id = $2`,
      [
        e.enrolmentId,
        e.lessonId,
        e.kind === 'time' ? (e.seconds ?? 0) : 0,
        e.kind === 'scrolled' ? (e.percent ?? 0) : 0,
        e.kind === 'video' ? (e.watchedSeconds ?? 0) : 0,
        e.kind === 'video' ? (e.durationSeconds ?? null) : null,
        e.kind === 'video' ? (e.positionSeconds ?? null) : null,
        e.occurredAt,
      ],
    );
    await this.evaluate(em, e, t);
    return { kind: 'accepted', state: await this.state(em, e.enrolmentId, e.lessonId) };
  }

  /** Recomputes percent and completion from the accumulated values; never lowers either. */
  private async evaluate(em: EntityManager, e: ProgressEventRequest, t: Target): Promise<void> {
    const [row] = await em.query<
      {
        seconds_spent: number;
        max_scroll: string;
        watched_seconds: string;
        duration_seconds: string | null;
      }[]
    >(
      `SELECT seconds_spent, max_scroll, watched_seconds, duration_seconds FROM lesson_progress WHERE enrolment_id = $1 AND lesson_id = $2`,
      [e.enrolmentId, e.lessonId],
    );
    let percent = 0;
    let done = false;
    switch (t.lesson_type) {
      case 'text': {
        const minSeconds = t.content.minSeconds ?? 30;
        percent = Math.max(
          Number(row.max_scroll),
          Math.min(100, (row.seconds_spent / minSeconds) * 100),
        );
        done = Number(row.max_scroll) >= TEXT_SCROLL_DONE || row.seconds_spent >= minSeconds;
        break;
      }
      case 'video': {
        const duration = Number(row.duration_seconds ?? 0);
        const share = t.content.completionShare ?? DEFAULT_VIDEO_SHARE;
        percent = duration > 0 ? Math.min(100, (Number(row.watched_seconds) / duration) * 100) : 0;
        done = duration > 0 && Number(row.watched_seconds) >= duration * share;
        break;
      }
      case 'document':
      case 'link':
        percent = 100;
        done = true;
        break;
      case 'scorm':
      case 'quiz':
      case 'live-session':
      case 'simulation':
        // SCORM completes through its own runtime commits, a quiz when an attempt passes
        // (LessonCompletion, called by the assessment domain); the placeholders through later issues.
        return;
    }
    await em.query(
      `UPDATE lesson_progress SET percent = GREATEST(percent, $3),
              status = CASE WHEN status = 'completed' OR $4 THEN 'completed' ELSE 'in-progress' END,
              completed_at = CASE WHEN completed_at IS NULL AND $4 THEN now() ELSE completed_at END
        WHERE enrolment_id = $1 AND lesson_id = $2`,
      [e.enrolmentId, e.lessonId, Math.round(percent * 100) / 100, done],
    );
    if (done) await this.signals.raise(em, e.enrolmentId, 'lesson', e.lessonId);
  }
}

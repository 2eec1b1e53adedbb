import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  SimulationActionRequest,
  SimulationActionResponse,
  SimulationLessonView,
  SimulationRunSummary,
  SimulationRunView,
} from '@siantar/contracts';
import {
  act,
  completes,
  MoveRefused,
  type PracticeMistake,
  type RunAction,
  type SimulationContent,
  startRun,
  totalScore,
} from '@siantar/scenario';
import { CompletionSignals, FilesService } from '@siantar/server-catalog';
import { AppError, notFound, type Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { type RunRow, runView } from './run-view';
import { ScenarioCache } from './scenario-cache';
import { simulationLessonFor } from './simulation-lesson';

interface LockedRun extends RunRow {
  enrolment_id: string;
  lesson_id: string;
  user_id: string;
  scene_entered_at: Date;
  content: SimulationContent;
}

const outOfStep = (seq: number) =>
  new AppError(
    409,
    'simulation.out-of-step',
    `Langkah ini tidak sesuai urutan (simulasi sudah di langkah ${seq}); muat ulang untuk melanjutkan.`,
  );

/** The action of a request as the engine takes it; a malformed one is refused with what to fix. */
function actionOf(body: SimulationActionRequest['action']): RunAction {
  if (body.type === 'choose' && body.choiceId) return { type: 'choose', choiceId: body.choiceId };
  if (body.type === 'menu' && body.optionId) return { type: 'menu', optionId: body.optionId };
  if (body.type === 'form' && body.answers) {
    const bad = Object.entries(body.answers).find(
      ([k, v]) => typeof v !== 'string' || v.length > 500 || k.length > 80,
    );
    if (!bad) return { type: 'form', answers: body.answers };
  }
  throw new AppError(
    400,
    'validation',
    'Aksi tidak lengkap: choose memerlukan choiceId, menu memerlukan optionId, form memerlukan answers (teks per isian, maksimal 500 karakter).',
  );
}

/** Whether two actions are the same move (jsonb reorders keys, so compare by content). */
function sameAction(a: RunAction, b: RunAction): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'choose' && b.type === 'choose') return a.choiceId === b.choiceId;
  if (a.type === 'menu' && b.type === 'menu') return a.optionId === b.optionId;
  if (a.type === 'form' && b.type === 'form') {
    const keys = new Set([...Object.keys(a.answers), ...Object.keys(b.answers)]);
    return [...keys].every((k) => a.answers[k] === b.answers[k]);
  }
  return false;
}

const RUN_SELECT = `SELECT r.id, r.seq, r.status, r.state, r.started_at, r.finished_at, r.scene_entered_at,
       r.enrolment_id, r.lesson_id, r.user_id
  FROM simulation_run r`;

/**
 * Plays simulation lessons on the server: the engine's state is kept per run, each action is
 * numbered (a retry of the same number returns the first answer), moves the scenario does not
 * offer are refused, and an ending that meets the lesson's rule completes the lesson.
 */
@Injectable()
export class RunsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: FilesService,
    private readonly signals: CompletionSignals,
  ) {}

  private readonly scenarios = new ScenarioCache();

  private view(content: SimulationContent, run: RunRow): SimulationRunView {
    return runView(content, run, (id) => this.files.signedUrl(id));
  }

  async lesson(enrolmentId: string, lessonId: string, p: Principal): Promise<SimulationLessonView> {
    const em = this.db.manager;
    const l = await simulationLessonFor(em, enrolmentId, lessonId, p);
    const rows: (RunRow & {
      rating: SimulationRunSummary['rating'];
      total_score: string | null;
      completes: boolean;
    })[] = await em.query(
      `SELECT id, seq, status, state, started_at, finished_at, rating, total_score, completes
           FROM simulation_run WHERE enrolment_id = $1 AND lesson_id = $2 AND status <> 'abandoned'
          ORDER BY started_at DESC`,
      [enrolmentId, lessonId],
    );
    const runs: SimulationRunSummary[] = rows.map((r) => ({
      id: r.id,
      startedAt: r.started_at.toISOString(),
      finishedAt: r.finished_at?.toISOString() ?? null,
      rating: r.rating,
      totalScore: r.total_score === null ? totalScore(r.state) : Number(r.total_score),
      completes: r.completes,
    }));
    const finished = runs.filter((r) => r.finishedAt !== null);
    const { settings } = l.content;
    const counted =
      settings.counts === 'last'
        ? (finished[0] ?? null)
        : ([...finished].sort((a, b) => b.totalScore - a.totalScore)[0] ?? null);
    const playing = rows.find((r) => r.status === 'playing');
    return {
      lessonId,
      title: l.title,
      completion: settings.completion,
      minScore: settings.minScore ?? null,
      counts: settings.counts,
      run: playing ? this.view(l.content, playing) : null,
      counted,
      runs,
    };
  }

  /** A new run from the start; one left unfinished is abandoned (replays are allowed). */
  async start(enrolmentId: string, lessonId: string, p: Principal): Promise<SimulationRunView> {
    return this.db.transaction(async (em) => {
      const l = await simulationLessonFor(em, enrolmentId, lessonId, p);
      await em.query(
        `UPDATE simulation_run SET status = 'abandoned'
          WHERE enrolment_id = $1 AND lesson_id = $2 AND status = 'playing'`,
        [enrolmentId, lessonId],
      );
      const state = startRun(l.content.scenario);
      const [run]: RunRow[] = await em.query(
        `INSERT INTO simulation_run (enrolment_id, lesson_id, lesson_key, user_id, org_unit_id, state)
         VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, seq, status, state, started_at, finished_at`,
        [enrolmentId, lessonId, l.lessonKey, p.id, l.orgUnitId, JSON.stringify(state)],
      );
      // The lesson shows as started in the course outline.
      await em.query(
        `INSERT INTO lesson_progress (enrolment_id, lesson_id) VALUES ($1, $2)
         ON CONFLICT (enrolment_id, lesson_id) DO UPDATE SET updated_at = now()`,
        [enrolmentId, lessonId],
      );
      return this.view(l.content, run);
    });
  }

  private async ownRun(em: EntityManager, runId: string, p: Principal, lock: boolean) {
    const rows: Omit<LockedRun, 'content'>[] = await em.query(
      `${RUN_SELECT} WHERE r.id = $1 AND r.user_id = $2${lock ? ' FOR UPDATE OF r' : ''}`,
      [runId, p.id],
    );
    if (!rows[0]) throw notFound('Permainan simulasi');
    return { ...rows[0], content: await this.scenarios.get(em, rows[0].lesson_id) };
  }

  async get(runId: string, p: Principal): Promise<SimulationRunView> {
    const run = await this.ownRun(this.db.manager, runId, p, false);
    return this.view(run.content, run);
  }

  async act(
    runId: string,
    dto: SimulationActionRequest,
    p: Principal,
  ): Promise<SimulationActionResponse> {
    const action = actionOf(dto.action);
    return this.db.transaction(async (em) => {
      const run = await this.ownRun(em, runId, p, true);
      if (dto.seq <= run.seq) return this.replayed(em, run, dto.seq, action);
      if (dto.seq !== run.seq + 1) throw outOfStep(run.seq);
      if (run.status !== 'playing')
        throw new AppError(
          409,
          'simulation.run-ended',
          'Permainan ini sudah selesai; mulai lagi untuk mengulang.',
        );
      const { scenario, settings } = run.content;
      let outcome: ReturnType<typeof act>;
      try {
        outcome = act(scenario, run.state, action);
      } catch (e) {
        if (e instanceof MoveRefused) throw new AppError(400, `simulation.${e.code}`, e.message);
        throw e;
      }
      const next = outcome.state;
      const moved =
        next.sceneId !== run.state.sceneId || next.path.length !== run.state.path.length;
      // Time in the scene by the database clock, in the same statement (no extra round trip).
      await em.query(
        `INSERT INTO simulation_action (run_id, seq, scene_id, action, choice_id, to_scene_id, feedback, mistakes, ms_in_scene)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                 greatest(0, round(extract(epoch FROM clock_timestamp() - $9::timestamptz) * 1000))::int)`,
        [
          run.id,
          dto.seq,
          run.state.sceneId,
          JSON.stringify(action),
          action.type === 'choose' ? action.choiceId : null,
          action.type === 'choose' ? next.sceneId : null,
          outcome.feedback,
          JSON.stringify(outcome.mistakes),
          run.scene_entered_at,
        ],
      );
      const ended = next.ending !== null;
      const done = ended && completes(settings, next);
      const [[updated]] = (await em.query(
        `UPDATE simulation_run SET seq = $2, state = $3,
                scene_entered_at = CASE WHEN $4 THEN clock_timestamp() ELSE scene_entered_at END,
                status = CASE WHEN $5 THEN 'ended' ELSE status END,
                finished_at = CASE WHEN $5 THEN clock_timestamp() ELSE finished_at END,
                rating = $6, total_score = $7, completes = $8
          WHERE id = $1
          RETURNING id, seq, status, state, started_at, finished_at`,
        [
          run.id,
          dto.seq,
          JSON.stringify(next),
          moved,
          ended,
          next.ending?.rating ?? null,
          ended ? totalScore(next) : null,
          done,
        ],
      )) as [RunRow[], number];
      if (done)
        await this.signals.completeLessons(em, run.enrolment_id, { lessonId: run.lesson_id });
      return {
        run: this.view(run.content, updated),
        feedback: outcome.feedback,
        mistakes: outcome.mistakes,
      };
    });
  }

  /** The same numbered action again (a retry): its first answer, nothing played twice. */
  private async replayed(
    em: EntityManager,
    run: LockedRun,
    seq: number,
    action: RunAction,
  ): Promise<SimulationActionResponse> {
    const rows: { action: RunAction; feedback: string | null; mistakes: PracticeMistake[] }[] =
      await em.query(
        `SELECT action, feedback, mistakes FROM simulation_action WHERE run_id = $1 AND seq = $2`,
        [run.id, seq],
      );
    const first = rows[0];
    if (!first || !sameAction(first.action, action)) throw outOfStep(run.seq);
    return { run: this.view(run.content, run), feedback: first.feedback, mistakes: first.mistakes };
  }
}

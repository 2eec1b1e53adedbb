import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SimulationAnalytics } from '@siantar/contracts';
import type { EndingRating, SimulationContent } from '@siantar/scenario';
import { courseForAuthoring } from '@siantar/server-catalog';
import { notFound, type Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';

type Count = { count: number };

const round2 = (n: number) => Math.round(n * 100) / 100;

function averagesByOpd(
  runs: { opd: string; name: string; scores: Record<string, number> }[],
  competencies: { key: string; label: string }[],
): SimulationAnalytics['competencyByOpd'] {
  const groups = new Map<string, { name: string; runs: Record<string, number>[] }>();
  for (const r of runs) {
    const g = groups.get(r.opd) ?? { name: r.name, runs: [] };
    g.runs.push(r.scores);
    groups.set(r.opd, g);
  }
  return [...groups].map(([orgUnitId, g]) => ({
    orgUnitId,
    name: g.name,
    runs: g.runs.length,
    averages: competencies.map((c) => ({
      key: c.key,
      label: c.label,
      value: round2(g.runs.reduce((sum, s) => sum + (s[c.key] ?? 0), 0) / g.runs.length),
    })),
  }));
}

/**
 * What learners did in a simulation lesson, over every course version that has it (the
 * lesson key): how runs ended, the paths taken, costly choices and practice mistakes,
 * competency averages per OPD, time per scene. For the course's authors and the admins
 * who review it.
 */
@Injectable()
export class AnalyticsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async analytics(courseId: string, lessonId: string, p: Principal): Promise<SimulationAnalytics> {
    const em = this.db.manager;
    await courseForAuthoring(em, courseId, p);
    const [lesson]: { key: string; title: string; content: SimulationContent }[] = await em.query(
      `SELECT l.key, l.title, l.content FROM lesson l JOIN course_version v ON v.id = l.version_id
        WHERE l.id = $1 AND v.course_id = $2 AND l.type = 'simulation'`,
      [lessonId, courseId],
    );
    if (!lesson) throw notFound('Simulasi');
    const { scenario } = lesson.content;
    const title = (id: string) => scenario.scenes.find((s) => s.id === id)?.title ?? id;
    const key = lesson.key;

    const [totals]: { runs: number; finished: number; learners: number }[] = await em.query(
      `SELECT count(*) FILTER (WHERE status <> 'abandoned')::int AS runs,
              count(*) FILTER (WHERE status = 'ended')::int AS finished,
              count(DISTINCT user_id)::int AS learners
         FROM simulation_run WHERE lesson_key = $1`,
      [key],
    );
    const endings: ({ scene_id: string; rating: EndingRating } & Count)[] = await em.query(
      `SELECT state->'ending'->>'sceneId' AS scene_id, rating, count(*)::int AS count
         FROM simulation_run WHERE lesson_key = $1 AND status = 'ended'
        GROUP BY 1, 2 ORDER BY count DESC, 1`,
      [key],
    );
    const transitions: ({ scene_id: string; to_scene_id: string; choice_id: string } & Count)[] =
      await em.query(
        `SELECT a.scene_id, a.to_scene_id, a.choice_id, count(*)::int AS count
           FROM simulation_action a JOIN simulation_run r ON r.id = a.run_id
          WHERE r.lesson_key = $1 AND a.choice_id IS NOT NULL
          GROUP BY 1, 2, 3 ORDER BY count DESC, 1, 3`,
        [key],
      );
    const mistakes: ({
      scene_id: string;
      target: string;
      label: string;
      expected: string;
    } & Count)[] = await em.query(
      `SELECT m->>'sceneId' AS scene_id, m->>'target' AS target, m->>'label' AS label,
                m->>'expected' AS expected, count(*)::int AS count
           FROM simulation_action a JOIN simulation_run r ON r.id = a.run_id,
                jsonb_array_elements(a.mistakes) m
          WHERE r.lesson_key = $1
          GROUP BY 1, 2, 3, 4 ORDER BY count DESC, 1, 2 LIMIT 20`,
      [key],
    );
    // Each run counted in the OPD its learner belonged to then (or the unit itself outside any OPD).
    const finishedRuns: { opd: string; name: string; scores: Record<string, number> }[] =
      await em.query(
        `SELECT u.id AS opd, u.name, r.state->'scores' AS scores
           FROM simulation_run r JOIN org_unit o ON o.id = r.org_unit_id
           JOIN org_unit u ON u.id = coalesce(
             (SELECT a.id FROM org_unit a WHERE a.kind = 'opd' AND o.path LIKE a.path || '%'
               ORDER BY length(a.path) LIMIT 1), o.id)
          WHERE r.lesson_key = $1 AND r.status = 'ended'
          ORDER BY u.name, u.id`,
        [key],
      );
    const seconds: { scene_id: string; median: number; visits: number }[] = await em.query(
      `SELECT a.scene_id, round((percentile_cont(0.5) WITHIN GROUP (ORDER BY a.ms_in_scene) / 1000.0)::numeric, 1)::float AS median,
              count(*)::int AS visits
         FROM simulation_action a JOIN simulation_run r ON r.id = a.run_id
        WHERE r.lesson_key = $1 AND a.choice_id IS NOT NULL
        GROUP BY 1 ORDER BY 1`,
      [key],
    );

    const choice = (sceneId: string, choiceId: string) =>
      scenario.scenes.find((s) => s.id === sceneId)?.choices.find((c) => c.id === choiceId);
    const cost = (sceneId: string, choiceId: string) =>
      (choice(sceneId, choiceId)?.effects ?? []).reduce((sum, e) => sum + e.delta, 0);
    return {
      lessonKey: key,
      title: lesson.title,
      runs: totals.runs,
      finished: totals.finished,
      learners: totals.learners,
      endings: endings.map((e) => ({
        sceneId: e.scene_id,
        title: title(e.scene_id),
        rating: e.rating,
        count: e.count,
      })),
      transitions: transitions.map((t) => ({
        fromSceneId: t.scene_id,
        fromTitle: title(t.scene_id),
        toSceneId: t.to_scene_id,
        toTitle: title(t.to_scene_id),
        choiceId: t.choice_id,
        label: choice(t.scene_id, t.choice_id)?.label ?? t.choice_id,
        count: t.count,
      })),
      wrongChoices: transitions
        .filter((t) => cost(t.scene_id, t.choice_id) < 0)
        .slice(0, 10)
        .map((t) => ({
          sceneId: t.scene_id,
          sceneTitle: title(t.scene_id),
          choiceId: t.choice_id,
          label: choice(t.scene_id, t.choice_id)?.label ?? t.choice_id,
          count: t.count,
        })),
      practiceMistakes: mistakes.map((m) => ({
        sceneId: m.scene_id,
        sceneTitle: title(m.scene_id),
        target: m.target,
        label: m.label,
        expected: m.expected,
        count: m.count,
      })),
      competencyByOpd: averagesByOpd(finishedRuns, scenario.competencies),
      secondsPerScene: seconds.map((s) => ({
        sceneId: s.scene_id,
        title: title(s.scene_id),
        medianSeconds: s.median,
        visits: s.visits,
      })),
    };
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scenario simulations: each play of a simulation lesson (a run, with the engine's state)
 * and each action in it, numbered, so a retried action is recognised and the analytics can
 * count paths, mistakes and time per scene.
 */
export class Simulation1765100000000 implements MigrationInterface {
  name = 'Simulation1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE simulation_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrolment_id uuid NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL REFERENCES lesson(id),
        -- the same lesson across course versions: analytics follow it
        lesson_key uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user(id),
        -- the learner's unit when the run started, for the figures per OPD
        org_unit_id uuid NOT NULL REFERENCES org_unit(id),
        status varchar(10) NOT NULL DEFAULT 'playing'
          CHECK (status IN ('playing', 'ended', 'abandoned')),
        seq integer NOT NULL DEFAULT 0,
        state jsonb NOT NULL,
        scene_entered_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        rating varchar(10) CHECK (rating IN ('best', 'acceptable', 'poor')),
        total_score numeric(10,2),
        completes boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE UNIQUE INDEX simulation_run_one_playing
      ON simulation_run (enrolment_id, lesson_id) WHERE status = 'playing'`);
    await q.query(
      `CREATE INDEX simulation_run_learner_idx ON simulation_run (enrolment_id, lesson_id, started_at DESC)`,
    );
    await q.query(`CREATE INDEX simulation_run_key_idx ON simulation_run (lesson_key, status)`);
    await q.query(`
      CREATE TABLE simulation_action (
        run_id uuid NOT NULL REFERENCES simulation_run(id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq > 0),
        -- the scene the action was taken in
        scene_id varchar(80) NOT NULL,
        action jsonb NOT NULL,
        choice_id varchar(80),
        to_scene_id varchar(80),
        feedback text,
        mistakes jsonb NOT NULL DEFAULT '[]',
        -- time in the scene before this action (server clock)
        ms_in_scene integer NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (run_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE simulation_action`);
    await q.query(`DROP TABLE simulation_run`);
  }
}

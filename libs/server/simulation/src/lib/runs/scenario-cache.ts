import type { SimulationContent } from '@siantar/scenario';
import type { EntityManager } from 'typeorm';

const MAX_ENTRIES = 200;

/**
 * Simulation lesson content by lesson id. Runs only exist for lessons of versions learners
 * are enrolled in, which are published and never change, so a lesson's scenario (up to 500 KB)
 * is read once per process instead of once per step. Least recently used entries go first.
 */
export class ScenarioCache {
  private readonly entries = new Map<string, SimulationContent>();

  async get(em: EntityManager, lessonId: string): Promise<SimulationContent> {
    const hit = this.entries.get(lessonId);
    if (hit) {
      this.entries.delete(lessonId);
      this.entries.set(lessonId, hit);
      return hit;
    }
    const [row]: { content: SimulationContent }[] = await em.query(
      `SELECT content FROM lesson WHERE id = $1`,
      [lessonId],
    );
    this.entries.set(lessonId, row.content);
    if (this.entries.size > MAX_ENTRIES)
      this.entries.delete(this.entries.keys().next().value as string);
    return row.content;
  }
}

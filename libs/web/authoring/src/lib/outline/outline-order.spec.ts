import type { LessonResponse, ModuleResponse } from '@siantar/contracts';
import {
  applyOutlineOrder,
  moveLesson,
  moveLessonBy,
  moveModule,
  moveModuleBy,
  outlineOrder,
} from './outline-order';

function lesson(id: string, moduleId: string, position: number): LessonResponse {
  return {
    id,
    key: `k-${id}`,
    moduleId,
    position,
    type: 'text',
    title: id,
    durationMinutes: 10,
    content: { format: 'markdown', source: id },
  };
}

/** Positions deliberately out of array order: the order comes from `position`. */
const MODULES: ModuleResponse[] = [
  { id: 'm2', position: 2, title: 'Dua', lessons: [lesson('c', 'm2', 1)] },
  {
    id: 'm1',
    position: 1,
    title: 'Satu',
    lessons: [lesson('b', 'm1', 2), lesson('a', 'm1', 1)],
  },
  { id: 'm3', position: 3, title: 'Tiga', lessons: [] },
];

describe('outline order', () => {
  const order = outlineOrder(MODULES);

  it('lists every module and lesson once, by position', () => {
    expect(order).toEqual({
      modules: [
        { moduleId: 'm1', lessonIds: ['a', 'b'] },
        { moduleId: 'm2', lessonIds: ['c'] },
        { moduleId: 'm3', lessonIds: [] },
      ],
    });
  });

  it('moves a module after a drop, without touching the input', () => {
    expect(moveModule(order, 0, 2).modules.map((m) => m.moduleId)).toEqual(['m2', 'm3', 'm1']);
    expect(order.modules[0]?.moduleId).toBe('m1');
  });

  it('moves a lesson within its module', () => {
    const next = moveLesson(order, { moduleId: 'm1', index: 0 }, { moduleId: 'm1', index: 1 });
    expect(next.modules[0]).toEqual({ moduleId: 'm1', lessonIds: ['b', 'a'] });
  });

  it('moves a lesson across modules, including into an empty module', () => {
    const next = moveLesson(order, { moduleId: 'm1', index: 1 }, { moduleId: 'm2', index: 0 });
    expect(next.modules).toEqual([
      { moduleId: 'm1', lessonIds: ['a'] },
      { moduleId: 'm2', lessonIds: ['b', 'c'] },
      { moduleId: 'm3', lessonIds: [] },
    ]);
    const intoEmpty = moveLesson(next, { moduleId: 'm2', index: 1 }, { moduleId: 'm3', index: 5 });
    expect(intoEmpty.modules[2]).toEqual({ moduleId: 'm3', lessonIds: ['c'] });
    // Every lesson still appears exactly once.
    expect(intoEmpty.modules.flatMap((m) => m.lessonIds).sort()).toEqual(['a', 'b', 'c']);
  });

  it('ignores a drop from an index that does not exist', () => {
    expect(moveLesson(order, { moduleId: 'm3', index: 0 }, { moduleId: 'm1', index: 0 })).toEqual(
      order,
    );
  });

  describe('keyboard moves', () => {
    it('moves a module up and down, and refuses past the ends', () => {
      const down = moveModuleBy(order, 'm1', 1);
      expect(down?.request.modules.map((m) => m.moduleId)).toEqual(['m2', 'm1', 'm3']);
      expect(down).toMatchObject({ index: 1, count: 3 });
      expect(moveModuleBy(order, 'm1', -1)).toBeNull();
      expect(moveModuleBy(order, 'm3', 1)).toBeNull();
    });

    it('moves a lesson within its module', () => {
      const up = moveLessonBy(order, 'b', -1);
      expect(up?.request.modules[0]?.lessonIds).toEqual(['b', 'a']);
      expect(up).toMatchObject({ moduleId: 'm1', index: 0, count: 2 });
    });

    it('moves a lesson down out of its module to the top of the next one', () => {
      const down = moveLessonBy(order, 'b', 1);
      expect(down?.request.modules).toEqual([
        { moduleId: 'm1', lessonIds: ['a'] },
        { moduleId: 'm2', lessonIds: ['b', 'c'] },
        { moduleId: 'm3', lessonIds: [] },
      ]);
      expect(down).toMatchObject({ moduleId: 'm2', index: 0, count: 2 });
    });

    it('moves a lesson up out of its module to the end of the previous one', () => {
      const up = moveLessonBy(order, 'c', -1);
      expect(up?.request.modules[0]?.lessonIds).toEqual(['a', 'b', 'c']);
      expect(up?.request.modules[1]?.lessonIds).toEqual([]);
      expect(up).toMatchObject({ moduleId: 'm1', index: 2, count: 3 });
    });

    it('refuses at the very first and last place of the course', () => {
      expect(moveLessonBy(order, 'a', -1)).toBeNull();
      const inLast = moveLesson(order, { moduleId: 'm2', index: 0 }, { moduleId: 'm3', index: 0 });
      expect(moveLessonBy(inLast, 'c', 1)).toBeNull();
      expect(moveLessonBy(order, 'nope', 1)).toBeNull();
    });
  });

  it('applies an order to the modules for an optimistic update', () => {
    const next = moveLesson(order, { moduleId: 'm1', index: 0 }, { moduleId: 'm2', index: 1 });
    const applied = applyOutlineOrder(MODULES, next);
    expect(applied.map((m) => [m.id, m.position, m.lessons.map((l) => l.id)])).toEqual([
      ['m1', 1, ['b']],
      ['m2', 2, ['c', 'a']],
      ['m3', 3, []],
    ]);
    expect(applied[1]?.lessons[1]).toMatchObject({ id: 'a', moduleId: 'm2', position: 2 });
  });
});

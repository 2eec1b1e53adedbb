import type { ModuleResponse, ReorderOutlineRequest } from '@siantar/contracts';

/** Where a lesson sits: its module and its 0-based index there. */
export interface LessonSlot {
  moduleId: string;
  index: number;
}

/** A keyboard move's result: the new order, plus where the item ended up (for the announcement). */
export interface MoveResult {
  request: ReorderOutlineRequest;
  moduleId: string;
  /** 0-based index in its module (lessons) or in the course (modules). */
  index: number;
  /** Items in the list it ended up in. */
  count: number;
}

/** The whole order as the API wants it (PUT …/draft/outline): every module, every lesson, once. */
export function outlineOrder(modules: readonly ModuleResponse[]): ReorderOutlineRequest {
  return {
    modules: [...modules]
      .sort((a, b) => a.position - b.position)
      .map((m) => ({
        moduleId: m.id,
        lessonIds: [...m.lessons].sort((a, b) => a.position - b.position).map((l) => l.id),
      })),
  };
}

function clone(request: ReorderOutlineRequest): ReorderOutlineRequest {
  return {
    modules: request.modules.map((m) => ({ moduleId: m.moduleId, lessonIds: [...m.lessonIds] })),
  };
}

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));

/** A module dragged from one index to another. */
export function moveModule(
  request: ReorderOutlineRequest,
  fromIndex: number,
  toIndex: number,
): ReorderOutlineRequest {
  const next = clone(request);
  const last = next.modules.length - 1;
  if (fromIndex < 0 || fromIndex > last) {
    return next;
  }
  const [moved] = next.modules.splice(fromIndex, 1);
  if (moved) {
    next.modules.splice(clamp(toIndex, 0, last), 0, moved);
  }
  return next;
}

/** A lesson dropped at `to`, in the same module or another one (CDK drop semantics: index in the target list). */
export function moveLesson(
  request: ReorderOutlineRequest,
  from: LessonSlot,
  to: LessonSlot,
): ReorderOutlineRequest {
  const next = clone(request);
  const source = next.modules.find((m) => m.moduleId === from.moduleId);
  const target = next.modules.find((m) => m.moduleId === to.moduleId);
  if (!source || !target || from.index < 0 || from.index >= source.lessonIds.length) {
    return next;
  }
  const [lessonId] = source.lessonIds.splice(from.index, 1);
  if (lessonId) {
    target.lessonIds.splice(clamp(to.index, 0, target.lessonIds.length), 0, lessonId);
  }
  return next;
}

/** Keyboard: a module one place up (-1) or down (+1); null when it cannot move. */
export function moveModuleBy(
  request: ReorderOutlineRequest,
  moduleId: string,
  delta: -1 | 1,
): MoveResult | null {
  const from = request.modules.findIndex((m) => m.moduleId === moduleId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= request.modules.length) {
    return null;
  }
  return {
    request: moveModule(request, from, to),
    moduleId,
    index: to,
    count: request.modules.length,
  };
}

/**
 * Keyboard: a lesson one place up (-1) or down (+1). At the top of its module it moves to the
 * end of the previous module, at the bottom to the start of the next one; null at the very
 * first / last place of the course.
 */
export function moveLessonBy(
  request: ReorderOutlineRequest,
  lessonId: string,
  delta: -1 | 1,
): MoveResult | null {
  const mi = request.modules.findIndex((m) => m.lessonIds.includes(lessonId));
  const module = request.modules[mi];
  if (!module) {
    return null;
  }
  const li = module.lessonIds.indexOf(lessonId);
  const to = li + delta;
  if (to >= 0 && to < module.lessonIds.length) {
    return {
      request: moveLesson(
        request,
        { moduleId: module.moduleId, index: li },
        { moduleId: module.moduleId, index: to },
      ),
      moduleId: module.moduleId,
      index: to,
      count: module.lessonIds.length,
    };
  }
  const neighbour = request.modules[mi + delta];
  if (!neighbour) {
    return null;
  }
  const index = delta < 0 ? neighbour.lessonIds.length : 0;
  return {
    request: moveLesson(
      request,
      { moduleId: module.moduleId, index: li },
      { moduleId: neighbour.moduleId, index },
    ),
    moduleId: neighbour.moduleId,
    index,
    count: neighbour.lessonIds.length + 1,
  };
}

/** The modules rearranged to an order (optimistic update before the server answers). */
export function applyOutlineOrder(
  modules: readonly ModuleResponse[],
  request: ReorderOutlineRequest,
): ModuleResponse[] {
  const moduleById = new Map(modules.map((m) => [m.id, m]));
  const lessonById = new Map(modules.flatMap((m) => m.lessons).map((l) => [l.id, l]));
  const result: ModuleResponse[] = [];
  request.modules.forEach((order, position) => {
    const module = moduleById.get(order.moduleId);
    if (!module) {
      return;
    }
    const lessons = order.lessonIds.flatMap((id, lessonPosition) => {
      const lesson = lessonById.get(id);
      return lesson ? [{ ...lesson, moduleId: module.id, position: lessonPosition + 1 }] : [];
    });
    result.push({ ...module, position: position + 1, lessons });
  });
  return result;
}

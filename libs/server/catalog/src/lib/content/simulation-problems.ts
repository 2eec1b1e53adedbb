import { type ScenarioProblem, type SimulationContent, validateScenario } from '@siantar/scenario';

/** The story problems of a draft's simulation lessons, which keep it from review. */
export function simulationProblems(
  lessons: { id: string; type: string; title: string; content: unknown }[],
): { lessonId: string; lesson: string; problems: ScenarioProblem[] }[] {
  return lessons
    .filter((l) => l.type === 'simulation')
    .map((l) => ({
      lessonId: l.id,
      lesson: l.title,
      problems: validateScenario((l.content as SimulationContent).scenario),
    }))
    .filter((x) => x.problems.length > 0);
}

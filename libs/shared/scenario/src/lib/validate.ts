import { adjacency, reachableFrom, reversed } from './graph';
import type { Condition, PracticeTask, Scenario } from './model';
import { practiceProblems } from './validate-practice';

export const PROBLEM_CODES = [
  'missing-text',
  'no-scenes',
  'duplicate-id',
  'start-missing',
  'choice-without-target',
  'target-unknown',
  'ending-with-choices',
  'dead-end',
  'unreachable',
  'no-exit',
  'no-ending',
  'undefined-variable',
  'undefined-competency',
  'variable-range',
  'practice-invalid',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One thing that stops a scenario from being published, pointing at its scene. */
export interface ScenarioProblem {
  code: ProblemCode;
  /** The scene it is about, when there is one (the editor selects it). */
  sceneId: string | null;
  /** Where in the scenario, e.g. `scenes[2].choices[0].targetSceneId`. */
  path: string;
  message: string;
}

function conditionVariables(c: Condition, out: string[] = []): string[] {
  if ('variable' in c) out.push(c.variable);
  else if ('all' in c) c.all.forEach((x) => conditionVariables(x, out));
  else if ('any' in c) c.any.forEach((x) => conditionVariables(x, out));
  else conditionVariables(c.not, out);
  return out;
}

const blank = (s: string | undefined) => !s || s.trim() === '';

/**
 * Everything that makes a scenario unplayable or misleading, in Bahasa Indonesia, each
 * problem with its scene. Reachability is structural (conditions are not solved): a scene
 * no choice leads to is unreachable; a scene from which no path leads to an ending is a
 * dead end (no choices) or a loop without exit.
 */
export function validateScenario(s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const add = (code: ProblemCode, sceneId: string | null, path: string, message: string) =>
    problems.push({ code, sceneId, path, message });

  if (blank(s.title)) add('missing-text', null, 'title', 'Skenario belum berjudul.');
  const competencies = new Set<string>();
  s.competencies.forEach((c, i) => {
    if (competencies.has(c.key))
      add(
        'duplicate-id',
        null,
        `competencies[${i}].key`,
        `Kompetensi "${c.key}" disebut dua kali.`,
      );
    competencies.add(c.key);
  });
  const variables = new Set<string>();
  s.variables.forEach((v, i) => {
    if (variables.has(v.key))
      add('duplicate-id', null, `variables[${i}].key`, `Variabel "${v.key}" disebut dua kali.`);
    variables.add(v.key);
    const lo = v.min ?? -Infinity;
    const hi = v.max ?? Infinity;
    if (lo > hi || v.initial < lo || v.initial > hi)
      add(
        'variable-range',
        null,
        `variables[${i}]`,
        `Variabel "${v.key}": nilai awal ${v.initial} harus di antara batas bawah dan atas, dan batas bawah tidak boleh melebihi batas atas.`,
      );
  });
  if (s.scenes.length === 0) {
    add('no-scenes', null, 'scenes', 'Skenario belum memiliki adegan.');
    return problems;
  }

  const ids = new Map<string, number>();
  s.scenes.forEach((sc, i) => {
    if (ids.has(sc.id))
      add('duplicate-id', sc.id, `scenes[${i}].id`, `Id adegan "${sc.id}" dipakai dua kali.`);
    else ids.set(sc.id, i);
  });
  if (!ids.has(s.startSceneId))
    add(
      'start-missing',
      null,
      'startSceneId',
      `Adegan awal "${s.startSceneId}" tidak ada; pilih adegan pembuka.`,
    );

  s.scenes.forEach((sc, i) => {
    const at = `scenes[${i}]`;
    const name = `Adegan "${sc.title || sc.id}"`;
    if (blank(sc.title))
      add('missing-text', sc.id, `${at}.title`, `Adegan "${sc.id}" belum berjudul.`);
    if (blank(sc.narrative) && !sc.speaker)
      add('missing-text', sc.id, `${at}.narrative`, `${name} belum memiliki narasi.`);
    if (sc.ending && sc.choices.length > 0)
      add(
        'ending-with-choices',
        sc.id,
        `${at}.choices`,
        `${name} adalah akhir cerita tetapi masih memiliki pilihan; hapus pilihannya atau jadikan adegan biasa.`,
      );
    if (!sc.ending && sc.choices.length === 0)
      add(
        'dead-end',
        sc.id,
        `${at}.choices`,
        `${name} buntu: tidak memiliki pilihan dan bukan akhir cerita.`,
      );
    if (sc.ending && blank(sc.ending.debrief))
      add(
        'missing-text',
        sc.id,
        `${at}.ending.debrief`,
        `${name}: akhir cerita belum memiliki pembahasan.`,
      );
    const choiceIds = new Set<string>();
    sc.choices.forEach((c, j) => {
      const cat = `${at}.choices[${j}]`;
      if (choiceIds.has(c.id))
        add('duplicate-id', sc.id, `${cat}.id`, `${name}: id pilihan "${c.id}" dipakai dua kali.`);
      choiceIds.add(c.id);
      if (blank(c.label))
        add('missing-text', sc.id, `${cat}.label`, `${name}: pilihan ${j + 1} belum bertulisan.`);
      if (c.targetSceneId === null)
        add(
          'choice-without-target',
          sc.id,
          `${cat}.targetSceneId`,
          `${name}: pilihan "${c.label || c.id}" belum diarahkan ke adegan mana pun.`,
        );
      else if (!ids.has(c.targetSceneId))
        add(
          'target-unknown',
          sc.id,
          `${cat}.targetSceneId`,
          `${name}: pilihan "${c.label || c.id}" mengarah ke adegan "${c.targetSceneId}" yang tidak ada.`,
        );
      for (const v of c.condition ? conditionVariables(c.condition) : [])
        if (!variables.has(v))
          add(
            'undefined-variable',
            sc.id,
            `${cat}.condition`,
            `${name}: syarat pilihan memakai variabel "${v}" yang belum didefinisikan.`,
          );
      (c.updates ?? []).forEach((u, k) => {
        if (!variables.has(u.variable))
          add(
            'undefined-variable',
            sc.id,
            `${cat}.updates[${k}].variable`,
            `${name}: pilihan mengubah variabel "${u.variable}" yang belum didefinisikan.`,
          );
      });
      (c.effects ?? []).forEach((e, k) => {
        if (!competencies.has(e.competency))
          add(
            'undefined-competency',
            sc.id,
            `${cat}.effects[${k}].competency`,
            `${name}: pilihan memberi nilai kompetensi "${e.competency}" yang belum didefinisikan.`,
          );
      });
    });
    if (sc.practice) {
      const p: PracticeTask = sc.practice;
      if (p.competency && !competencies.has(p.competency))
        add(
          'undefined-competency',
          sc.id,
          `${at}.practice.competency`,
          `${name}: latihan memotong nilai kompetensi "${p.competency}" yang belum didefinisikan.`,
        );
      for (const m of practiceProblems(p))
        add('practice-invalid', sc.id, `${at}.practice${m.path}`, `${name}: ${m.message}`);
    }
  });

  const adj = adjacency(s);
  const endings = s.scenes.flatMap((sc, i) => (sc.ending ? [i] : []));
  if (endings.length === 0)
    add(
      'no-ending',
      null,
      'scenes',
      'Skenario belum memiliki akhir cerita; tandai minimal satu adegan sebagai akhir.',
    );
  const start = ids.get(s.startSceneId);
  const reached = start === undefined ? adj.map(() => true) : reachableFrom(adj, [start]);
  const exits = reachableFrom(reversed(adj), endings);
  s.scenes.forEach((sc, i) => {
    if (ids.get(sc.id) !== i) return;
    if (!reached[i])
      add(
        'unreachable',
        sc.id,
        `scenes[${i}]`,
        `Adegan "${sc.title || sc.id}" tidak dapat dicapai dari adegan awal.`,
      );
    else if (!exits[i] && !sc.ending && sc.choices.length > 0 && endings.length > 0)
      add(
        'no-exit',
        sc.id,
        `scenes[${i}]`,
        `Dari adegan "${sc.title || sc.id}" tidak ada jalan menuju akhir cerita: pilihannya berputar atau buntu.`,
      );
  });
  return problems;
}

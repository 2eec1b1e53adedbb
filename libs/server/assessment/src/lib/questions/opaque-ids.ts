import type { ChoiceAnswer, OrderingItem, QuestionDraft } from '@siantar/contracts';
import { randomBytes } from 'node:crypto';

const OPAQUE = /^x[0-9a-f]{11}$/;

/** Keeps an id we generated earlier (an edit sends it back) so stored answers stay valid. */
const opaque = (id: string, used: Set<string>): string => {
  let next =
    OPAQUE.test(id) && !used.has(id) ? id : `x${randomBytes(6).toString('hex').slice(0, 11)}`;
  while (used.has(next)) next = `x${randomBytes(6).toString('hex').slice(0, 11)}`;
  used.add(next);
  return next;
};

const remap = <T extends ChoiceAnswer | OrderingItem>(items: T[]): T[] => {
  const used = new Set<string>();
  return items.map((it) => ({ ...it, id: opaque(it.id, used) }));
};

/**
 * Choice and ordering-item ids reach the learner's browser. Ids like `a1, a2` or
 * `i1, i2, i3` would give away the author's order (the correct order of an ordering
 * question, and often the right choice first), so stored ids are random.
 */
export function withOpaqueIds(draft: QuestionDraft): QuestionDraft {
  const b = draft.body;
  switch (b.type) {
    case 'single-choice':
    case 'multiple-response':
      return { ...draft, body: { ...b, answers: remap(b.answers) } };
    case 'ordering':
      return { ...draft, body: { ...b, items: remap(b.items) } };
    case 'cloze':
      return {
        ...draft,
        body: {
          ...b,
          gaps: b.gaps.map((g) =>
            g.type === 'single-choice' ? { ...g, answers: remap(g.answers) } : g,
          ),
        },
      };
    default:
      return draft;
  }
}

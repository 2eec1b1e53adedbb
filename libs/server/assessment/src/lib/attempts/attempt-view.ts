import type {
  AttemptQuestionView,
  AttemptResult,
  AttemptView,
  SlotReview,
} from '@siantar/contracts';
import { type AttemptRow, num, type SlotRow } from './attempt-rows';
import { rightAnswerText } from './right-answer';

export type Viewer = 'learner' | 'staff';

/** What the review options let the learner see now (staff always see everything). */
export function reviewRights(a: AttemptRow, viewer: Viewer, now = new Date()) {
  const finished = a.status === 'graded' || a.status === 'awaiting-grading';
  if (viewer === 'staff')
    return { open: finished, score: true, rightAnswers: true, feedback: true };
  const r = a.settings.review;
  const closed = a.settings.closesAt !== null && new Date(a.settings.closesAt) <= now;
  const open = finished && (r.when === 'immediately' || (r.when === 'after-close' && closed));
  return {
    open,
    score: open && r.score,
    rightAnswers: open && r.rightAnswers,
    feedback: open && r.feedback,
  };
}

export function attemptResult(a: AttemptRow, viewer: Viewer): AttemptResult | null {
  if (a.status === 'in-progress') return null;
  const rights = reviewRights(a, viewer);
  return {
    status: a.status,
    mark: rights.score ? num(a.mark) : null,
    maxMark: Number(a.max_mark),
    percent: rights.score ? num(a.percent) : null,
    passed: rights.score ? a.passed : null,
    gradedAt: a.graded_at ? new Date(a.graded_at).toISOString() : null,
  };
}

function slotReview(s: SlotRow, rights: ReturnType<typeof reviewRights>): SlotReview {
  return {
    mark: rights.score ? num(s.mark) : null,
    fraction: rights.score ? num(s.fraction) : null,
    feedback: rights.feedback ? s.feedback : [],
    ...(rights.feedback && s.general_feedback ? { generalFeedback: s.general_feedback } : {}),
    ...(rights.rightAnswers ? withRight(rightAnswerText(s.body)) : {}),
    ...(rights.feedback && s.comment ? { comment: s.comment } : {}),
  };
}

const withRight = (text: string | undefined) => (text ? { rightAnswer: text } : {});

export function attemptView(
  a: AttemptRow,
  slots: SlotRow[],
  quizTitle: string,
  viewer: Viewer,
): AttemptView {
  const rights = reviewRights(a, viewer);
  return {
    id: a.id,
    quizId: a.quiz_id,
    quizTitle,
    number: a.number,
    status: a.status,
    navigation: a.settings.navigation,
    currentSlot: a.current_slot,
    startedAt: new Date(a.started_at).toISOString(),
    deadline: a.deadline ? new Date(a.deadline).toISOString() : null,
    serverNow: new Date().toISOString(),
    submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
    questions: slots.map((s): AttemptQuestionView => ({
      slot: s.slot,
      type: s.type,
      name: s.name,
      html: s.html,
      maxMark: Number(s.max_mark),
      body: s.view,
      response: s.response,
      seq: s.seq,
      ...(rights.open ? { review: slotReview(s, rights) } : {}),
    })),
    result: attemptResult(a, viewer),
  };
}

import { applyTransition, type Actor, type TransitionRow } from '@gov/auth';
import { GovError, type legalReview } from '@gov/contracts';

/**
 * Legal review (合法性审查) as far as issues 3 and 4 need it: a request arrives from documents or meetings and a
 * legal officer concludes it with an opinion. The full section (material checklist, acceptance or return, the
 * opinion clock, 备案 within 30 days, 行政复议; shared/ARCHITECTURE.md) is not built yet: see
 * services/legal-review/README.md.
 */
export type ReviewState = legalReview.LegalReviewView['state'];
export type ReviewAction = 'conclude';

export const REVIEW_TRANSITIONS: ReadonlyArray<TransitionRow<ReviewState, ReviewAction>> = [
  { from: 'requested', action: 'conclude', roles: ['legal-officer'], to: 'concluded' },
];

export function nextReviewState(from: ReviewState | null, action: ReviewAction, actor: Actor): ReviewState {
  return applyTransition(REVIEW_TRANSITIONS, from, action, actor, { what: 'a legal review', absent: 'not requested' });
}

/** 法审〔YYYY〕N号: the opinion's number (the platform's 文号 style; the seeds give no format). */
export const OPINION_NUMBER_PREFIX = '法审';

/**
 * An opinion that does not simply pass must say why: the asking section shows the reason to its clerk, and a
 * failed review blocks the document or topic (a bare "不通过" gives the drafter nothing to fix).
 */
export function assertOpinion(outcome: legalReview.LegalReviewOutcome, summary: string | undefined): void {
  if (outcome !== 'passed' && !summary?.trim()) {
    throw GovError.badInput(`an opinion of ${outcome} needs its reason (summary)`, { field: 'summary', outcome });
  }
}

import type { Actor, Role } from '@gov/auth';
import { canRead, applyTransition } from '@gov/auth';
import { GovError, type Classification } from '@gov/contracts';
import {
  INCOMING_REVIEW_TRANSITIONS,
  type IncomingReviewAction,
  type IncomingReviewState,
} from '../incoming-review/initial-review.rules.js';

/**
 * Rules of incoming-document registration (收文登记). Pure functions; the use case calls them.
 * Sources: seed000-a W9 (seed 000 L148–166), seed001 A (seed 001 L1040, L1514–1522), seed004 W2 (seed 004 L30).
 */

export type IncomingState = 'received' | IncomingReviewState;
export type IncomingAction = 'sign-for' | 'register' | IncomingReviewAction;

/**
 * The incoming-document state machine as a table of (state, action, roles) → next state. Registration
 * records the sign-for (签收) and the registration (登记) as two signed steps; the rows of
 * INCOMING_REVIEW_TRANSITIONS (初审, 退文, 拟办, 送审, 呈批, 批示, 承办, 传阅, 催办, 办结, 办复, 归档) follow from
 * `registered` (decision D1: 初审 runs on the register, so a returned item keeps its number).
 */
export const INCOMING_TRANSITIONS: ReadonlyArray<{
  from: IncomingState | null;
  action: IncomingAction;
  roles: readonly Role[];
  to: IncomingState;
}> = [
  { from: null, action: 'sign-for', roles: ['clerk', 'confidential-clerk'], to: 'received' },
  { from: 'received', action: 'register', roles: ['clerk', 'confidential-clerk'], to: 'registered' },
  ...INCOMING_REVIEW_TRANSITIONS,
];

export function nextState(from: IncomingState | null, action: IncomingAction, actor: Actor): IncomingState {
  return applyTransition(INCOMING_TRANSITIONS, from, action, actor, { what: 'a document', absent: 'not yet received' });
}

/**
 * Classified documents (三密件) are carried and registered by the confidential clerk only, on a separate
 * track (seed 001 L1514–1516; seed 004 L30 "机要室"); the clerk's clearance must cover the level.
 */
export function assertMayRegister(actor: Actor, classification: Classification): void {
  if (classification !== 'none' && !actor.roles.includes('confidential-clerk')) {
    throw GovError.forbidden('classified documents are registered by the confidential clerk (机要员) only');
  }
  if (!canRead(actor, { classification, needToKnow: [actor.id] }).allowed) {
    throw GovError.forbidden('your clearance does not cover this document');
  }
}

/** A receipt time may not lie in the future (a little clock skew between desks is allowed). */
export const RECEIVED_AT_SKEW_MS = 5 * 60 * 1000;

export function assertReceivedAt(receivedAt: Date, now: Date): void {
  if (receivedAt.getTime() > now.getTime() + RECEIVED_AT_SKEW_MS) {
    throw GovError.badInput('receivedAt lies in the future', { field: 'receivedAt' });
  }
}

/**
 * 办文编号. The seeds name it in every register (seed 000 L100, L102, L166) without giving its format; the
 * platform numbers incoming documents per calendar year (Beijing time) under the prefix 收文, printed like a
 * 文号: 收文〔2026〕15号 (allocateYearNumber). See docs/decisions.md.
 */
export const REGISTER_PREFIX = '收文';


/** Who may read a document: unclassified to every office role; classified only within its 知悉范围. */
export function readDecision(actor: Actor, doc: { classification: Classification; needToKnow: string[] }) {
  return canRead(actor, { classification: doc.classification, needToKnow: doc.needToKnow });
}

/** Events never carry classified content: the title travels only for unclassified documents. */
export function publicTitle(doc: { classification: Classification; title: string }): string | null {
  return doc.classification === 'none' ? doc.title : null;
}

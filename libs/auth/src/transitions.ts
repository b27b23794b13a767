import { GovError } from '@gov/contracts';
import type { Actor } from './actor.js';
import type { Role } from './roles.js';

/**
 * One row of a workflow's state machine: in state `from` (null: the item does not exist yet), `action` by one
 * of `roles` leads to `to`. Every workflow keeps its machine as such a table (docs/how-to-add-a-workflow.md).
 */
export interface TransitionRow<S extends string, A extends string> {
  readonly from: S | null;
  readonly action: A;
  readonly roles: readonly Role[];
  readonly to: S;
}

/** How refusals name the item: `what` with its article ("a draft"), and the words for "does not exist yet". */
export interface TransitionSubject {
  what: string;
  absent: string;
}

/**
 * Reads a table: CONFLICT when the state does not allow the action (no row), FORBIDDEN when the actor holds
 * none of the row's roles; otherwise the next state.
 */
export function applyTransition<S extends string, A extends string>(
  table: ReadonlyArray<TransitionRow<S, A>>,
  from: S | null,
  action: A,
  actor: Actor,
  subject: TransitionSubject,
): S {
  const row = table.find((t) => t.from === from && t.action === action);
  if (!row) throw GovError.conflict(`cannot ${action} ${subject.what} that is ${from ?? subject.absent}`, { from, action });
  if (!actor.roles.some((r) => row.roles.includes(r))) {
    throw GovError.forbidden(`${action} needs one of the roles ${row.roles.join(', ')}`, { requiredRoles: [...row.roles] });
  }
  return row.to;
}

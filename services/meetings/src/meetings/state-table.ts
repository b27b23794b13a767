import type { Actor, Role } from '@gov/auth';
import { GovError } from '@gov/contracts';

/**
 * One row of a state machine: in state `from` (null: the item does not exist yet), `action` by one of
 * `roles` leads to `to`. Every workflow of the meetings section keeps its machine as such a table
 * (docs/how-to-add-a-workflow.md § 3).
 */
export interface TransitionRow<S extends string, A extends string> {
  readonly from: S | null;
  readonly action: A;
  readonly roles: readonly Role[];
  readonly to: S;
}

/**
 * Reads a table: CONFLICT when the state does not allow the action (no row), FORBIDDEN when the actor holds
 * none of the row's roles.
 */
export function applyTransition<S extends string, A extends string>(
  table: ReadonlyArray<TransitionRow<S, A>>,
  noun: string,
  from: S | null,
  action: A,
  actor: Actor,
): S {
  const row = table.find((t) => t.from === from && t.action === action);
  if (!row) {
    throw GovError.conflict(`cannot ${action} a ${noun} that is ${from ?? 'not yet registered'}`, { from, action });
  }
  if (!actor.roles.some((r) => row.roles.includes(r))) {
    throw GovError.forbidden(`${action} needs one of the roles ${row.roles.join(', ')}`, { requiredRoles: [...row.roles] });
  }
  return row.to;
}

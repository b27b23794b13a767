import { applyTransition as apply, type Actor, type TransitionRow } from '@gov/auth';

export type { TransitionRow };

/** The meetings section's wording for refusals of its tables (the reader is @gov/auth's applyTransition). */
export function applyTransition<S extends string, A extends string>(
  table: ReadonlyArray<TransitionRow<S, A>>,
  noun: string,
  from: S | null,
  action: A,
  actor: Actor,
): S {
  return apply(table, from, action, actor, { what: `a ${noun}`, absent: 'not yet registered' });
}

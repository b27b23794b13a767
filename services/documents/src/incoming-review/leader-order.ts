import { GovError } from '@gov/contracts';

/**
 * Ordering district leaders by rank (职务) for sign-off and circulation. Pure functions.
 *
 * Rank is the `rank` attribute of the actor (libs/auth Actor.rank): an integer, **1 = the most senior
 * leader** (the realm's one district leader, 陈光华 of unit QW, has rank 1). A larger number is a more junior
 * post. Leaders without a rank cannot be ordered and are refused.
 *
 * Two orders occur in the seeds, for different operations (seed000-a gap 4, seed000-b gap 10):
 * - **ascending** (由小到大, junior first, most senior last): co-signing a request or a draft by several leaders,
 *   "如需多名领导会签的,则按职务由小到大送签" (seed 000 L174, L228);
 * - **descending** (由高到低, most senior first): presenting higher-level documents for reading,
 *   "呈阅上级来文按领导排名顺序由高到低呈送" (seed 000 L1038).
 */

export interface RankedLeader {
  id: string;
  name: string;
  /** 1 = most senior. */
  rank: number | null;
}

/** 由小到大 (junior → senior) or 由高到低 (senior → junior). */
export type RankOrder = 'ascending' | 'descending';

function rankOf(leader: RankedLeader): number {
  if (leader.rank === null || !Number.isInteger(leader.rank) || leader.rank < 1) {
    throw GovError.badInput(`leader ${leader.name} has no rank, so the sign-off order cannot be set`, {
      leaderId: leader.id,
    });
  }
  return leader.rank;
}

function assertDistinct(leaders: readonly RankedLeader[]): void {
  const ids = new Set<string>();
  for (const l of leaders) {
    if (ids.has(l.id)) throw GovError.badInput(`leader ${l.name} is listed twice`, { leaderId: l.id });
    ids.add(l.id);
  }
}

/**
 * The leaders in signing or reading order. Leaders of equal rank keep the order they were given in (the
 * seeds do not order equals). Throws BAD_USER_INPUT for a leader without a rank or a repeated leader.
 */
export function orderByRank<T extends RankedLeader>(leaders: readonly T[], order: RankOrder): T[] {
  assertDistinct(leaders);
  const keyed = leaders.map((l, i) => ({ l, i, r: rankOf(l) }));
  keyed.sort((a, b) => (order === 'ascending' ? b.r - a.r : a.r - b.r) || a.i - b.i);
  return keyed.map((k) => k.l);
}

/** True when `a` may come before `b` in the given order (equal ranks may come in either order). */
export function mayPrecede(a: RankedLeader, b: RankedLeader, order: RankOrder): boolean {
  return order === 'ascending' ? rankOf(a) >= rankOf(b) : rankOf(a) <= rankOf(b);
}

/** The planned leaders who may sign next: those not yet signed with no unsigned leader due before them. */
export function nextSigners<T extends RankedLeader>(planned: readonly T[], signedIds: readonly string[], order: RankOrder): T[] {
  const pending = planned.filter((l) => !signedIds.includes(l.id));
  if (pending.length === 0) return [];
  const first = orderByRank(pending, order)[0]!;
  return pending.filter((l) => rankOf(l) === rankOf(first));
}

/**
 * Refuses a signature out of turn (seed 000 L174, L228): the leader must be in the plan (else FORBIDDEN),
 * must not have signed already (CONFLICT), and no planned leader who is due earlier may still be unsigned
 * (CONFLICT: that would be 越级, signing past a level).
 */
export function assertMaySignNext(
  planned: readonly RankedLeader[],
  signedIds: readonly string[],
  leaderId: string,
  order: RankOrder,
): void {
  orderByRank(planned, order); // validates ranks and repeats
  const leader = planned.find((l) => l.id === leaderId);
  if (!leader) throw GovError.forbidden('this leader is not among those the item is submitted to', { leaderId });
  if (signedIds.includes(leaderId)) throw GovError.conflict(`${leader.name} has already signed`, { leaderId });
  const next = nextSigners(planned, signedIds, order);
  if (!next.some((l) => l.id === leaderId)) {
    throw GovError.conflict(
      `${leader.name} signs after ${next.map((l) => l.name).join('、')} (${order === 'ascending' ? '按职务由小到大送签' : '按职务由高到低'})`,
      { leaderId, waitingFor: next.map((l) => l.id) },
    );
  }
}

export interface SignatureInSequence {
  leaderId: string;
  signedAt: Date;
}

export type SequenceProblem =
  | { code: 'not-planned'; leaderId: string }
  | { code: 'signed-twice'; leaderId: string }
  | { code: 'out-of-order'; leaderId: string; before: string[] }
  | { code: 'time-goes-back'; leaderId: string }
  | { code: 'missing'; leaderId: string };

/**
 * Checks a whole recorded sequence of leader signatures against the plan: every signature by a planned
 * leader, once, in rank order, with times that never go back; complete when every planned leader signed.
 */
export function checkSignSequence(
  planned: readonly RankedLeader[],
  signatures: readonly SignatureInSequence[],
  order: RankOrder,
): { complete: boolean; problems: SequenceProblem[] } {
  orderByRank(planned, order);
  const problems: SequenceProblem[] = [];
  const signed: string[] = [];
  let last: Date | null = null;
  for (const s of signatures) {
    const leader = planned.find((l) => l.id === s.leaderId);
    if (!leader) {
      problems.push({ code: 'not-planned', leaderId: s.leaderId });
      continue;
    }
    if (signed.includes(s.leaderId)) {
      problems.push({ code: 'signed-twice', leaderId: s.leaderId });
      continue;
    }
    const next = nextSigners(planned, signed, order);
    if (!next.some((l) => l.id === s.leaderId)) {
      problems.push({ code: 'out-of-order', leaderId: s.leaderId, before: next.map((l) => l.id) });
    }
    if (last && s.signedAt.getTime() < last.getTime()) problems.push({ code: 'time-goes-back', leaderId: s.leaderId });
    last = s.signedAt;
    signed.push(s.leaderId);
  }
  for (const l of planned) if (!signed.includes(l.id)) problems.push({ code: 'missing', leaderId: l.id });
  return { complete: problems.length === 0, problems };
}

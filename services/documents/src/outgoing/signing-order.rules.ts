import { GovError } from '@gov/contracts';
import type { OutgoingSettings } from './outgoing.settings.js';
import { reviewSignOffs, type SignOff, type SignStep, type Signatory } from './signer.rules.js';

/**
 * The live order of co-signatures (会签), ahead of `assertMaySign`. Pure.
 *
 * `assertMaySign` (signer.rules.ts) checks a new sign-off against those already given: a junior signing after a
 * senior of the same phase is `out-of-rank-order`. Read alone it lets the senior sign first and then refuses
 * the junior forever, leaving the draft stuck. Co-signing goes in ascending rank, junior first (seed 000 L174,
 * L228: 由小到大; SCENARIOS seed000-a #11: the deputy first, the district head last), so the senior must wait
 * while a step of the same phase is still open that only more junior leaders can sign. This guard looks ahead
 * with the leader directory.
 */

const PHASE: Record<SignStep['kind'], number> = { 'office-review': 0, 'in-charge': 1, countersign: 2, issue: 3 };

function fits(step: SignStep, who: Signatory): boolean {
  return step.posts.some((p) => who.posts.includes(p)) && (step.portfolio === null || who.portfolios.includes(step.portfolio));
}

/**
 * CONFLICT `out-of-rank-order` with `waitFor` (the step ids) when the next signer is more senior than every
 * leader who could sign another open step of the same in-charge or countersign phase. Leaders without a rank
 * never block, and neither does a step no one in the directory can sign (复核 reports that one as 漏签).
 */
export function assertJuniorsSignFirst(
  plan: readonly SignStep[],
  given: readonly SignOff[],
  next: SignOff,
  directory: readonly Signatory[],
  settings: OutgoingSettings,
): void {
  const who = next.proxy ? next.proxy.onBehalfOf : next.signatory;
  if (who.rank === null) return;
  const { satisfied } = reviewSignOffs(plan, given, settings);
  const open = plan.filter((s) => satisfied[s.id] === undefined);
  const mine = open.filter((s) => fits(s, who));
  if (mine.length === 0) return;
  const phase = Math.min(...mine.map((s) => PHASE[s.kind]));
  if (phase !== PHASE['in-charge'] && phase !== PHASE.countersign) return;
  const waitFor = open
    .filter((s) => PHASE[s.kind] === phase && !fits(s, who))
    .filter((s) => {
      const ranks = directory.filter((d) => d.id !== who.id && fits(s, d)).map((d) => d.rank);
      return ranks.length > 0 && ranks.every((r) => r !== null && r > who.rank!);
    })
    .map((s) => s.id);
  if (waitFor.length > 0) {
    throw GovError.conflict('co-signing goes junior first (由小到大): more junior leaders sign before you', {
      problem: { code: 'out-of-rank-order' },
      waitFor,
    });
  }
}

import { GovError } from '@gov/contracts';
import { assertIsoDate, type IsoDate } from '@gov/calendar';
import type { ScoringSettings } from './scoring.settings.js';

/**
 * Scoring of undertaking units on supervision items (issue 5 §6: on time, late, sent back). No seed gives
 * numbers for it (seed 004 L205–211 and seed 003 gap 12: "no scoring"); the defaults in scoring.settings.ts
 * borrow seed 002's (README.md). The lead unit (主办) answers for the item: it sends the report (seed 001 L830).
 */

export interface UnitItemOutcome {
  /** the lead unit */
  readonly unit: string;
  readonly due: IsoDate;
  /** the day the completion report that was accepted arrived; null while none */
  readonly reportedOn: IsoDate | null;
  /** reports sent back (退回重报) on this item */
  readonly sentBack: number;
}

/** 'open' while not reported and not yet due; the due date itself is on time. */
export function itemTiming(outcome: UnitItemOutcome, asOf: IsoDate): 'on-time' | 'late' | 'open' {
  assertIsoDate(outcome.due, 'due');
  assertIsoDate(asOf, 'asOf');
  if (outcome.reportedOn === null) return asOf > outcome.due ? 'late' : 'open';
  assertIsoDate(outcome.reportedOn, 'reportedOn');
  return outcome.reportedOn > outcome.due ? 'late' : 'on-time';
}

/** The points an item gives its lead unit as of `asOf`: on time or late, plus each report sent back. */
export function unitItemPoints(outcome: UnitItemOutcome, asOf: IsoDate, settings: ScoringSettings): number {
  if (!Number.isInteger(outcome.sentBack) || outcome.sentBack < 0) {
    throw GovError.badInput(`sentBack must be a whole number >= 0, got ${outcome.sentBack}`, { field: 'sentBack' });
  }
  const timing = itemTiming(outcome, asOf);
  const base = timing === 'on-time' ? settings.units.onTime : timing === 'late' ? settings.units.late : 0;
  return base + outcome.sentBack * settings.units.sentBack;
}

/** Each unit's score for the year its items fell due in: the base plus the points of its items. */
export function unitScores(outcomes: readonly UnitItemOutcome[], year: number, asOf: IsoDate, settings: ScoringSettings): Map<string, number> {
  const scores = new Map<string, number>();
  for (const o of outcomes) {
    if (Number(o.due.slice(0, 4)) !== year) continue;
    scores.set(o.unit, (scores.get(o.unit) ?? settings.units.base) + unitItemPoints(o, asOf, settings));
  }
  return scores;
}

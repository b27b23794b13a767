import { GovError } from '@gov/contracts';
import { assertIsoDate, dueDate, type IsoDate, type WorkingCalendar } from '@gov/calendar';
import type { ScoreItem, ScoringSettings } from './scoring.settings.js';

/**
 * Internal scoring of the office's sections and staff (内务督查考核), seed002 W5 (seed 002 L33–48, L55). 综合股
 * leads, 督查室 cooperates (L37). Pure functions.
 */

/** One recorded deduction or addition. Entries for a person carry the section the person was in then (L45). */
export interface ScoreEntry {
  readonly code: string;
  readonly count: number;
  readonly on: IsoDate;
  readonly sectionId: string;
  readonly personId: string | null;
  /** for a late leader-assigned matter: the assigning leader criticised it (L44) */
  readonly criticisedByLeader?: boolean;
}

export function scoreItem(code: string, settings: ScoringSettings): ScoreItem {
  const found = settings.items.find((i) => i.code === code);
  if (!found) throw GovError.badInput(`unknown scoring item ${JSON.stringify(code)}`, { field: 'code', code });
  return found;
}

/**
 * Checks one entry: a known item, a whole count >= 1, at most 1 for a once-a-year item, and the leader's
 * criticism for a late leader-assigned matter ("如未按时办结受到交办领导批评算工作失误一次", L44). BAD_USER_INPUT.
 */
export function assertScoreEntry(entry: ScoreEntry, settings: ScoringSettings): void {
  const item = scoreItem(entry.code, settings);
  assertIsoDate(entry.on, 'on');
  if (!Number.isInteger(entry.count) || entry.count < 1) {
    throw GovError.badInput(`count must be a whole number >= 1, got ${entry.count}`, { field: 'count' });
  }
  if (item.per === 'year' && entry.count !== 1) {
    throw GovError.badInput(`${item.zh} counts once a year`, { field: 'count', code: item.code });
  }
  if (item.needsCriticism && !entry.criticisedByLeader) {
    throw GovError.badInput(`${item.zh}: only when the assigning leader criticised it`, { field: 'criticisedByLeader' });
  }
}

/** All entries of a year: each valid, and a once-a-year item at most once per person or section. */
export function assertScoreEntries(entries: readonly ScoreEntry[], settings: ScoringSettings): void {
  const yearly = new Set<string>();
  for (const e of entries) {
    assertScoreEntry(e, settings);
    if (scoreItem(e.code, settings).per !== 'year') continue;
    const key = `${e.code}|${e.on.slice(0, 4)}|${e.personId ?? `section:${e.sectionId}`}`;
    if (yearly.has(key)) throw GovError.badInput(`${e.code} is recorded twice in ${e.on.slice(0, 4)}`, { field: 'code', code: e.code });
    yearly.add(key);
  }
}

export function entryPoints(entry: ScoreEntry, settings: ScoringSettings): number {
  return scoreItem(entry.code, settings).points * entry.count;
}

/**
 * The section a person was in on a day, from their postings (调整工作岗位的，对其工作期间股室进行加扣分, L45).
 * `to` is the last day in the section, null while still there. BAD_USER_INPUT if none covers the day.
 */
export function sectionAt(
  postings: readonly { personId: string; sectionId: string; from: IsoDate; to: IsoDate | null }[],
  personId: string,
  on: IsoDate,
): string {
  assertIsoDate(on, 'on');
  const p = postings.find((x) => x.personId === personId && x.from <= on && (x.to === null || on <= x.to));
  if (!p) throw GovError.badInput(`${personId} was in no section on ${on}`, { personId, on });
  return p.sectionId;
}

const inYear = (e: ScoreEntry, year: number) => Number(e.on.slice(0, 4)) === year;

/**
 * Each section's score for a year: the base (L39) plus its own entries and those of the people who were in it
 * ("个人的加扣分将累计作为各股室的加扣分", L45). Sections without entries keep the base. Scores are not
 * bounded: the seed sets no floor or ceiling.
 */
export function sectionScores(
  entries: readonly ScoreEntry[],
  sectionIds: readonly string[],
  year: number,
  settings: ScoringSettings,
): Map<string, number> {
  const scores = new Map(sectionIds.map((id) => [id, settings.base]));
  for (const e of entries) {
    if (!inYear(e, year)) continue;
    if (!scores.has(e.sectionId)) throw GovError.badInput(`unknown section ${e.sectionId}`, { sectionId: e.sectionId });
    scores.set(e.sectionId, scores.get(e.sectionId)! + entryPoints(e, settings));
  }
  return scores;
}

/** A person's score for a year: the base plus their own entries (L39). */
export function personScore(entries: readonly ScoreEntry[], personId: string, year: number, settings: ScoringSettings): number {
  return entries
    .filter((e) => e.personId === personId && inYear(e, year))
    .reduce((sum, e) => sum + entryPoints(e, settings), settings.base);
}

// ---------------------------------------------------------------------------------------------------------
// Quarterly evidence (L37, L46)

export type Quarter = 1 | 2 | 3 | 4;

export function quarterOf(date: IsoDate): Quarter {
  assertIsoDate(date);
  return (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter;
}

/** The last day evidence of a quarter is in time: before the 28th of the quarter's last month (L46). */
export function evidenceDeadline(year: number, quarter: Quarter, settings: ScoringSettings): IsoDate {
  const { day, dayIncluded } = settings.evidence;
  const last = dayIncluded ? day : day - 1;
  return `${year}-${String(quarter * 3).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/**
 * Evidence of a quarter: signed by the providing section's cadre in charge (报分管科级干部审签, L46) or
 * BAD_USER_INPUT; submitted by the deadline, or DEADLINE_RULE (settings.evidence.late 'refuse') / 'late'.
 */
export function assertEvidenceAccepted(
  evidence: { year: number; quarter: Quarter; submittedOn: IsoDate; signedByCadreInCharge: boolean },
  settings: ScoringSettings,
): 'on-time' | 'late' {
  assertIsoDate(evidence.submittedOn, 'submittedOn');
  if (!evidence.signedByCadreInCharge) {
    throw GovError.badInput('scoring evidence is signed by the cadre in charge of the providing section (分管科级干部审签)', {
      field: 'signedByCadreInCharge',
    });
  }
  const deadline = evidenceDeadline(evidence.year, evidence.quarter, settings);
  if (evidence.submittedOn <= deadline) return 'on-time';
  if (settings.evidence.late === 'refuse') {
    throw new GovError('DEADLINE_RULE', `evidence for ${evidence.year} Q${evidence.quarter} was due by ${deadline}`, {
      submittedOn: evidence.submittedOn,
      latest: deadline,
    });
  }
  return 'late';
}

// ---------------------------------------------------------------------------------------------------------
// Year end (L48)

export interface RankedSection {
  readonly sectionId: string;
  readonly score: number;
  /** competition ranking: equal scores share a rank, the next rank skips (1, 2, 2, 4) */
  readonly rank: number;
  /** among the top sections commended (前3个股室) */
  readonly commended: boolean;
  /** among the bottom sections, whose heads take no part in the year's awards (得分后2名的股室负责人) */
  readonly headExcludedFromAwards: boolean;
}

/**
 * The year-end ranking. Ties at a boundary follow settings.yearEnd.boundaryTies: 'include' puts every tied
 * section in (the list may be longer than 3 or 2), 'exclude' leaves the whole tied group out. The two flags
 * are independent: with very few sections one section may carry both. Order: score descending, then id.
 */
export function yearEndRanking(scores: ReadonlyMap<string, number>, settings: ScoringSettings): RankedSection[] {
  const { commendTopSections: top, excludeBottomSections: bottom, boundaryTies } = settings.yearEnd;
  const all = [...scores.entries()].map(([sectionId, score]) => ({ sectionId, score }));
  const within = (better: number, tied: number, n: number) => (boundaryTies === 'include' ? better < n : better + tied <= n);
  return all
    .map(({ sectionId, score }) => {
      const higher = all.filter((s) => s.score > score).length;
      const lower = all.filter((s) => s.score < score).length;
      const tied = all.filter((s) => s.score === score).length;
      return {
        sectionId,
        score,
        rank: higher + 1,
        commended: within(higher, tied, top),
        headExcludedFromAwards: within(lower, tied, bottom),
      };
    })
    .sort((a, b) => b.score - a.score || (a.sectionId < b.sectionId ? -1 : a.sectionId > b.sectionId ? 1 : 0));
}

/** "5-8名先进个人" (L48): BAD_USER_INPUT outside the range. */
export function assertAdvancedIndividuals(count: number, settings: ScoringSettings): void {
  const { min, max } = settings.yearEnd.advancedIndividuals;
  if (!Number.isInteger(count) || count < min || count > max) {
    throw GovError.badInput(`${min} to ${max} advanced individuals are commended, got ${count}`, { field: 'advancedIndividuals' });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Leader-assigned matters (L44)

/** "领导交办事项要求原则上2个工作日办结" (L44): the due date of a matter assigned on `assignedOn`. */
export function leaderAssignedMatterDue(calendar: WorkingCalendar, assignedOn: IsoDate, settings: ScoringSettings): IsoDate {
  return dueDate(calendar, assignedOn, settings.leaderAssignedMatter);
}

/** Whether the matter is late on `asOf`: not done by its due date (done on the due date is on time). */
export function isLeaderAssignedMatterLate(
  calendar: WorkingCalendar,
  assignedOn: IsoDate,
  doneOn: IsoDate | null,
  asOf: IsoDate,
  settings: ScoringSettings,
): boolean {
  assertIsoDate(asOf, 'asOf');
  const due = leaderAssignedMatterDue(calendar, assignedOn, settings);
  return doneOn === null ? asOf > due : doneOn > due;
}

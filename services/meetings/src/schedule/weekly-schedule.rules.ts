import type { Actor } from '@gov/auth';
import { addCalendarDays, dayOfWeek, type IsoDate, type WorkingCalendar } from '@gov/calendar';
import { GovError } from '@gov/contracts';
import { z } from 'zod';
import {
  beijingDate,
  ClockDurationSchema,
  clockMs,
  closeOfBusinessOn,
  DEFAULT_TIME_SETTINGS,
  minutesOf,
  nthWorkingDayBefore,
  type TimeSettings,
} from '../meetings/lead-time.js';
import { assertHoldsPost, type PostHolders } from '../meetings/posts.js';
import { applyTransition, type TransitionRow } from '../meetings/state-table.js';

/**
 * The leaders' weekly schedule (周表安排, 编制区领导一周主要工作安排表; seed000-a W2, seed 000 L32–40; seed 001 L444
 * 收集、协调、汇总、发放): registration of items, screening, the draft table, conflicts resolved by the deputy
 * director, review, the director's reading, approval by the Party secretary AND the district mayor, issue
 * before close of business on Monday, amendments.
 */

/**
 * Settings.
 * - `minimumGapBetweenActivities`: the seeds say nothing about travel time between a leader's activities;
 *   0 minutes means only overlapping times conflict. A deployment that wants travel time sets it.
 * - `issueWeekOffset`: which Monday the 周一下班前 deadline (L38) falls on: 0 = the Monday of the week the table
 *   covers (L36 "拟在本周安排" lists this week's items; L34's "下周" are the NPC/CPPCC/discipline offices'
 *   pre-arrangements sent the week before); -1 = the Monday of the week before. RULES.md D7.
 * - `mondayOffRule`: when that Monday is not a working day (a holiday), the deadline moves to the previous
 *   working day (stricter default; the seeds are silent) or to the next one. RULES.md D8.
 */
export const ScheduleSettingsSchema = z.strictObject({
  minimumGapBetweenActivities: ClockDurationSchema.default(minutesOf(0)),
  issueWeekOffset: z.union([z.literal(0), z.literal(-1)]).default(0),
  mondayOffRule: z.enum(['previous-working-day', 'next-working-day']).default('previous-working-day'),
});
export type ScheduleSettings = z.infer<typeof ScheduleSettingsSchema>;
export const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = ScheduleSettingsSchema.parse({});

/** Where an item came from (seed 000 L34). */
export const ENTRY_SOURCES = ['leader-instruction', 'approved-request', 'npc-office', 'cppcc-office', 'discipline-office'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

/** One item of the table; the register fields are time, place, content, attending leaders, host unit (L34). */
export interface ScheduleEntry {
  readonly id: string;
  readonly source: EntrySource;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly place: string;
  readonly content: string;
  readonly leaderIds: readonly string[];
  readonly hostUnit: string;
  /** The sections that accompany the leaders (跟会科室), told of changes (L136). */
  readonly accompanyingSections?: readonly string[];
}

export function missingEntryFields(entry: ScheduleEntry): string[] {
  const missing: string[] = [];
  if (!(entry.startsAt instanceof Date) || !(entry.endsAt instanceof Date)) missing.push('time');
  else if (entry.endsAt.getTime() <= entry.startsAt.getTime()) missing.push('time');
  if (!entry.place?.trim()) missing.push('place');
  if (!entry.content?.trim()) missing.push('content');
  if (entry.leaderIds.length === 0) missing.push('leaderIds');
  if (!entry.hostUnit?.trim()) missing.push('hostUnit');
  return missing;
}

/** BAD_USER_INPUT naming each incomplete entry and what it lacks. */
export function assertEntriesComplete(entries: readonly ScheduleEntry[]): void {
  const incomplete = entries
    .map((e) => ({ id: e.id, missing: missingEntryFields(e) }))
    .filter((e) => e.missing.length > 0);
  if (incomplete.length > 0) {
    throw GovError.badInput(`incomplete schedule entries: ${incomplete.map((e) => e.id).join(', ')}`, { incomplete });
  }
}

/** BAD_USER_INPUT unless `weekMonday` is a Monday and every entry starts within that week (Beijing dates). */
export function assertEntriesInWeek(entries: readonly ScheduleEntry[], weekMonday: IsoDate): void {
  assertMonday(weekMonday);
  const sunday = addCalendarDays(weekMonday, 6);
  const outside = entries.filter((e) => {
    const d = beijingDate(e.startsAt);
    return d < weekMonday || d > sunday;
  });
  if (outside.length > 0) {
    throw GovError.badInput(`entries outside the week of ${weekMonday}: ${outside.map((e) => e.id).join(', ')}`, {
      outside: outside.map((e) => e.id),
    });
  }
}

function assertMonday(date: IsoDate): void {
  if (dayOfWeek(date) !== 1) throw GovError.badInput(`the week must start on a Monday, got ${date}`, { weekMonday: date });
}

export type ScheduleConflict =
  | { readonly kind: 'leader-time'; readonly leaderId: string; readonly entryIds: readonly [string, string] }
  | { readonly kind: 'venue'; readonly place: string; readonly entryIds: readonly [string, string] };

function overlaps(a: ScheduleEntry, b: ScheduleEntry, gapMs: number): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() + gapMs && b.startsAt.getTime() < a.endsAt.getTime() + gapMs;
}

/**
 * Conflicts in the draft table ("当区领导活动在时间安排或其他方面有冲突时", L36):
 * - `leader-time`: one leader in two entries whose times overlap (or lie closer than the travel gap);
 * - `venue`: two entries in the same place at overlapping times (one of the "其他方面").
 * Touching times (one ends when the next begins) do not conflict while the gap is 0. Each pair once, in
 * entry order.
 */
export function detectConflicts(
  entries: readonly ScheduleEntry[],
  settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS,
): ScheduleConflict[] {
  const gap = clockMs(settings.minimumGapBetweenActivities);
  const conflicts: ScheduleConflict[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [a, b] = [entries[i]!, entries[j]!];
      const shared = a.leaderIds.filter((l) => b.leaderIds.includes(l));
      if (shared.length > 0 && overlaps(a, b, gap)) {
        for (const leaderId of [...new Set(shared)]) conflicts.push({ kind: 'leader-time', leaderId, entryIds: [a.id, b.id] });
      }
      if (a.place.trim() === b.place.trim() && overlaps(a, b, 0)) {
        conflicts.push({ kind: 'venue', place: a.place.trim(), entryIds: [a.id, b.id] });
      }
    }
  }
  return conflicts;
}

export type ScheduleState =
  | 'collected'
  | 'screened'
  | 'draft'
  | 'in-conflict'
  | 'chief-reviewed'
  | 'deputy-reviewed'
  | 'with-director'
  | 'awaiting-approvals'
  | 'secretary-approved'
  | 'mayor-approved'
  | 'approved'
  | 'issued'
  | 'amended';

export type ScheduleAction =
  | 'collect'
  | 'screen'
  | 'draft'
  | 'flag-conflict'
  | 'resolve-conflict'
  | 'review'
  | 'send-back'
  | 'submit-to-director'
  | 'read'
  | 'approve-as-party-secretary'
  | 'approve-as-district-mayor'
  | 'issue'
  | 'amend';

/**
 * The weekly-table state machine (seed 000 L34–40): 登记 (collect) → 审查 (screen) → 拟办: 草表 (draft); a conflict
 * goes to the 分管副主任 to coordinate (L36) → 送审 办文人员—科长—分管副主任 (L36) → 呈批: the deputy presents it to
 * the office director (办主要领导审阅) → 分别呈报书记、区长审定 (L38: both approve, in either order) → issued → amended
 * (L40). Issuing needs both approvals: there is no `issue` row before `approved`.
 */
export const SCHEDULE_TRANSITIONS: ReadonlyArray<TransitionRow<ScheduleState, ScheduleAction>> = [
  { from: null, action: 'collect', roles: ['clerk'], to: 'collected' },
  { from: 'collected', action: 'screen', roles: ['clerk'], to: 'screened' },
  { from: 'screened', action: 'draft', roles: ['clerk'], to: 'draft' },
  { from: 'draft', action: 'flag-conflict', roles: ['clerk'], to: 'in-conflict' },
  { from: 'in-conflict', action: 'resolve-conflict', roles: ['deputy-director'], to: 'draft' },
  { from: 'draft', action: 'review', roles: ['section-chief'], to: 'chief-reviewed' },
  { from: 'chief-reviewed', action: 'send-back', roles: ['section-chief', 'deputy-director'], to: 'draft' },
  { from: 'chief-reviewed', action: 'review', roles: ['deputy-director'], to: 'deputy-reviewed' },
  { from: 'deputy-reviewed', action: 'submit-to-director', roles: ['deputy-director'], to: 'with-director' },
  { from: 'with-director', action: 'read', roles: ['director'], to: 'awaiting-approvals' },
  { from: 'with-director', action: 'send-back', roles: ['director'], to: 'draft' },
  { from: 'awaiting-approvals', action: 'approve-as-party-secretary', roles: ['district-leader'], to: 'secretary-approved' },
  { from: 'awaiting-approvals', action: 'approve-as-district-mayor', roles: ['district-leader'], to: 'mayor-approved' },
  { from: 'secretary-approved', action: 'approve-as-district-mayor', roles: ['district-leader'], to: 'approved' },
  { from: 'mayor-approved', action: 'approve-as-party-secretary', roles: ['district-leader'], to: 'approved' },
  { from: 'approved', action: 'issue', roles: ['clerk'], to: 'issued' },
  { from: 'issued', action: 'amend', roles: ['clerk'], to: 'amended' },
  { from: 'amended', action: 'amend', roles: ['clerk'], to: 'amended' },
];

export interface ScheduleGuardContext {
  /** Who is the 书记 and who the 区长. */
  readonly posts: PostHolders;
  /** Conflicts still in the draft ({@link detectConflicts}); a draft with conflicts cannot go to review. */
  readonly openConflicts: readonly ScheduleConflict[];
}

/**
 * The next state by the table, then the guards: an approval "as Party secretary" or "as district mayor"
 * comes from the holder of that post (FORBIDDEN otherwise); a draft with unresolved conflicts is flagged,
 * not reviewed (CONFLICT); a conflict is flagged only when there is one.
 */
export function nextScheduleState(
  from: ScheduleState | null,
  action: ScheduleAction,
  actor: Actor,
  ctx: ScheduleGuardContext,
): ScheduleState {
  const to = applyTransition(SCHEDULE_TRANSITIONS, 'weekly schedule', from, action, actor);
  if (action === 'approve-as-party-secretary') assertHoldsPost(actor, 'party-secretary', ctx.posts);
  if (action === 'approve-as-district-mayor') assertHoldsPost(actor, 'district-mayor', ctx.posts);
  if (action === 'review' && from === 'draft' && ctx.openConflicts.length > 0) {
    throw GovError.conflict('the draft has conflicts in leaders’ time; the deputy director resolves them first', {
      conflicts: ctx.openConflicts,
    });
  }
  if (action === 'flag-conflict' && ctx.openConflicts.length === 0) {
    throw GovError.conflict('there is no conflict to flag');
  }
  return to;
}

/**
 * The issue deadline: close of business on the Monday (L38 "于周一下午下班前发至区领导和各单位") of the covered
 * week (or the week before, per `issueWeekOffset`); a Monday off moves per `mondayOffRule`.
 */
export function issueDeadline(
  calendar: WorkingCalendar,
  weekMonday: IsoDate,
  settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): { dueDate: IsoDate; dueAt: Date } {
  assertMonday(weekMonday);
  const monday = addCalendarDays(weekMonday, 7 * settings.issueWeekOffset);
  let due = monday;
  if (!calendar.isWorkingDay(monday)) {
    due =
      settings.mondayOffRule === 'previous-working-day'
        ? nthWorkingDayBefore(calendar, monday, 1)
        : calendar.nextWorkingDay(monday);
  }
  return { dueDate: due, dueAt: closeOfBusinessOn(due, time) };
}

/** Whether an issue at `issuedAt` is late (SCENARIOS.md seed000-a #4: flagged, not refused). */
export function issueTimeliness(
  calendar: WorkingCalendar,
  weekMonday: IsoDate,
  issuedAt: Date,
  settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): { dueAt: Date; late: boolean } {
  const { dueAt } = issueDeadline(calendar, weekMonday, settings, time);
  return { dueAt, late: issuedAt.getTime() > dueAt.getTime() };
}

export interface EntryChange {
  readonly entryId: string;
  readonly change: 'added' | 'removed' | 'changed';
}

/**
 * An amendment to an issued table (L40 "会议(活动)安排如有更改的,要及时告知有关领导和单位"; L136 跟会科室 too): the
 * changed entries, and everyone to tell — the leaders and host units of the entry before and after the change,
 * and the accompanying sections.
 */
export function amendmentNotices(
  before: readonly ScheduleEntry[],
  after: readonly ScheduleEntry[],
): { changes: EntryChange[]; leaders: string[]; units: string[]; sections: string[] } {
  const old = new Map(before.map((e) => [e.id, e]));
  const now = new Map(after.map((e) => [e.id, e]));
  const changes: EntryChange[] = [];
  const touched: ScheduleEntry[] = [];
  for (const e of after) {
    const prev = old.get(e.id);
    if (!prev) {
      changes.push({ entryId: e.id, change: 'added' });
      touched.push(e);
    } else if (!sameEntry(prev, e)) {
      changes.push({ entryId: e.id, change: 'changed' });
      touched.push(prev, e);
    }
  }
  for (const e of before) {
    if (!now.has(e.id)) {
      changes.push({ entryId: e.id, change: 'removed' });
      touched.push(e);
    }
  }
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  return {
    changes,
    leaders: uniq(touched.flatMap((e) => [...e.leaderIds])),
    units: uniq(touched.map((e) => e.hostUnit)),
    sections: uniq(touched.flatMap((e) => [...(e.accompanyingSections ?? [])])),
  };
}

function sameEntry(a: ScheduleEntry, b: ScheduleEntry): boolean {
  return (
    a.startsAt.getTime() === b.startsAt.getTime() &&
    a.endsAt.getTime() === b.endsAt.getTime() &&
    a.place === b.place &&
    a.content === b.content &&
    a.hostUnit === b.hostUnit &&
    [...a.leaderIds].sort().join('|') === [...b.leaderIds].sort().join('|') &&
    [...(a.accompanyingSections ?? [])].sort().join('|') === [...(b.accompanyingSections ?? [])].sort().join('|')
  );
}
